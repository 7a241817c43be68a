import type { Kysely } from 'kysely'

/**
 * Signatures (docs/signatures.md): what each thread's posts mention, and the terms its similar threads are
 * found by. Both tables are derived from the posts, so `quorum signatures rebuild` can always refill them.
 * - thread_signatures: one row per thread and signature (kind: os, error, symbol, reference, crash), with how
 *   many of the thread's posts mention it and its place in the thread's display order; (kind, key,
 *   thread_id) lists the threads sharing a signature.
 * - similarity_terms: each thread's distinctive words with an integer weight (per mille of its normalised
 *   term vector); (term, thread_id) is the inverted index the similar-threads query reads.
 * Named after 0300_listing_indexes (planned as 0200): a migration sorted before one already applied would be
 * refused by the migrator on databases that have run it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('thread_signatures')
    .addColumn('thread_id', 'integer', (c) =>
      c.notNull().references('threads.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('post_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('thread_signatures_pk', ['thread_id', 'kind', 'key'])
    .execute()
  await db.schema
    .createIndex('thread_signatures_signature')
    .on('thread_signatures')
    .columns(['kind', 'key', 'thread_id'])
    .execute()

  await db.schema
    .createTable('similarity_terms')
    .addColumn('thread_id', 'integer', (c) =>
      c.notNull().references('threads.id').onDelete('cascade'),
    )
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('similarity_terms_pk', ['thread_id', 'term'])
    .execute()
  await db.schema
    .createIndex('similarity_terms_term')
    .on('similarity_terms')
    .columns(['term', 'thread_id', 'weight'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('similarity_terms').execute()
  await db.schema.dropTable('thread_signatures').execute()
}
