/**
 * A fresh, migrated database per test file: in-memory SQLite, or a PostgreSQL schema of its own
 * (random name, dropped afterwards) so parallel files and parallel CI runs never collide.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import type { Dialect } from '../../src/config.js'
import { createDb, type DbHandle, type DbOptions } from '../../src/db/connect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import type { Db } from '../../src/db/schema.js'
import { TEST_POSTGRES_URL } from './dialects.js'

export interface TestDb {
  readonly db: Db
  readonly handle: DbHandle
  readonly dialect: Dialect
}

/** Opens a fresh database; `dispose` closes it and drops what it created. */
export async function openTestDb(
  dialect: Dialect,
  options: DbOptions & { migrate?: boolean } = {},
): Promise<{ handle: DbHandle; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const handle = createDb({ dialect: 'sqlite', url: ':memory:' }, options)
    if (options.migrate !== false) await migrateToLatest(handle.db)
    return { handle, dispose: () => handle.close() }
  }
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(`create schema ${schema}`)
  const handle = createDb({ dialect: 'postgres', url: TEST_POSTGRES_URL, schema }, options)
  if (options.migrate !== false) await migrateBesideOthers(handle.db, schema)
  return {
    handle,
    dispose: async () => {
      await handle.close()
      await adminQuery(`drop schema if exists ${schema} cascade`)
    },
  }
}

/** Registers beforeAll/afterAll hooks for a database shared by the tests of one describe block. */
export function useTestDb(dialect: Dialect, options: DbOptions = {}): TestDb {
  let opened: Awaited<ReturnType<typeof openTestDb>> | undefined
  beforeAll(async () => {
    opened = await openTestDb(dialect, options)
  })
  afterAll(async () => {
    await opened?.dispose()
  })
  const current = () => {
    if (!opened) throw new Error('the test database is opened in beforeAll')
    return opened.handle
  }
  return {
    get db() {
      return current().db
    },
    get handle() {
      return current()
    },
    dialect,
  }
}

/**
 * Migrates a schema while other test files create and drop theirs in the same database. Kysely's migrator
 * starts by listing every table of the database, and PostgreSQL fails that listing when another schema is
 * dropped while it runs: the scan still sees the schema or one of its tables, the check that follows no
 * longer finds it ("schema … does not exist", 3F000; "relation other_schema.table does not exist",
 * 42P01, or "column … of relation … does not exist", 42703, from the listing's serial-sequence lookup).
 * Nothing of ours was touched (the migrations run in one transaction), so such a failure is tried again,
 * up to five times: a migration of ours that really fails that way fails five times and is thrown. Any
 * other failure is thrown at once.
 */
async function migrateBesideOthers(db: Db, schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db)
      return
    } catch (error) {
      if (attempt === 5 || !otherSchemaVanished(error, schema)) throw error
    }
  }
}

function otherSchemaVanished(error: unknown, ours: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof pg.DatabaseError && ['3F000', '42P01', '42703'].includes(e.code ?? ''))
      return !e.message.includes(`"${ours}"`) && !e.message.includes(`"${ours}.`)
  }
  return false
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}
