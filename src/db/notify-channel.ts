/**
 * PostgreSQL NOTIFY between app processes, for messages no table holds (the live updates of
 * http/live.ts): `sendOnChannel` notifies, a {@link ChannelListener} on a connection of its own hears
 * every message sent on the channel for this schema (the payload carries the schema, so test schemas
 * and forums sharing a server stay apart). NOTIFY is delivered after commit and only to connections
 * listening at the time: a listener that reconnects has missed what was sent while it was away.
 */
import { sql } from 'kysely'
import pg from 'pg'
import type { Db } from './schema.js'

const RECONNECT_MS = 1000

export interface ChannelListener {
  /** Settles once the first connection listens (or failed; it then retries every second). */
  ready: Promise<void>
  close(): Promise<void>
}

/** Sends `message` (JSON, under 7,000 bytes) on `channel` to every process listening for this schema. */
export async function sendOnChannel(db: Db, channel: string, message: unknown): Promise<void> {
  await sql`select pg_notify(${channel}, json_build_object('schema', current_schema(), 'message', ${JSON.stringify(message)}::json)::text)`.execute(
    db,
  )
}

export function listenOnChannel(
  clientConfig: pg.ClientConfig,
  channel: string,
  onMessage: (message: unknown) => void,
): ChannelListener {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name: ${channel}`)
  let client: pg.Client | null = null
  let closed = false
  let retry: NodeJS.Timeout | undefined
  const reconnect = (broken: pg.Client) => {
    if (client === broken) client = null
    void broken.end().catch(() => {})
    if (closed || retry !== undefined) return
    retry = setTimeout(() => {
      retry = undefined
      void connect()
    }, RECONNECT_MS)
    retry.unref()
  }
  const connect = async () => {
    const c = new pg.Client({ ...clientConfig, application_name: `quorum ${channel}` })
    c.on('error', () => reconnect(c))
    try {
      await c.connect()
      const { rows } = await c.query<{ schema: string }>('select current_schema() as schema')
      const schema = rows[0]?.schema
      c.on('notification', (n) => {
        if (n.channel !== channel || n.payload === undefined) return
        const parsed = JSON.parse(n.payload) as { schema: string; message: unknown }
        if (parsed.schema === schema) onMessage(parsed.message)
      })
      await c.query(`listen ${channel}`)
      if (closed) await c.end()
      else client = c
    } catch {
      reconnect(c)
    }
  }
  const connecting = connect()
  return {
    ready: connecting,
    close: async () => {
      closed = true
      clearTimeout(retry)
      await connecting
      await client?.end().catch(() => {})
      client = null
    },
  }
}
