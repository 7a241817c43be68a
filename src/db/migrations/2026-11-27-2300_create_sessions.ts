import type { Kysely } from 'kysely'
import { timeType } from './helpers.js'

export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await db.schema
    .createTable('sessions')
    // SHA-256 of the cookie's token: a copy of this table gives no usable sessions.
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute()
  await db.schema.createIndex('sessions_expiry').on('sessions').columns(['expires_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sessions').execute()
}
