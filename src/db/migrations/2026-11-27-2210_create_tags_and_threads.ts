import type { Kysely } from 'kysely'
import { timeType, withId, zero } from './helpers.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await withId(db, db.schema.createTable('tags'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('thread_count', 'integer', zero)
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()

  await withId(db, db.schema.createTable('threads'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reply_count', 'integer', zero)
    .addColumn('boost_count', 'integer', zero)
    .addColumn('view_count', 'integer', zero)
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_activity_at', time, (c) => c.notNull())
    .addColumn('accepted_post_id', 'integer')
    .addColumn('locked', 'integer', zero)
    .addColumn('pinned', 'integer', zero)
    .addColumn('deleted_at', time)
    .execute()
  await db.schema
    .createIndex('threads_activity')
    .on('threads')
    .columns(['last_activity_at', 'id'])
    .execute()
  await db.schema
    .createIndex('threads_author_activity')
    .on('threads')
    .columns(['author_id', 'last_activity_at', 'id'])
    .execute()

  // Sort keys copied from the thread so each tag-page sort is a range scan of one index.
  await db.schema
    .createTable('thread_tags')
    .addColumn('thread_id', 'integer', (c) =>
      c.notNull().references('threads.id').onDelete('cascade'),
    )
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('position', 'integer', zero)
    .addColumn('pinned', 'integer', zero)
    .addColumn('solved', 'integer', zero)
    .addColumn('last_activity_at', time, (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('reply_count', 'integer', zero)
    .addColumn('boost_count', 'integer', zero)
    .addColumn('view_count', 'integer', zero)
    .addPrimaryKeyConstraint('thread_tags_pk', ['thread_id', 'tag_id'])
    .execute()
  const sorts: [string, string[]][] = [
    ['tt_pinned_activity', ['tag_id', 'pinned', 'last_activity_at', 'thread_id']],
    ['tt_activity', ['tag_id', 'last_activity_at', 'thread_id']],
    ['tt_newest', ['tag_id', 'created_at', 'thread_id']],
    ['tt_replies', ['tag_id', 'reply_count', 'thread_id']],
    ['tt_boosts', ['tag_id', 'boost_count', 'thread_id']],
    ['tt_views', ['tag_id', 'view_count', 'thread_id']],
  ]
  for (const [name, columns] of sorts) {
    await db.schema.createIndex(name).on('thread_tags').columns(columns).execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('thread_tags').execute()
  await db.schema.dropTable('threads').execute()
  await db.schema.dropTable('tags').execute()
}
