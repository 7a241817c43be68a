import type { Kysely } from 'kysely'
import { sql, timeType, zero } from './helpers.js'

/**
 * Staff actions on threads and posts (docs/moderation.md, "Staff actions"): a thread closed as a
 * duplicate of another; a site-wide pin (home first, with `pinned`: every tag) and its expiry; a pin
 * in one tag only, with its own expiry (the `pinned` sort key of thread_tags becomes "pinned in every
 * tag or in this one"); and the note a staff member leaves with an edit, kept in the revision history.
 * No table is added: the change-feed triggers already cover threads, thread_tags and revisions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  // Not a foreign key: SQLite cannot drop a referencing column, and a deleted target is shown as such.
  await db.schema.alterTable('threads').addColumn('duplicate_of', 'integer').execute()
  await db.schema.alterTable('threads').addColumn('home_pinned', 'integer', zero).execute()
  await db.schema.alterTable('threads').addColumn('pinned_until', time).execute()
  // Home reads its pinned threads apart: a partial index keeps that a lookup of a handful of rows.
  await db.schema
    .createIndex('threads_home_pinned')
    .on('threads')
    .column('home_pinned')
    .where(sql<boolean>`home_pinned = 1`)
    .execute()
  await db.schema.alterTable('thread_tags').addColumn('tag_pinned', 'integer', zero).execute()
  await db.schema.alterTable('thread_tags').addColumn('tag_pinned_until', time).execute()
  await db.schema.alterTable('revisions').addColumn('staff_note', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('revisions').dropColumn('staff_note').execute()
  for (const column of ['tag_pinned_until', 'tag_pinned'])
    await db.schema.alterTable('thread_tags').dropColumn(column).execute()
  await db.schema.dropIndex('threads_home_pinned').execute()
  for (const column of ['pinned_until', 'home_pinned', 'duplicate_of'])
    await db.schema.alterTable('threads').dropColumn(column).execute()
}
