import type { Kysely } from 'kysely'
import { timeType, withId } from './helpers.js'

/**
 * Watching (src/domain/watching) and notifications (src/domain/notifications). A watch is a person's
 * level for one thread or one tag: watching, tracking, normal or muted; no row means normal. A
 * notification is one line of a person's /notifications, written by the notify job after the change's
 * commit; `dedupe_key` is unique per person so a job that runs twice writes nothing twice, and boosts of
 * one post share one row (`actor_count` people). No change-feed trigger: no cached page reads these.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await db.schema
    .createTable('thread_watches')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'integer', (c) =>
      c.notNull().references('threads.id').onDelete('cascade'),
    )
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_watches_pk', ['user_id', 'thread_id'])
    .execute()
  await db.schema
    .createIndex('thread_watches_thread')
    .on('thread_watches')
    .columns(['thread_id', 'level'])
    .execute()
  await db.schema
    .createTable('tag_watches')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_watches_pk', ['user_id', 'tag_id'])
    .execute()
  await db.schema
    .createIndex('tag_watches_tag')
    .on('tag_watches')
    .columns(['tag_id', 'level'])
    .execute()

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'integer', (c) =>
      c.notNull().references('threads.id').onDelete('cascade'),
    )
    .addColumn('post_id', 'integer')
    .addColumn('actor_id', 'integer')
    .addColumn('actor_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('read_at', time)
    .addColumn('emailed_at', time)
    .execute()
  await db.schema
    .createIndex('notifications_user_key')
    .on('notifications')
    .columns(['user_id', 'dedupe_key'])
    .unique()
    .execute()
  // The list, newest first, and the bell's unread count.
  await db.schema
    .createIndex('notifications_user_updated')
    .on('notifications')
    .columns(['user_id', 'updated_at', 'id'])
    .execute()
  await db.schema
    .createIndex('notifications_user_unread')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute()
  await db.schema.dropTable('tag_watches').execute()
  await db.schema.dropTable('thread_watches').execute()
}
