import type { Kysely } from 'kysely'
import { bytesType, timeType, withId, zero } from './helpers.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await withId(db, db.schema.createTable('posts'))
    .addColumn('thread_id', 'integer', (c) =>
      c.notNull().references('threads.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('posts.id').onDelete('cascade'))
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('boost_count', 'integer', zero)
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('edited_at', time)
    .addColumn('recommended_by', 'integer', (c) => c.references('users.id'))
    .addColumn('deleted_at', time)
    .addColumn('deleted_by', 'integer', (c) => c.references('users.id'))
    .execute()
  await db.schema
    .createIndex('posts_thread')
    .on('posts')
    .columns(['thread_id', 'kind', 'created_at', 'id'])
    .execute()
  await db.schema.createIndex('posts_parent').on('posts').columns(['parent_id']).execute()
  await db.schema
    .createIndex('posts_author')
    .on('posts')
    .columns(['author_id', 'kind', 'created_at'])
    .execute()

  await db.schema
    .createTable('boosts')
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('boosts_pk', ['post_id', 'user_id']) // one boost per user and post
    .execute()
  await db.schema.createIndex('boosts_user').on('boosts').columns(['user_id']).execute()

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', bytesType(db), (c) => c.notNull())
    .addColumn('preview_html', 'text')
    .addColumn('line_count', 'integer', zero)
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('attachments_post').on('attachments').columns(['post_id']).execute()

  await withId(db, db.schema.createTable('revisions'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('editor_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('revisions_post_number', ['post_id', 'number'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('revisions').execute()
  await db.schema.dropTable('attachments').execute()
  await db.schema.dropTable('boosts').execute()
  await db.schema.dropTable('posts').execute()
}
