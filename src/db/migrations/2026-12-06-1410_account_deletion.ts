import type { Kysely } from 'kysely'
import { timeType } from './helpers.js'

/**
 * Deleting an account (src/domain/users/account.actions.ts): the user row stays, so posts keep an
 * author, with `deleted_at` set and every personal field cleared. The freed username is held for 30
 * days in `retired_usernames` as a keyed hash (never the name), so nobody can take it over at once.
 * No change-feed trigger on the new table: no page reads it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = timeType(db)
  await db.schema.alterTable('users').addColumn('deleted_at', time).execute()
  await db.schema
    .createTable('retired_usernames')
    // HMAC-SHA-256 (hex) of the lower-cased name, keyed by a secret of the `secrets` table.
    .addColumn('name_hash', 'text', (c) => c.primaryKey())
    .addColumn('retired_at', time, (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retired_usernames').execute()
  await db.schema.alterTable('users').dropColumn('deleted_at').execute()
}
