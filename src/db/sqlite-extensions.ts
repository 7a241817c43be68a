/**
 * SQLite extensions built from Quorum's own C sources by scripts/build.mjs into dist/native/ (see
 * docs/search.md, "Ranking"). Each is optional: a machine that could not compile it runs without, and the
 * code that would use it asks {@link hasSqliteExtension} first.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Database as SQLiteDatabase } from 'better-sqlite3'
import { PROJECT_ROOT } from '../paths.js'

/** The extensions Quorum knows, by name; the file is dist/native/<name>, a shared library without suffix. */
export type SqliteExtension = 'quorum_rank'

/** Found from the checkout, not from this file: it runs as src/db/ (tsx, tests) and as dist/src/db/ (the build). */
export const NATIVE_DIR = path.join(PROJECT_ROOT, 'dist', 'native')
const loaded = new Set<SqliteExtension>()
const missing = new Set<SqliteExtension>()

/**
 * Loads every built extension into a new connection. A file that exists but fails to load (built for
 * another SQLite, say) is an error worth stopping for; a file that is missing is not.
 */
export function loadSqliteExtensions(sqlite: SQLiteDatabase): void {
  const name: SqliteExtension = 'quorum_rank'
  if (missing.has(name)) return
  const file = path.join(NATIVE_DIR, name)
  if (!loaded.has(name) && !fs.existsSync(file)) {
    missing.add(name)
    return
  }
  sqlite.loadExtension(file)
  loaded.add(name)
}

/** True once the extension has been loaded into a connection of this process (it is loaded into all of them). */
export function hasSqliteExtension(name: SqliteExtension): boolean {
  return loaded.has(name)
}
