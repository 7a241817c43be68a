import type { Kysely } from 'kysely'
import { timeType, withId } from './helpers.js'

/**
 * Personal access tokens for the API (src/domain/api-tokens, docs/api.md): a person's named token with
 * scopes and an expiry. Only the SHA-256 of the token is kept; `prefix` (its first characters) lets the
 * owner recognise it in the list. No change-feed trigger: no cached page reads it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    // Space-separated: read, write, moderate, admin.
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time)
    .addColumn('last_used_at', time)
    .addColumn('last_used_ip', 'text')
    .addColumn('revoked_at', time)
    .execute()
  await db.schema
    .createIndex('api_tokens_user')
    .on('api_tokens')
    .columns(['user_id', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_tokens').execute()
}
