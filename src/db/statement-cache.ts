/**
 * Prepared statements kept for reuse on a SQLite connection. Kysely's SQLite driver prepares every query
 * it runs; preparing (parsing and planning the SQL) costs about as much as running a short indexed query,
 * and a page runs the same few statements on every request. A bounded LRU by SQL text keeps them.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/** Statements longer than this are not kept: multi-row INSERTs and long IN lists rarely repeat. */
export const MAX_CACHED_SQL_LENGTH = 4_000

interface BusyAware extends SqliteStatement {
  /** better-sqlite3: true while an iterator over the statement is open. */
  readonly busy?: boolean
}

/**
 * Wraps a better-sqlite3 database for Kysely's SqliteDialect so `prepare` reuses statements, most
 * recently used first, up to `capacity` of them (0 turns the cache off).
 * @example new SqliteDialect({ database: cachingStatements(new SQLite(file), 500) })
 */
export function cachingStatements<D extends SqliteDatabase>(
  database: D,
  capacity: number,
): SqliteDatabase & { readonly cached: number } {
  const statements = new Map<string, BusyAware>()
  return {
    get cached() {
      return statements.size
    },
    close: () => {
      statements.clear()
      database.close()
    },
    prepare(sql: string): SqliteStatement {
      if (capacity <= 0 || sql.length > MAX_CACHED_SQL_LENGTH) return database.prepare(sql)
      const known = statements.get(sql)
      if (known !== undefined && known.busy !== true) {
        // Map order is insertion order: re-inserting marks it most recently used.
        statements.delete(sql)
        statements.set(sql, known)
        return known
      }
      const fresh = database.prepare(sql) as BusyAware
      if (known === undefined) {
        statements.set(sql, fresh)
        if (statements.size > capacity) {
          const oldest = statements.keys().next().value
          if (oldest !== undefined) statements.delete(oldest)
        }
      }
      return fresh
    },
  }
}
