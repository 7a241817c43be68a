import type { Kysely } from 'kysely'
import { timeType } from './helpers.js'

/**
 * Read positions and a person's own watch defaults (src/domain/watching).
 *
 * `thread_reads`: one row per person and thread, written when a signed-in person views the thread's
 * page: the thread's reply count at that view. A thread the person tracks or watches shows "N new" (its
 * reply count now, less this one) on the tag page, home and /settings/watching.
 *
 * `watch_defaults`: the level asking a question and replying set for a person (no row: watching on
 * ask, tracking on reply).
 *
 * No change-feed trigger: only pages rendered for signed-in people read them, and those are never cached.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('thread_reads')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'integer', (c) =>
      c.notNull().references('threads.id').onDelete('cascade'),
    )
    .addColumn('read_replies', 'integer', (c) => c.notNull())
    .addColumn('read_at', timeType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_reads_pk', ['user_id', 'thread_id'])
    .execute()
  await db.schema
    .createTable('watch_defaults')
    .addColumn('user_id', 'integer', (c) =>
      c.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('on_ask', 'text', (c) => c.notNull())
    .addColumn('on_reply', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('watch_defaults').execute()
  await db.schema.dropTable('thread_reads').execute()
}
