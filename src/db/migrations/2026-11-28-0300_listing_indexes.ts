import type { Kysely } from 'kysely'
import { sql, zero } from './helpers.js'

/**
 * Tag pages at any depth, and profiles of prolific people (docs/performance.md).
 * - thread_tags.deleted copies the thread's deleted flag, like the other sort keys, so a tag page never
 *   reads the threads table to skip deleted threads.
 * - Each sort index leads with (tag_id, deleted) and ends with solved: page N is an index-only range
 *   scan of thread_tags (the 20 threads are joined after the offset), with or without a filter.
 * - tt_live_solved counts a tag's live (and solved) threads from the index alone.
 * - threads_accepted_post finds the threads whose answer a person wrote (profile counts) without
 *   scanning every thread.
 */
const OLD: [string, string[]][] = [
  ['tt_pinned_activity', ['tag_id', 'pinned', 'last_activity_at', 'thread_id']],
  ['tt_activity', ['tag_id', 'last_activity_at', 'thread_id']],
  ['tt_newest', ['tag_id', 'created_at', 'thread_id']],
  ['tt_replies', ['tag_id', 'reply_count', 'thread_id']],
  ['tt_boosts', ['tag_id', 'boost_count', 'thread_id']],
  ['tt_views', ['tag_id', 'view_count', 'thread_id']],
]

const NEW: [string, string[]][] = [
  [
    'tt_pinned_activity',
    ['tag_id', 'deleted', 'pinned', 'last_activity_at', 'thread_id', 'solved'],
  ],
  ['tt_activity', ['tag_id', 'deleted', 'last_activity_at', 'thread_id', 'solved']],
  ['tt_newest', ['tag_id', 'deleted', 'created_at', 'thread_id', 'solved']],
  ['tt_replies', ['tag_id', 'deleted', 'reply_count', 'thread_id', 'solved']],
  ['tt_boosts', ['tag_id', 'deleted', 'boost_count', 'thread_id', 'solved']],
  ['tt_views', ['tag_id', 'deleted', 'view_count', 'thread_id', 'solved']],
  ['tt_live_solved', ['tag_id', 'deleted', 'solved']],
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('thread_tags').addColumn('deleted', 'integer', zero).execute()
  await sql`update thread_tags set deleted = 1
    where thread_id in (select id from threads where deleted_at is not null)`.execute(db)
  for (const [name] of OLD) await db.schema.dropIndex(name).execute()
  for (const [name, columns] of NEW)
    await db.schema.createIndex(name).on('thread_tags').columns(columns).execute()
  await db.schema
    .createIndex('threads_accepted_post')
    .on('threads')
    .column('accepted_post_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('threads_accepted_post').execute()
  for (const [name] of NEW) await db.schema.dropIndex(name).execute()
  for (const [name, columns] of OLD)
    await db.schema.createIndex(name).on('thread_tags').columns(columns).execute()
  await db.schema.alterTable('thread_tags').dropColumn('deleted').execute()
}
