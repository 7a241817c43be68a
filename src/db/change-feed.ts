/**
 * PostgreSQL's change feed: a connection of its own that LISTENs on {@link CHANGE_CHANNEL}, where a
 * statement-level trigger on every table the pages read (migration 2026-12-05-1200_change_triggers)
 * sends the table's schema once per committing transaction. The page cache reads `version()` instead
 * of asking the database on every request, which saved a round trip per cached page (about twice the
 * cached pages' rate at 1M threads; docs/performance.md, "The page cache").
 *
 * NOTIFY is delivered after commit, so a page served between another process's commit and the
 * notification's arrival (worst 11–13 ms in `npm run bench:feed-latency`) may be the older one; writes
 * made through this process's own HTTP requests do not wait for it (the page cache's generation counter).
 * While the connection is down, `version()` is null and the caller falls back to asking the database;
 * the feed reconnects every second and counts the reconnection as a change, since notifications sent
 * while it was away are lost.
 */
import { sql } from 'kysely'
import pg from 'pg'
import type { Dialect } from '../config.js'
import type { Db } from './schema.js'

/** The channel the migration's trigger function notifies (spelled out there too: migrations are frozen). */
export const CHANGE_CHANNEL = 'quorum_changes'
const RECONNECT_MS = 1000

export interface ChangeFeed {
  /** Changes with every notification for our schema and every (re)connection; null while not listening. */
  version(): number | null
  /** The listening backend's process id, null while not connected (tests end it to check the fallback). */
  backendPid(): number | null
  close(): Promise<void>
}

/**
 * @example const feed = openChangeFeed({ connectionString }); feed.version() // null until connected
 */
export function openChangeFeed(clientConfig: pg.ClientConfig): ChangeFeed {
  let current: { client: pg.Client; pid: number } | null = null
  let version = 0
  let closed = false
  let retry: NodeJS.Timeout | undefined
  let connecting: Promise<void> | undefined
  const ended = new WeakSet<pg.Client>()

  /** Ends `client` once; unless the feed is closed, a new connection follows in RECONNECT_MS. */
  const drop = (client: pg.Client): Promise<void> => {
    if (ended.has(client)) return Promise.resolve()
    ended.add(client)
    if (current?.client === client) current = null
    if (!closed && retry === undefined) {
      retry = setTimeout(() => {
        retry = undefined
        connecting = connect()
      }, RECONNECT_MS)
      retry.unref()
    }
    return client.end().catch(() => {})
  }

  const connect = async () => {
    const client = new pg.Client({ ...clientConfig, application_name: 'quorum change feed' })
    client.on('error', () => void drop(client))
    client.on('end', () => void drop(client))
    try {
      await client.connect()
      const { rows } = await client.query<{ schema: string; pid: number }>(
        'select current_schema() as schema, pg_backend_pid() as pid',
      )
      const schema = rows[0]?.schema
      client.on('notification', (n) => {
        if (n.channel === CHANGE_CHANNEL && n.payload === schema) version++
      })
      await client.query(`listen ${CHANGE_CHANNEL}`)
      if (closed || ended.has(client)) {
        await drop(client)
        return
      }
      version++ // whatever was committed while no one listened
      current = { client, pid: rows[0]?.pid ?? 0 }
    } catch {
      await drop(client)
    }
  }

  connecting = connect()
  return {
    version: () => (current ? version : null),
    backendPid: () => current?.pid ?? null,
    close: async () => {
      closed = true
      clearTimeout(retry)
      await connecting
      if (current) await drop(current.client)
    },
  }
}

/**
 * A string that changes whenever anything is committed to the database, at one query per call: what the
 * page cache asks while the change feed does not listen (and on SQLite, always).
 */
export function databaseChangeMarker(db: Db, dialect: Dialect): () => Promise<string> {
  if (dialect === 'postgres') {
    return async () => {
      const { rows } = await sql<{ v: string }>`select pg_current_snapshot()::text as v`.execute(db)
      return rows[0]?.v ?? ''
    }
  }
  // total_changes(): rows this connection changed; data_version: commits by other connections.
  return async () => {
    const { rows } = await sql<{ c: number; v: number }>`
      select total_changes() as c, (select data_version from pragma_data_version) as v`.execute(db)
    return `${rows[0]?.c}.${rows[0]?.v}`
  }
}
