/** Migrator wiring shared by the CLI, the start command and the tests. */
import { Migrator, PostgresAdapter, sql, type MigrationResultSet } from 'kysely'
import { migrations } from './migrations/index.js'
import type { Db } from './schema.js'

/**
 * In PostgreSQL the migration tables live in the connection's current schema. Kysely would otherwise
 * look for them in any schema and could mistake another schema's (another test run's) for ours.
 */
export async function createMigrator(db: Db): Promise<Migrator> {
  let migrationTableSchema: string | undefined
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
    migrationTableSchema = rows[0]?.schema
  }
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema,
  })
}

/**
 * Applies every pending migration; throws with the failing migration's name on error. On PostgreSQL the
 * tables an applied migration rewrote are then vacuumed (`vacuumAfter`).
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const applied = unwrap(await (await createMigrator(db)).migrateToLatest())
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const tables = new Set(applied.flatMap((name) => migrations[name]?.vacuumAfter ?? []))
    for (const table of tables) await sql`vacuum analyze ${sql.table(table)}`.execute(db)
  }
  return applied
}

/** Reverts the most recent migration. */
export async function migrateDown(db: Db): Promise<string[]> {
  return unwrap(await (await createMigrator(db)).migrateDown())
}

function unwrap({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, {
      cause: error,
    })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
