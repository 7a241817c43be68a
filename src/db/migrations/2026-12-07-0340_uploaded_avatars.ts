import type { Kysely } from 'kysely'
import { bytesType, timeType } from './helpers.js'

/**
 * Uploaded avatars (issue 26, docs/avatars.md): the image a person chose, one row per person, its bytes
 * checked by their magic bytes and header size at upload. `users.avatar_version` (null: the generated
 * drawing) is carried by the queries that already read authors, so a page with many posts makes no extra
 * query; each upload bumps it, and the URL `/avatars/u/:userId/:version` changes with it. Removing the
 * image empties the row's bytes but keeps its version, so a later upload never reuses a URL that browsers
 * cached as immutable; deleting the account deletes the row.
 *
 * The image is served by its own route, never by a cached page, so `avatars` gets no change-feed
 * trigger; `users` already has one, so a page showing the new version is refreshed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('avatar_version', 'integer').execute()
  await db.schema
    .createTable('avatars')
    .addColumn('user_id', 'integer', (c) =>
      c.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('bytes', bytesType(db), (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', timeType(db), (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('avatars').execute()
  await db.schema.alterTable('users').dropColumn('avatar_version').execute()
}
