import type { Kysely } from 'kysely'
import { sql, timeType } from './helpers.js'

/**
 * Drafts (src/domain/drafts): what a person is writing and has not posted yet, saved as they type so it
 * comes back on their next visit, on any device. One row per person and thread (the reply being written),
 * or per person with no thread (the question being asked on /ask): two partial unique indexes, since a
 * unique index treats NULLs as distinct. The row goes when the post is made, when the person discards
 * it, when the thread is deleted for good and when the account is deleted.
 *
 * No change-feed trigger: only pages rendered for their signed-in owner read drafts, and those are never
 * cached.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drafts')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'integer', (c) => c.references('threads.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', timeType(db), (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('drafts_user_thread')
    .on('drafts')
    .columns(['user_id', 'thread_id'])
    .unique()
    .where('thread_id', 'is not', null)
    .execute()
  await db.schema
    .createIndex('drafts_user_question')
    .on('drafts')
    .column('user_id')
    .unique()
    .where(sql.ref('thread_id'), 'is', null)
    .execute()
  // Deleting a thread looks for its drafts (the foreign key's cascade).
  await db.schema.createIndex('drafts_thread').on('drafts').column('thread_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('drafts').execute()
}
