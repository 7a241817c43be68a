import type { Kysely } from 'kysely'
import { isPostgres, sql, timeType } from './helpers.js'

/**
 * Each thread's similar threads, stored (issue 29; docs/signatures.md, "Similar threads"): ranking them
 * took 5–6 of an uncached thread page's queries on every request. `similar_threads` keeps the ranking's
 * membership, best first (`rank` from 0), with the score (per mille) and the labels of the signatures
 * shared; the page joins the live thread rows, so titles, counts, deletions and hiding show at once.
 * `similarity_vectors.ranked_at` says when a thread was last ranked: 0 means due (never ranked, or a
 * neighbour changed), and (ranked_at, thread_id) lists the due ones first for the refresh job.
 * `quorum signatures rank` fills it for threads written before it. (similar_id, thread_id) finds the
 * threads whose list holds a thread that changed.
 *
 * The thread page (anonymous, cached) reads it, so PostgreSQL gets the change-feed trigger.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('similar_threads')
    .addColumn('thread_id', 'integer', (c) =>
      c.notNull().references('threads.id').onDelete('cascade'),
    )
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('similar_id', 'integer', (c) =>
      c.notNull().references('threads.id').onDelete('cascade'),
    )
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('shared', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('similar_threads_pk', ['thread_id', 'rank'])
    .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute()
  await db.schema
    .createIndex('similar_threads_similar')
    .on('similar_threads')
    .columns(['similar_id', 'thread_id'])
    .execute()
  await db.schema
    .alterTable('similarity_vectors')
    .addColumn('ranked_at', timeType(db), (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('similarity_vectors_ranked')
    .on('similarity_vectors')
    .columns(['ranked_at', 'thread_id'])
    .execute()
  if (isPostgres(db)) {
    await sql`create trigger similar_threads_changed
      after insert or update or delete or truncate on similar_threads
      for each statement execute function quorum_changed()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('similarity_vectors_ranked').execute()
  await db.schema.alterTable('similarity_vectors').dropColumn('ranked_at').execute()
  await db.schema.dropTable('similar_threads').execute()
}
