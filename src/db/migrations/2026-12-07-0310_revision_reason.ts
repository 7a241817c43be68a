import type { Kysely } from 'kysely'

/**
 * The reason anyone may give with an edit ("fixed the build number"), kept with the revision and shown
 * in the edit history (issue 26). No table is added: the change-feed triggers already cover revisions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('revisions').addColumn('reason', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('revisions').dropColumn('reason').execute()
}
