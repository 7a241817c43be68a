/**
 * Where a request's page reads go (DATABASE_REPLICA_URLS; docs/deploy.md, "A read replica").
 *
 * `req.readDb` is the database the read-only page paths (home, tags, thread, search) query: a replica
 * when there is one that is up and the request may use it, else the primary (`req.db`). Writes, sessions
 * and everything else keep using `req.db`, so no query had to change, only which handle four routes pass.
 *
 * A request may read from a replica when it is a GET and either nobody is signed in or its route says
 * `config: { replicaForViewers: true }` (search). Read-your-writes: every successful write (an unsafe
 * method answered below 400) sets the cookie `quorum_wal` to the primary's WAL position after it, for
 * as long as a replica may lag (DATABASE_REPLICA_MAX_LAG_SECONDS, plus a poll); while the cookie is
 * there, only a replica that has replayed that position is used, otherwise the primary. The cookie is
 * also how the page cache knows not to give that person a page rendered before their write.
 *
 * Why an LSN and not just "the primary for N seconds after a write": a caught-up replica (the common
 * case: replay is milliseconds behind) serves the writer again as soon as the next poll sees it, and a
 * replica that fell behind is never used for them however long ago they wrote. The cost is one
 * `select pg_current_wal_lsn()` per write (docs/deploy.md gives the number). A forged cookie can only
 * send its holder's reads to the primary.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { ReplicasConfig } from '../../config.js'
import { formatLsn, parseLsn, ReplicaSet, type ReplicaState } from '../../db/replicas.js'
import type { Db } from '../../db/schema.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Each read replica's state as last polled; empty without DATABASE_REPLICA_URLS (for /readyz, /admin). */
    replicaHealth(): ReplicaState[]
    /** Polls the replicas now (they are polled every second anyway). */
    checkReplicas(): Promise<void>
  }
  interface FastifyRequest {
    /** The database this request's page reads go to: a replica, or the primary (`req.db`). */
    readDb: Db
    /** Where `readDb` points, once it was asked for: the replica's name, `primary`, or null (not yet). */
    readFrom: string | null
    /** The WAL position of this visitor's last write (the `quorum_wal` cookie), while it may matter. */
    writeMarker: bigint | null
  }
  interface FastifyContextConfig {
    /** Signed-in viewers' reads on this route may go to a replica too (read-your-writes still holds). */
    replicaForViewers?: true
  }
}

export const WRITE_MARKER_COOKIE = 'quorum_wal'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const READS = new Set(['GET', 'HEAD'])
const CHOSEN = Symbol('readDb')

export interface ReadDbOptions {
  replicas: ReplicasConfig
  /** The primary's schema (tests), given to the replicas' connections too. */
  schema?: string
  /** Secure cookies (PUBLIC_URL is https). */
  https: boolean
  /** How often replicas are polled (default 1 s). */
  pollMs?: number
}

export const readDbPlugin = fp<ReadDbOptions>(
  async (app, options) => {
    const urls = app.dialect === 'postgres' ? options.replicas.urls : []
    const pollMs = options.pollMs ?? 1000
    const replicas =
      urls.length > 0
        ? new ReplicaSet(app.db, {
            urls,
            maxLagMs: options.replicas.maxLagMs,
            intervalMs: pollMs,
            schema: options.schema,
          })
        : null
    if (replicas) {
      await replicas.start()
      app.addHook('onClose', async () => replicas.close())
    }
    app.decorate('replicaHealth', () => replicas?.health() ?? [])
    // Reads fall back to the primary when replicas are away: a report, not a readiness check.
    if (replicas) app.addHealthReport('replicas', () => replicaSummary(app.replicaHealth()))
    app.decorate('checkReplicas', async () => replicas?.check())
    app.decorateRequest('readFrom', null)
    app.decorateRequest('writeMarker', {
      getter(this: FastifyRequest) {
        return replicas ? readMarker(this.headers.cookie) : null
      },
    })
    app.decorateRequest('readDb', {
      getter(this: FastifyRequest & { [CHOSEN]?: Db }) {
        if (this[CHOSEN]) return this[CHOSEN]
        const eligible =
          replicas !== null &&
          READS.has(this.method) &&
          (this.viewer === null || this.routeOptions.config.replicaForViewers === true)
        const choice = eligible ? replicas.pick(this.writeMarker) : null
        this.readFrom = choice?.name ?? 'primary'
        this[CHOSEN] = choice?.db ?? this.db
        return this[CHOSEN]
      },
    })
    if (!replicas) return
    // The cookie lives as long as a replica may be behind and still be used, plus a poll.
    const markerSeconds = Math.ceil((options.replicas.maxLagMs + 2 * pollMs) / 1000)
    app.addHook('onSend', async (req, reply, payload) => {
      if (!UNSAFE.has(req.method) || reply.statusCode >= 400) return payload
      const lsn = await replicas.primaryLsn().catch(() => null)
      if (lsn !== null) appendCookie(reply, markerCookie(lsn, markerSeconds, options.https))
      return payload
    })
  },
  { name: 'read-db', dependencies: ['db', 'viewer', 'health'] },
)

/** The `quorum_wal` cookie's position, or null when absent or not a WAL position. */
function readMarker(header: string | undefined): bigint | null {
  const value = header ? new RegExp(`(?:^|;\\s*)${WRITE_MARKER_COOKIE}=([^;]*)`).exec(header) : null
  if (!value?.[1]) return null
  try {
    return parseLsn(decodeURIComponent(value[1]))
  } catch {
    return null
  }
}

function markerCookie(lsn: bigint, maxAgeSeconds: number, https: boolean): string {
  const secure = https ? '; Secure' : ''
  return `${WRITE_MARKER_COOKIE}=${encodeURIComponent(formatLsn(lsn))}; Max-Age=${maxAgeSeconds}; Path=/; HttpOnly; SameSite=Lax${secure}`
}

/** Adds a Set-Cookie line after the ones already set (the cookie plugin serialises its own before this). */
function appendCookie(reply: FastifyReply, line: string): void {
  const current = reply.getHeader('set-cookie')
  const lines = current === undefined ? [] : Array.isArray(current) ? current : [String(current)]
  reply.header('set-cookie', [...lines, line])
}

/**
 * The replicas in one line for /healthz and /admin.
 * @example replicaSummary([{ name: 'db2:5432/forum', status: 'up', lagMs: 40, … }]) // { ok: true, detail: 'db2:5432/forum up (40 ms behind)' }
 */
export function replicaSummary(states: readonly ReplicaState[]): { ok: boolean; detail: string } {
  const parts = states.map((r) => {
    if (r.status === 'down') return `${r.name} down${r.error ? ` (${r.error})` : ''}`
    return `${r.name} ${r.status}${r.lagMs === null ? '' : ` (${r.lagMs} ms behind)`}`
  })
  return { ok: states.every((r) => r.status === 'up'), detail: parts.join('; ') }
}
