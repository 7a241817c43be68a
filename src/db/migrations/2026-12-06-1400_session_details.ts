import type { Kysely } from 'kysely'

/**
 * What a person needs to recognise a session on /settings/sessions: the browser's User-Agent (capped
 * in length by the code that writes it) and the client address (TRUST_PROXY-aware), both refreshed
 * when last_seen_at is. Null for sessions opened before this migration until their next touch.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute()
  await db.schema.alterTable('sessions').addColumn('ip', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('ip').execute()
  await db.schema.alterTable('sessions').dropColumn('user_agent').execute()
}
