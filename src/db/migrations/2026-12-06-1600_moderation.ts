import type { Kysely } from 'kysely'
import { isPostgres, sql, timeType, withId } from './helpers.js'

/**
 * Moderation (docs/moderation.md): what a person may do (trust level, silenced, suspended), posts
 * hidden from readers (flagged, held for approval, hidden by staff), flags and the review queue, the
 * append-only staff log, the site settings staff edit, and the addresses refused at sign-up.
 *
 * Existing accounts become members (they predate trust levels); new ones start as `new`. The
 * change-feed triggers already cover `posts` and `users`, so a hidden post leaves cached pages; the new
 * tables are read by no cached page except `site_settings` (the site name is on every page), which gets
 * the change-feed trigger in PostgreSQL (SQLite's page cache sees every write through data_version).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await db.schema
    .alterTable('users')
    .addColumn('trust_level', 'text', (c) => c.notNull().defaultTo('new'))
    .execute()
  // Set by staff: automatic promotion leaves the level alone.
  await db.schema
    .alterTable('users')
    .addColumn('trust_level_locked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('users').addColumn('silenced_until', time).execute()
  await db.schema.alterTable('users').addColumn('silence_reason', 'text').execute()
  await db.schema.alterTable('users').addColumn('suspended_until', time).execute()
  await db.schema.alterTable('users').addColumn('suspend_reason', 'text').execute()
  await db.updateTable('users').set({ trust_level: 'member' }).execute()

  // hidden_reason: 'flagged' | 'approval' | 'duplicate' | 'staff'; hidden_note: what the author is told.
  await db.schema.alterTable('posts').addColumn('hidden_at', time).execute()
  await db.schema.alterTable('posts').addColumn('hidden_reason', 'text').execute()
  await db.schema.alterTable('posts').addColumn('hidden_note', 'text').execute()
  await db.schema.alterTable('posts').addColumn('hidden_by', 'integer').execute()
  // A thread is hidden with its question (held for approval, flagged) or by staff.
  await db.schema.alterTable('threads').addColumn('hidden_at', time).execute()
  await db.schema.alterTable('threads').addColumn('hidden_reason', 'text').execute()

  await withId(db, db.schema.createTable('audit_log'))
    // null: an automatic action (flags reaching the threshold, a held post, a promotion).
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer')
    .addColumn('target_label', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('audit_log_created')
    .on('audit_log')
    .columns(['created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('audit_log_actor')
    .on('audit_log')
    .columns(['actor_id', 'id'])
    .execute()
  await db.schema
    .createIndex('audit_log_target')
    .on('audit_log')
    .columns(['target_type', 'target_id', 'id'])
    .execute()
  await db.schema
    .createIndex('audit_log_action')
    .on('audit_log')
    .columns(['action', 'id'])
    .execute()

  await db.schema
    .createTable('site_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute()

  // kind: 'email' (one address, lower-cased), 'email-domain', 'ip' (one address), 'ip-range' (CIDR).
  await withId(db, db.schema.createTable('sign_up_blocks'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('sign_up_blocks_value')
    .on('sign_up_blocks')
    .columns(['kind', 'value'])
    .unique()
    .execute()

  // reason: 'spam' | 'rude' | 'off-topic' | 'staff'; status: 'pending' | 'agreed' | 'disagreed' | 'deleted'.
  await withId(db, db.schema.createTable('flags'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('handled_by', 'integer')
    .addColumn('handled_at', time)
    .execute()
  await db.schema
    .createIndex('flags_post_user')
    .on('flags')
    .columns(['post_id', 'user_id'])
    .unique()
    .execute()
  await db.schema.createIndex('flags_user').on('flags').columns(['user_id', 'id']).execute()

  // One item per post awaiting a decision. kind: 'flagged' | 'approval' | 'duplicate';
  // status: 'pending' | 'agreed' | 'disagreed' | 'deleted' | 'approved' | 'spammer-deleted'.
  await withId(db, db.schema.createTable('review_items'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('handled_by', 'integer')
    .addColumn('handled_at', time)
    .execute()
  await db.schema
    .createIndex('review_items_status')
    .on('review_items')
    .columns(['status', 'updated_at', 'id'])
    .execute()
  await db.schema
    .createIndex('review_items_post')
    .on('review_items')
    .columns(['post_id', 'status'])
    .execute()

  if (isPostgres(db)) {
    await sql`create trigger site_settings_changed
      after insert or update or delete or truncate on site_settings
      for each statement execute function quorum_changed()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`drop trigger site_settings_changed on site_settings`.execute(db)
  for (const table of ['review_items', 'flags', 'sign_up_blocks', 'site_settings', 'audit_log'])
    await db.schema.dropTable(table).execute()
  for (const column of ['hidden_reason', 'hidden_at'])
    await db.schema.alterTable('threads').dropColumn(column).execute()
  for (const column of ['hidden_by', 'hidden_note', 'hidden_reason', 'hidden_at'])
    await db.schema.alterTable('posts').dropColumn(column).execute()
  for (const column of [
    'suspend_reason',
    'suspended_until',
    'silence_reason',
    'silenced_until',
    'trust_level_locked',
    'trust_level',
  ])
    await db.schema.alterTable('users').dropColumn(column).execute()
}
