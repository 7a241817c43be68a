import type { Kysely } from 'kysely'

/**
 * How a person wants each kind of notification by mail (src/domain/notifications): immediately (batched
 * per thread), daily, weekly or never; no row means the kind's default. No change-feed trigger: no cached
 * page reads it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_email_prefs')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_email_prefs_pk', ['user_id', 'kind'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_email_prefs').execute()
}
