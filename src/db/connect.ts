/**
 * Opens the database named by the config: SQLite through better-sqlite3 (WAL, foreign keys, busy
 * timeout) or PostgreSQL through a pg pool. Both give the same Kysely<Database>.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type LogEvent,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely'
import pg from 'pg'
import type { DatabaseConfig, Dialect } from '../config.js'
import { openChangeFeed, type ChangeFeed } from './change-feed.js'
import { listenOnChannel, type ChannelListener } from './notify-channel.js'
import type { Database, Db } from './schema.js'
import { preparedName } from './prepared-statements.js'
import { loadSqliteExtensions } from './sqlite-extensions.js'
import { cachingStatements } from './statement-cache.js'

// int8 (bigint) columns hold epoch milliseconds and counts, all far below 2^53: read them as numbers.
pg.types.setTypeParser(20, (v) => Number(v))
// numeric results of count()/sum() come back as strings by default; same reasoning.
pg.types.setTypeParser(1700, (v) => Number(v))

/**
 * SQLite's own page cache per connection, in KiB. The operating system caches the file too, so a page
 * SQLite drops costs a read() from memory, not from disk; `npm run bench:page-cost -- --compare cache-size`
 * measures what the size is worth: at 1M threads no page was slower with 32 MB than with 64
 * (docs/performance-log.md, 2026-12-03 morning).
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
  /** PostgreSQL: hears the messages other processes send on `channel` (notify-channel.ts). */
  listen?(channel: string, onMessage: (message: unknown) => void): ChannelListener
  /** PostgreSQL: the pool's connections now (the metrics at /metrics). */
  poolStats?(): PoolStats
}

export interface PoolStats {
  /** Connections open, busy or idle. */
  total: number
  idle: number
  /** Queries waiting for a connection. */
  waiting: number
  max: number
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
    const database = rollbackOnlyWhenOpen(
      sqlite,
      cachingStatements(sqlite, options.statementCache ?? 500),
    )
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), log })
    return { db, dialect: 'sqlite', close: once(() => db.destroy()) }
  }
  const client: pg.ClientConfig = {
    connectionString: config.url,
    connectionTimeoutMillis: options.pool?.connectionTimeoutMillis ?? 5000,
    options: config.schema ? `-c search_path=${config.schema}` : undefined,
  }
  const pool = new pg.Pool({ ...client, max: options.pool?.max ?? 10 })
  // pg emits 'error' on a client whose connection breaks (a server restart, a killed backend) while it
  // runs no query: an idle client, which the pool listens to, or one checked out between the statements
  // of a transaction, which nobody listens to, so the process died. Every client now has a listener
  // for its whole life; the statement that next uses a broken client fails (the request answers 503,
  // http/plugins/errors.ts) and the pool drops the client when it is released.
  const ignore = () => {}
  pool.on('error', ignore)
  pool.on('connect', (connection) => {
    connection.on('error', ignore)
    sendingKeptQueriesByName(connection)
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log })
  return {
    db,
    dialect: 'postgres',
    close: once(() => db.destroy()),
    openChangeFeed: () => openChangeFeed(client),
    listen: (channel, onMessage) => listenOnChannel(client, channel, onMessage),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max,
    }),
  }
}

/**
 * Makes a pool client send the texts `compiledOnce` keeps as named prepared statements: PostgreSQL parses
 * and plans each once per connection, then only binds and runs it (prepared-statements.ts). Kysely calls
 * `query(text, values)`; every other call shape passes through as it came.
 */
function sendingKeptQueriesByName(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  client.query = ((...args: unknown[]) => {
    const [text, values] = args
    const name = args.length === 2 && typeof text === 'string' ? preparedName(text) : undefined
    return name === undefined ? query(...args) : query({ name, text, values })
  }) as typeof client.query
}

/**
 * SQLite ends a transaction by itself when a statement fails with SQLITE_FULL or SQLITE_IOERR; Kysely's
 * ROLLBACK then fails with "cannot rollback - no transaction is active", and that error replaced the one
 * that explains what happened (a full disk). A ROLLBACK with no transaction open does nothing here.
 */
function rollbackOnlyWhenOpen<D extends SqliteDatabase>(sqlite: SQLite.Database, database: D): D {
  const nothing: SqliteStatement = {
    reader: false,
    all: () => [],
    run: () => ({ changes: 0, lastInsertRowid: 0 }),
    iterate: () => [][Symbol.iterator](),
  }
  const prepare = database.prepare.bind(database)
  return Object.assign(database, {
    prepare: (text: string) =>
      text === 'rollback' && !sqlite.inTransaction ? nothing : prepare(text),
  })
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined
  return () => (done ??= fn())
}
