import type { Kysely } from 'kysely'
import { timeType } from './helpers.js'

/** Server-side secrets generated on first start (the CSRF HMAC key), shared by every app process. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', timeType(db), (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('secrets').execute()
}
