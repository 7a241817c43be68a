import type { Kysely } from 'kysely'

/**
 * The interface language a person chose in /settings (docs/i18n.md): `en`, `de`, or null for "as my
 * browser asks" (the `lang` cookie, then Accept-Language). Read with the session, so it costs no query.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('locale', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('locale').execute()
}
