import { sql, type Kysely } from 'kysely'
import { isPostgres } from './helpers.js'

/**
 * Similar threads read the postings of rare terms only: a term in more than 500 threads (the similar-threads
 * cap, MAX_POSTINGS) is skipped by every query. Its postings were still written and indexed, and in a
 * forum they are most of them (the common words of every thread). From here on:
 * - similarity_vectors: each thread's whole term vector, one row per thread (a JSON array of
 *   `[term, weight]`, heaviest first), read whole by the thread page;
 * - common_terms: the terms found in more than 500 threads; a term is added once and stays;
 * - similarity_terms keeps the postings (term, thread, weight) of the other terms only: the inverted index.
 * The backfill is set-based: vectors from the existing rows, common terms by count, then their postings go.
 */
const CAP = 500

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  await db.schema
    .createTable('similarity_vectors')
    .addColumn('thread_id', 'integer', (c) =>
      c.primaryKey().references('threads.id').onDelete('cascade'),
    )
    .addColumn('terms', 'text', (c) => c.notNull())
    .execute()
  await sql`create table common_terms (
    term text not null,
    constraint common_terms_pk primary key (term)
  ) ${sql.raw(pg ? '' : 'without rowid')}`.execute(db)

  if (pg) {
    await sql`insert into similarity_vectors (thread_id, terms)
      select thread_id, json_agg(json_build_array(term, weight) order by weight desc, term)::text
      from similarity_terms group by thread_id`.execute(db)
  } else {
    // json_group_array keeps the order of the rows it is fed.
    await sql`insert into similarity_vectors (thread_id, terms)
      select thread_id, json_group_array(json_array(term, weight)) from (
        select thread_id, term, weight from similarity_terms order by thread_id, weight desc, term)
      group by thread_id`.execute(db)
  }
  await sql`insert into common_terms (term)
    select term from similarity_terms group by term having count(*) > ${sql.lit(CAP)}`.execute(db)
  await sql`delete from similarity_terms where term in (select term from common_terms)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  // The postings of common terms come back from the vectors (which hold every term).
  if (isPostgres(db)) {
    await sql`insert into similarity_terms (thread_id, term, weight)
      select v.thread_id, e.value ->> 0, (e.value ->> 1)::integer
      from similarity_vectors v, json_array_elements(v.terms::json) e
      on conflict do nothing`.execute(db)
  } else {
    await sql`insert or ignore into similarity_terms (thread_id, term, weight)
      select v.thread_id, e.value ->> 0, e.value ->> 1 from similarity_vectors v, json_each(v.terms) e`.execute(
      db,
    )
  }
  await db.schema.dropTable('common_terms').execute()
  await db.schema.dropTable('similarity_vectors').execute()
}
