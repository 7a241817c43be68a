/**
 * The app's Redis (REDIS_URL): one connection for commands and, made on first use, one for pub/sub
 * (a subscribed connection can run no other command). Both connect in the background and reconnect
 * with backoff (200 ms doubling to 5 s, with jitter) for as long as the process runs; nothing waits for
 * them. A command sent while the link is down fails at once (no offline queue), so every caller falls
 * back to what this process knows (docs/scale.md). One warning is logged when Redis becomes unreachable
 * and one line when it is back, never one per request.
 */
import { Redis } from 'ioredis'

export interface RedisLogger {
  warn(fields: object, message: string): void
  info(fields: object, message: string): void
}

/** What the link says of itself: up, or unreachable since a time (null before the first answer). */
export interface RedisState {
  up: boolean
  /** When the link last went down (or first failed), epoch ms; null while up or still connecting. */
  downSince: number | null
  lastError: string | null
}

const MAX_BACKOFF_MS = 5000

/** Reconnect delay after `attempt` failures: 200 ms doubling up to 5 s, with up to 20 % jitter. */
export function reconnectDelay(attempt: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 200 * 2 ** Math.max(0, attempt - 1))
  return Math.round(base * (0.8 + Math.random() * 0.2))
}

export class RedisLink {
  /** The connection for commands (INCR, EVAL, PUBLISH, ...). */
  readonly client: Redis
  private subscriber: Redis | null = null
  private readonly handlers = new Map<string, (message: unknown) => void>()
  private readonly current: RedisState = { up: false, downSince: null, lastError: null }
  private warned = false
  private closed = false

  constructor(
    private readonly url: string,
    /** Put before every key and channel (REDIS_PREFIX). */
    readonly prefix: string,
    private readonly log: RedisLogger,
  ) {
    this.client = this.connection('commands', false)
    this.client.on('ready', () => this.markUp())
    this.client.on('error', (error: Error) => this.markDown(error))
    this.client.on('close', () => this.markDown(null))
  }

  /** Whether commands can be sent now; when false, callers use their per-process fallback. */
  get isUp(): boolean {
    return this.current.up && this.client.status === 'ready'
  }

  state(): Readonly<RedisState> {
    return { ...this.current }
  }

  /** This link's state in words: `connected`, `connecting` or `unreachable since <time>`. */
  health(): { ok: boolean; detail: string } {
    const state = this.current
    if (state.up) return { ok: true, detail: 'connected' }
    return state.downSince === null
      ? { ok: false, detail: 'connecting' }
      : { ok: false, detail: `unreachable since ${new Date(state.downSince).toISOString()}` }
  }

  /**
   * A Lua script called by its SHA1 (EVALSHA; ioredis sends the body once, and again after a
   * NOSCRIPT). `numberOfKeys` undefined: each call passes the number of keys first.
   * @example const incr = link.script('incr', INCR_LUA, 1); await incr(key, windowMs)
   */
  script(
    name: string,
    lua: string,
    numberOfKeys?: number,
  ): (...keysAndArgs: (string | number)[]) => Promise<unknown> {
    const command = `quorum_${name}`
    const client = this.client as unknown as Record<
      string,
      ((...keysAndArgs: (string | number)[]) => Promise<unknown>) | undefined
    >
    if (client[command] === undefined)
      this.client.defineCommand(
        command,
        numberOfKeys === undefined ? { lua } : { lua, numberOfKeys },
      )
    return (...keysAndArgs) =>
      (client[command] as NonNullable<(typeof client)[string]>)(...keysAndArgs)
  }

  /** The full name of a key or channel: REDIS_PREFIX + `name`. */
  key(name: string): string {
    return this.prefix + name
  }

  /**
   * Hears every JSON message published on `channel` (prefixed here) by any process, this one included.
   * The subscriber connection resubscribes by itself after a reconnect; what was published while it
   * was away is not heard (pub/sub keeps nothing).
   */
  subscribe(channel: string, onMessage: (message: unknown) => void): void {
    const name = this.key(channel)
    this.handlers.set(name, onMessage)
    if (!this.subscriber) {
      const sub = this.connection('pubsub', true)
      sub.on('error', () => {}) // the command connection reports the outage; this one just reconnects
      sub.on('message', (from: string, text: string) => {
        const handler = this.handlers.get(from)
        if (!handler) return
        let message: unknown
        try {
          message = JSON.parse(text)
        } catch {
          return
        }
        handler(message)
      })
      this.subscriber = sub
    }
    void this.subscriber.subscribe(name).catch(() => {}) // queued until connected; redone on reconnect
  }

  /** Publishes `message` as JSON on `channel`; rejects when Redis is down (the caller falls back). */
  async publish(channel: string, message: unknown): Promise<void> {
    await this.client.publish(this.key(channel), JSON.stringify(message))
  }

  /** Settles once the subscriber connection listens, or after `ms` (tests wait for it). */
  async subscribed(ms = 5000): Promise<boolean> {
    const sub = this.subscriber
    if (!sub) return false
    if (sub.status === 'ready') return true
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms)
      sub.once('ready', () => {
        clearTimeout(timer)
        resolve(true)
      })
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    // A subscriber has nothing to finish; QUIT on a link that is down would wait for it to come back.
    this.subscriber?.disconnect()
    if (this.client.status === 'ready')
      await this.client.quit().catch(() => this.client.disconnect())
    else this.client.disconnect()
  }

  private connection(role: string, offlineQueue: boolean): Redis {
    return new Redis(this.url, {
      connectionName: `quorum ${role}`,
      enableOfflineQueue: offlineQueue,
      maxRetriesPerRequest: offlineQueue ? null : 0,
      connectTimeout: 2000,
      // A Redis that hangs without closing must not hold requests: past this a command fails and the
      // caller counts in memory. Not on the subscriber, whose SUBSCRIBE waits for a connection.
      ...(offlineQueue ? {} : { commandTimeout: 1000 }),
      retryStrategy: (attempt) => (this.closed ? null : reconnectDelay(attempt)),
    })
  }

  private markUp(): void {
    const wasDown = this.current.downSince
    this.current.up = true
    this.current.downSince = null
    this.current.lastError = null
    this.warned = false
    if (wasDown !== null)
      this.log.info({ downForMs: Date.now() - wasDown }, 'Redis is reachable again: shared limits')
  }

  private markDown(error: Error | null): void {
    if (this.closed) return
    if (error) this.current.lastError = error.message
    if (!this.current.up && this.current.downSince !== null) return
    this.current.up = false
    this.current.downSince = Date.now()
    if (this.warned) return
    this.warned = true
    this.log.warn(
      { err: error ?? undefined },
      'Redis is unreachable: rate limits and sign-in attempts are counted per process, live updates stay in this process, until it is back',
    )
  }
}
