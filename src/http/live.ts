/**
 * Live updates over Server-Sent Events: a hub of open streams by channel (`thread:ID`, `tag:ID`, `home`,
 * and `user:ID`, a person's own), fed in-process by the writes. Each event has an id; the last
 * {@link LiveHubOptions.keep} events are kept, so a client that reconnects with `Last-Event-ID` gets what
 * it missed (or `reset` when that is gone). One timer sends a heartbeat comment to every stream, which
 * keeps proxies from closing idle connections. A per-IP cap bounds the streams one address may hold.
 *
 * Events carry ids and counts, never words or HTML: a page that hears of a new reply fetches the
 * thread itself, so every subscriber reads it in its own page's language (docs/i18n.md) and one event
 * serves viewers of every language.
 */
import type { ServerResponse } from 'node:http'

export type LiveChannel = `thread:${number}` | `tag:${number}` | 'home' | `user:${number}`

export interface LiveEvent {
  id: number
  channel: LiveChannel
  type: string
  data: unknown
}

/** An event as it travels between processes (ids are each process's own). */
export interface LiveMessage {
  channel: LiveChannel
  type: string
  data: unknown
}

export interface LiveHubOptions {
  /** Events kept for Last-Event-ID resumes (default 2000). */
  keep?: number
  /** Milliseconds between heartbeats (default 25 s). */
  heartbeatMs?: number
  /** Open streams one IP address may hold (default 20). */
  perIpCap?: number
}

interface Client {
  res: ServerResponse
  channels: readonly LiveChannel[]
  ip: string
}

function frame(event: LiveEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`
}

export class LiveHub {
  private readonly byChannel = new Map<LiveChannel, Set<Client>>()
  private readonly perIp = new Map<string, number>()
  private readonly recent: LiveEvent[] = []
  /** Ids start at the hub's start time, so a restarted process never reuses an older process's ids. */
  private lastId = Date.now() * 1000
  private readonly keep: number
  private readonly perIpCap: number
  private readonly heartbeat: NodeJS.Timeout
  private open = 0
  private closed = false

  constructor(options: LiveHubOptions = {}) {
    this.keep = options.keep ?? 2000
    this.perIpCap = options.perIpCap ?? 20
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 25_000)
    this.heartbeat.unref()
  }

  /** Open streams, in all. */
  get size(): number {
    return this.open
  }

  /** Whether {@link close} has run: a stream attached from now on is ended at once. */
  get isClosed(): boolean {
    return this.closed
  }

  /** Whether `ip` may open one more stream. */
  admits(ip: string): boolean {
    return (this.perIp.get(ip) ?? 0) < this.perIpCap
  }

  /**
   * Attaches an SSE response (headers already written) to `channels`, first replaying what it missed
   * after `lastEventId`. Returns the function that detaches it. On a closed hub the response is ended
   * at once: no heartbeat and no close() would ever end it, and the server would wait for it forever.
   */
  attach(
    res: ServerResponse,
    ip: string,
    channels: readonly LiveChannel[],
    lastEventId?: number,
  ): () => void {
    if (this.closed) {
      res.end()
      return () => {}
    }
    const client: Client = { res, channels, ip }
    if (lastEventId !== undefined) this.replay(client, lastEventId)
    for (const channel of channels) {
      const set = this.byChannel.get(channel) ?? new Set()
      set.add(client)
      this.byChannel.set(channel, set)
    }
    this.perIp.set(ip, (this.perIp.get(ip) ?? 0) + 1)
    this.open++
    let detached = false
    return () => {
      if (detached) return
      detached = true
      this.open--
      const left = (this.perIp.get(ip) ?? 1) - 1
      if (left === 0) this.perIp.delete(ip)
      else this.perIp.set(ip, left)
      for (const channel of channels) {
        const set = this.byChannel.get(channel)
        set?.delete(client)
        if (set?.size === 0) this.byChannel.delete(channel)
      }
    }
  }

  /**
   * Where published events go first: set (PostgreSQL) to send them to every process, each of which
   * then calls {@link deliver}; unset, they are delivered here at once.
   */
  transport: ((message: LiveMessage) => void) | null = null

  /** Publishes an event: through the transport to every process, or straight to this one's streams. */
  publish(channel: LiveChannel, type: string, data: unknown): void {
    if (this.transport) this.transport({ channel, type, data })
    else this.deliver(channel, type, data)
  }

  /** Sends an event to every stream of `channel` in this process; returns it. */
  deliver(channel: LiveChannel, type: string, data: unknown): LiveEvent {
    const event: LiveEvent = { id: ++this.lastId, channel, type, data }
    this.recent.push(event)
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep)
    const text = frame(event)
    for (const client of this.byChannel.get(channel) ?? []) client.res.write(text)
    return event
  }

  /** Ends every open stream (their browsers reconnect after the `retry` the route sent). */
  close(): void {
    this.closed = true
    clearInterval(this.heartbeat)
    for (const set of this.byChannel.values()) for (const client of set) client.res.end()
    this.byChannel.clear()
  }

  private replay(client: Client, after: number): void {
    const oldest = this.recent[0]
    // Events after `after` were dropped (or came from an older process): the page must reload.
    if (after < this.lastId && (oldest === undefined || oldest.id > after + 1)) {
      client.res.write(`event: reset\ndata: {}\n\n`)
      return
    }
    for (const event of this.recent)
      if (event.id > after && client.channels.includes(event.channel))
        client.res.write(frame(event))
  }

  private beat(): void {
    const seen = new Set<Client>()
    for (const set of this.byChannel.values())
      for (const client of set) {
        if (seen.has(client)) continue
        seen.add(client)
        client.res.write(': heartbeat\n\n')
      }
  }
}
