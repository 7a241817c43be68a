import { sql, type Kysely } from 'kysely'
import { isPostgres } from './helpers.js'

/**
 * SQLite: the derived tables (thread_signatures, similarity_terms) become WITHOUT ROWID tables stored in
 * their primary key's order. Every read of them goes by that key or by the secondary index, never by
 * rowid, and as rowid tables each row was stored three times (table, primary-key index, secondary index);
 * now twice. At a million threads that is ~50 million similarity rows fewer to write on every bulk
 * rebuild, and reading a thread's terms or signatures is one range scan of the table itself. PostgreSQL
 * stores tables as heaps either way: nothing changes there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return
  await rebuild(db, 'without rowid')
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return
  await rebuild(db, '')
}

async function rebuild(db: Kysely<any>, options: 'without rowid' | ''): Promise<void> {
  const end = sql.raw(options)
  await sql`create table thread_signatures_next (
    thread_id integer not null references threads (id) on delete cascade,
    kind text not null,
    key text not null,
    label text not null,
    detail text default '' not null,
    post_count integer default 1 not null,
    position integer default 0 not null,
    constraint thread_signatures_pk primary key (thread_id, kind, key)
  ) ${end}`.execute(db)
  await sql`insert into thread_signatures_next
    select thread_id, kind, key, label, detail, post_count, position from thread_signatures`.execute(
    db,
  )
  await sql`drop table thread_signatures`.execute(db)
  await sql`alter table thread_signatures_next rename to thread_signatures`.execute(db)
  await sql`create index thread_signatures_signature on thread_signatures (kind, key, thread_id)`.execute(
    db,
  )

  await sql`create table similarity_terms_next (
    thread_id integer not null references threads (id) on delete cascade,
    term text not null,
    weight integer not null,
    constraint similarity_terms_pk primary key (thread_id, term)
  ) ${end}`.execute(db)
  await sql`insert into similarity_terms_next select thread_id, term, weight from similarity_terms`.execute(
    db,
  )
  await sql`drop table similarity_terms`.execute(db)
  await sql`alter table similarity_terms_next rename to similarity_terms`.execute(db)
  await sql`create index similarity_terms_term on similarity_terms (term, thread_id, weight)`.execute(
    db,
  )
}
