/**
 * Opens the database named by the config: SQLite through better-sqlite3 (WAL, foreign keys, busy
 * timeout) or PostgreSQL through a pg pool. Both give the same Kysely<Database>.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely'
import pg from 'pg'
import type { DatabaseConfig, Dialect } from '../config.js'
import { openChangeFeed, type ChangeFeed } from './change-feed.js'
import type { Database, Db } from './schema.js'
import { loadSqliteExtensions } from './sqlite-extensions.js'
import { cachingStatements } from './statement-cache.js'

// int8 (bigint) columns hold epoch milliseconds and counts, all far below 2^53: read them as numbers.
pg.types.setTypeParser(20, (v) => Number(v))
// numeric results of count()/sum() come back as strings by default; same reasoning.
pg.types.setTypeParser(1700, (v) => Number(v))

/**
 * SQLite's own page cache per connection, in KiB. The operating system caches the file too, so a page
 * SQLite drops costs a read() from memory, not from disk; `npm run bench:page-cost -- --compare cache-size`
 * measures what the size is worth (docs/performance.md, "What was changed").
 */
export const SQLITE_CACHE_KIB = 32_000

export interface DbHandle {
  db: Db
  dialect: Dialect
  /** Closes the pool or file; safe to call twice. */
  close(): Promise<void>
  /**
   * PostgreSQL: a connection that hears every commit to this schema (change-feed.ts); the caller closes
   * it. SQLite has none: a change is read from the file at the cost of a function call.
   */
  openChangeFeed?(): ChangeFeed
}

export interface DbOptions {
  /** Called for every query; used by tests that count queries per page. */
  onQuery?: (event: LogEvent) => void
  /** SQLite: prepared statements kept for reuse (statement-cache.ts); 0 prepares every query anew. */
  statementCache?: number
  /** SQLite: the connection's page cache in KiB (default {@link SQLITE_CACHE_KIB}). */
  cacheKiB?: number
  /** PostgreSQL: connections in the pool (default 10) and how long a query waits for one (default 5 s). */
  pool?: { max?: number; connectionTimeoutMillis?: number }
}

/**
 * @example const { db, close } = createDb({ dialect: 'sqlite', url: ':memory:' })
 */
export function createDb(config: DatabaseConfig, options: DbOptions = {}): DbHandle {
  const log = options.onQuery ? (event: LogEvent) => options.onQuery?.(event) : undefined
  if (config.dialect === 'sqlite') {
    if (config.url !== ':memory:') fs.mkdirSync(path.dirname(config.url), { recursive: true })
    const sqlite = new SQLite(config.url)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma(`cache_size = -${Math.floor(options.cacheKiB ?? SQLITE_CACHE_KIB)}`)
    loadSqliteExtensions(sqlite)
    const database = cachingStatements(sqlite, options.statementCache ?? 500)
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), log })
    return { db, dialect: 'sqlite', close: once(() => db.destroy()) }
  }
  const client: pg.ClientConfig = {
    connectionString: config.url,
    connectionTimeoutMillis: options.pool?.connectionTimeoutMillis ?? 5000,
    options: config.schema ? `-c search_path=${config.schema}` : undefined,
  }
  const pool = new pg.Pool({ ...client, max: options.pool?.max ?? 10 })
  // Without a listener an idle client's error (a server restart) would crash the process.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log })
  return {
    db,
    dialect: 'postgres',
    close: once(() => db.destroy()),
    openChangeFeed: () => openChangeFeed(client),
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined
  return () => (done ??= fn())
}
