/** What /readyz asks the database (http/plugins/health.ts): does it answer, are its migrations current. */
import { sql } from 'kysely'
import { createMigrator } from './migrate.js'
import type { Db } from './schema.js'

/** One round trip; rejects when the database does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db)
}

/** Migrations this build has that the database has not applied. */
export async function countPendingMigrations(db: Db): Promise<number> {
  const all = await (await createMigrator(db)).getMigrations()
  return all.filter((m) => !m.executedAt).length
}
