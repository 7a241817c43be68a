/**
 * PostgreSQL read replicas (DATABASE_REPLICA_URLS): a pool per streaming replica, a poll that learns how
 * far each is behind the primary, and the choice of one for a read.
 *
 * Every `intervalMs` the primary is asked for `pg_current_wal_lsn()` and each replica for
 * `pg_last_wal_replay_lsn()` and the age of its last replayed commit. A replica is
 * - `up` when it answers and has replayed the primary's position, or its last replayed commit is younger
 *   than `maxLagMs` (so on a busy primary a few milliseconds behind is still up);
 * - `lagging` when it is further behind than that (replay paused, a long query holding it back);
 * - `down` when it does not answer, or is no longer in recovery (promoted: it stopped following us).
 * Only `up` replicas serve reads, round-robin; the others are polled again and come back by themselves.
 * A query on a replica that fails for want of a connection marks it down at once, not at the next poll.
 *
 * Read-your-writes: after a write the caller takes the primary's LSN ({@link ReplicaSet.primaryLsn}) and
 * hands it to {@link ReplicaSet.pick} on the writer's next reads; only a replica whose replayed position
 * (as last polled) has passed it is picked, otherwise the read goes to the primary.
 */
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely'
import pg from 'pg'
import type { Database, Db } from './schema.js'

export type ReplicaStatus = 'starting' | 'up' | 'lagging' | 'down'

/** One replica as the last poll saw it (for /readyz and /admin). */
export interface ReplicaState {
  /** host:port/database, without the user or password. */
  name: string
  status: ReplicaStatus
  /** How far behind the primary its replay was, in ms (0: caught up); null before the first answer. */
  lagMs: number | null
  /** pg_last_wal_replay_lsn() as PostgreSQL spells it (`0/3000148`); null before the first answer. */
  replayLsn: string | null
  /** When it was last polled (epoch ms); null before the first poll. */
  checkedAt: number | null
  /** Why it is down, when it is. */
  error: string | null
}

export interface ReplicaSetOptions {
  urls: readonly string[]
  maxLagMs: number
  /** How often the replicas are polled (default 1 s). */
  intervalMs?: number
  /** The primary's schema (tests): replicas get the same search_path. */
  schema?: string
  /** Connections per replica (default 10) and how long a query waits for one (default 2 s). */
  pool?: { max?: number; connectionTimeoutMillis?: number }
}

interface Replica {
  state: ReplicaState
  replay: bigint | null
  db: Db
}

/** Where a read goes: a replica's Kysely instance, or null for the primary. */
export interface ReplicaChoice {
  db: Db
  name: string
}

export class ReplicaSet {
  private readonly replicas: Replica[]
  private primary: bigint | null = null
  private next = 0
  private timer: NodeJS.Timeout | undefined
  private checking: Promise<void> | undefined

  constructor(
    private readonly primaryDb: Db,
    private readonly options: ReplicaSetOptions,
  ) {
    this.replicas = options.urls.map((url) => this.open(url))
  }

  /** Polls now and every `intervalMs` until closed. */
  start(): Promise<void> {
    this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? 1000)
    this.timer.unref()
    return this.check()
  }

  /** One poll of the primary and every replica (concurrent calls share one). */
  check(): Promise<void> {
    this.checking ??= this.poll().finally(() => (this.checking = undefined))
    return this.checking
  }

  /**
   * A replica to read from, or null for the primary: the next `up` replica that has replayed `after`
   * (the writer's last write; null for a reader who wrote nothing recently).
   * @example const where = replicas.pick(marker)?.db ?? primaryDb
   */
  pick(after: bigint | null): ReplicaChoice | null {
    const n = this.replicas.length
    for (let i = 0; i < n; i++) {
      const replica = this.replicas[(this.next + i) % n]!
      if (replica.state.status !== 'up') continue
      if (after !== null && (replica.replay === null || replica.replay < after)) continue
      this.next = (this.next + i + 1) % n
      return { db: replica.db, name: replica.state.name }
    }
    return null
  }

  /** Each replica's state as of the last poll. */
  health(): ReplicaState[] {
    return this.replicas.map((r) => ({ ...r.state }))
  }

  /** The primary's current WAL position: what a reader must wait for to see a write just committed. */
  async primaryLsn(): Promise<bigint> {
    const { rows } = await sql<{
      lsn: string
    }>`select pg_current_wal_lsn()::text as lsn`.execute(this.primaryDb)
    return parseLsn(rows[0]!.lsn)
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    await this.checking
    await Promise.all(this.replicas.map((r) => r.db.destroy()))
  }

  private open(url: string): Replica {
    const parsed = new URL(url)
    const name = `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`
    const pool = new pg.Pool({
      connectionString: url,
      max: this.options.pool?.max ?? 10,
      connectionTimeoutMillis: this.options.pool?.connectionTimeoutMillis ?? 2000,
      application_name: 'quorum replica read',
      options: this.options.schema ? `-c search_path=${this.options.schema}` : undefined,
    })
    // As for the primary (connect.ts): a broken idle or checked-out client must not kill the process.
    const ignore = () => {}
    pool.on('error', ignore)
    pool.on('connect', (client) => client.on('error', ignore))
    const replica: Replica = {
      state: {
        name,
        status: 'starting',
        lagMs: null,
        replayLsn: null,
        checkedAt: null,
        error: null,
      },
      replay: null,
      db: undefined as unknown as Db,
    }
    const log = (event: LogEvent) => {
      if (event.level === 'error' && isConnectionError(event.error))
        this.markDown(replica, event.error)
    }
    replica.db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log })
    return replica
  }

  private markDown(replica: Replica, error: unknown): void {
    replica.state = {
      ...replica.state,
      status: 'down',
      error: error instanceof Error ? error.message : String(error),
    }
  }

  private async poll(): Promise<void> {
    // The primary first: a replica that has replayed this position has everything committed before it.
    this.primary = await this.primaryLsn().catch(() => this.primary)
    await Promise.all(this.replicas.map((r) => this.pollReplica(r)))
  }

  private async pollReplica(replica: Replica): Promise<void> {
    const checkedAt = Date.now()
    try {
      const { rows } = await sql<{
        recovery: boolean
        lsn: string | null
        behind_ms: number | null
      }>`select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as lsn,
           (extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8
             as behind_ms`.execute(replica.db)
      const row = rows[0]!
      if (!row.recovery || row.lsn === null) {
        this.markDown(replica, new Error('not a streaming replica (pg_is_in_recovery() is false)'))
        replica.state.checkedAt = checkedAt
        return
      }
      const replay = parseLsn(row.lsn)
      const caughtUp = this.primary !== null && replay >= this.primary
      const lagMs = caughtUp ? 0 : Math.max(0, Math.round(row.behind_ms ?? Infinity))
      replica.replay = replay
      replica.state = {
        name: replica.state.name,
        status: lagMs > this.options.maxLagMs ? 'lagging' : 'up',
        lagMs: Number.isFinite(lagMs) ? lagMs : null,
        replayLsn: row.lsn,
        checkedAt,
        error: null,
      }
    } catch (error) {
      this.markDown(replica, error)
      replica.state.checkedAt = checkedAt
    }
  }
}

/**
 * A WAL position (`16/B374D848`) as one number, for comparing.
 * @example parseLsn('1/0') // 4294967296n
 */
export function parseLsn(lsn: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(lsn.trim())
  if (!match) throw new Error(`not a WAL position: ${lsn}`)
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`)
}

/** A WAL position back in PostgreSQL's spelling. */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
])

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^(08|57P0)/.test(code)))
    return true
  return /^Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  )
}
