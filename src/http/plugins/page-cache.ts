/**
 * Caches the HTML of anonymous pages in memory (docs/performance.md). Only GET requests without a
 * signed-in viewer are served from it, and only 200 HTML responses that set no cookie are stored.
 *
 * Invalidation is by version, checked on every hit, so a reply, boost, edit, accept or delete shows on
 * the very next request:
 * - a generation counter, bumped before the response of every unsafe request (POST, ...) that was not
 *   refused with a 4xx is written;
 * - the database's own change marker, which also catches writes made outside HTTP (the CLI, another
 *   process on the same SQLite file, the view counter's flush): SQLite's total_changes() and
 *   data_version, PostgreSQL's current snapshot (it changes whenever any transaction commits, so it
 *   holds across several app processes sharing one database, at one round trip per request).
 * Entries also expire after `maxAgeMs`, so relative times ("5m") stay close, and the cache is an LRU
 * bounded by bytes. Responses carry an ETag (If-None-Match gets a 304) and
 * `Cache-Control: public, max-age=0, must-revalidate` so browsers and CDNs revalidate every time; pages
 * for signed-in people are `private, no-store`.
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { sql } from 'kysely'
import type { Dialect } from '../../config.js'
import type { Db } from '../../db/schema.js'

export interface PageCacheOptions {
  /** Upper bound of the bodies held, in bytes (default 32 MB). */
  maxBytes?: number
  /** How long an entry may be served, at most (default 30 s). */
  maxAgeMs?: number
  /** Check the database's change marker on every cached request (default true). */
  probeDatabase?: boolean
}

type HitEffect = (req: FastifyRequest) => void

interface Entry {
  body: Buffer
  etag: string
  type: string
  version: string
  storedAt: number
  effects: HitEffect[]
  size: number
}

interface RequestState {
  version: string
  effects: HitEffect[]
  hit: boolean
}

export interface PageCacheStats {
  entries: number
  bytes: number
  hits: number
  misses: number
  generation: number
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCache: { stats(): PageCacheStats; clear(): void }
  }
  interface FastifyRequest {
    pageCacheState: RequestState | null
  }
}

export const ANONYMOUS_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Asks the page cache to run `effect` again whenever this response is served from the cache, for work
 * a page does per view (the thread page counts views). Does nothing when the page is not cacheable.
 * @example recordView(req, id); onCacheHit(req, (hit) => recordView(hit, id))
 */
export function onCacheHit(req: FastifyRequest, effect: HitEffect): void {
  req.pageCacheState?.effects.push(effect)
}

export const pageCachePlugin = fp<PageCacheOptions>(
  async (app, options) => {
    const maxBytes = options.maxBytes ?? 32 * 1024 * 1024
    const maxAgeMs = options.maxAgeMs ?? 30_000
    const probe =
      options.probeDatabase === false ? async () => '' : databaseProbe(app.db, app.dialect)
    const entries = new Map<string, Entry>()
    let bytes = 0
    let generation = 0
    let hits = 0
    let misses = 0

    const remove = (key: string) => {
      const entry = entries.get(key)
      if (!entry) return
      entries.delete(key)
      bytes -= entry.size
    }
    const store = (key: string, entry: Entry) => {
      if (entry.size > maxBytes / 8) return
      remove(key)
      entries.set(key, entry)
      bytes += entry.size
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break
        remove(oldest)
      }
    }

    app.decorate('pageCache', {
      stats: () => ({ entries: entries.size, bytes, hits, misses, generation }),
      clear: () => {
        entries.clear()
        bytes = 0
      },
    })
    app.decorateRequest('pageCacheState', null)

    // preValidation: after the session plugin has set req.viewer and after route-level onRequest hooks
    // (the global rate limit), so a cached page is still counted against the client's limit.
    app.addHook('preValidation', async (req, reply) => {
      if (req.method !== 'GET' || req.viewer || req.url.startsWith('/assets/')) return
      const version = `${generation}:${await probe()}`
      const entry = entries.get(req.url)
      if (entry && entry.version === version && Date.now() - entry.storedAt < maxAgeMs) {
        hits++
        entries.delete(req.url) // most recently used goes last
        entries.set(req.url, entry)
        req.pageCacheState = { version, effects: [], hit: true }
        for (const effect of entry.effects) effect(req)
        anonymousHeaders(reply, entry.etag).type(entry.type).header('x-page-cache', 'hit')
        if (matches(req, entry.etag)) return reply.code(304).send()
        return reply.code(200).send(entry.body)
      }
      if (entry) remove(req.url)
      misses++
      req.pageCacheState = { version, effects: [], hit: false }
    })

    app.addHook('onSend', async (req, reply, payload) => {
      if (UNSAFE.has(req.method)) {
        // Before the response is written: the client's next request already sees the new generation.
        if (reply.statusCode < 400 || reply.statusCode >= 500) generation++
        return payload
      }
      const state = req.pageCacheState
      const type = String(reply.getHeader('content-type') ?? '')
      if (!type.startsWith('text/html') || req.method !== 'GET') return payload
      if (req.viewer || reply.hasHeader('set-cookie')) {
        reply.header('cache-control', PRIVATE_CACHE_CONTROL)
        return payload
      }
      if (!state || state.hit || reply.statusCode !== 200) return payload
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
      store(req.url, {
        body,
        etag,
        type,
        version: state.version,
        storedAt: Date.now(),
        effects: state.effects,
        size: body.byteLength + req.url.length * 2 + 256,
      })
      anonymousHeaders(reply, etag).header('x-page-cache', 'miss')
      if (matches(req, etag)) {
        reply.code(304)
        return ''
      }
      return payload
    })
  },
  { name: 'page-cache', dependencies: ['db', 'session'] },
)

function anonymousHeaders(reply: FastifyReply, etag: string): FastifyReply {
  // Vary: Cookie keeps shared caches from giving a signed-in person the anonymous page.
  return reply
    .header('cache-control', ANONYMOUS_CACHE_CONTROL)
    .header('etag', etag)
    .header('vary', 'Cookie')
}

function matches(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match']
  if (!header) return false
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}

/** A string that changes whenever anything is committed to the database. */
function databaseProbe(db: Db, dialect: Dialect): () => Promise<string> {
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
