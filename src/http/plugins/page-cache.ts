/**
 * Caches the HTML of anonymous pages in memory (docs/performance.md). Only GET requests without a
 * signed-in viewer are served from it, and only 200 HTML responses that set no cookie and carry no form
 * token are stored: a token belongs to one visitor (the sign-in and registration pages), so such pages
 * are `private, no-store`.
 *
 * Invalidation is by version, checked on every hit, so a reply, boost, edit, accept or delete shows on
 * the very next request:
 * - a generation counter, bumped before the response of every unsafe request (POST, ...) that was not
 *   refused with a 4xx is written;
 * - the database's own change marker, which also catches writes made outside HTTP (the CLI, another
 *   app process, the view counter's flush): on SQLite total_changes() and data_version, read per
 *   request at the cost of a function call; on PostgreSQL the change feed (db/change-feed.ts), a
 *   LISTEN connection that hears every commit to the schema's page tables, so a hit costs no round
 *   trip. While the feed is down, PostgreSQL is asked for its current snapshot on every request.
 * Entries also expire after `maxAgeMs`, so relative times ("5m") stay close, and the cache is an LRU
 * bounded by bytes that keeps a URL's page from its second rendering on (page-store.ts). Responses carry an ETag (If-None-Match gets a 304) and
 * `Cache-Control: public, max-age=0, must-revalidate` so browsers and CDNs revalidate every time; pages
 * for signed-in people are `private, no-store`.
 *
 * Compression (compression.ts): an entry keeps the page as rendered and, made on first demand, its br
 * and gzip variants, so a hit never compresses. Each variant has its own ETag (`"<hash>-br"`), as a
 * strong validator names one sequence of bytes, and every response says
 * `Vary: Cookie, Accept-Language, accept-encoding`. Entries are per language and URL (http/plugins/locale.ts).
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { databaseChangeMarker, type ChangeFeed } from '../../db/change-feed.js'
import { PageStore, type HitEffect, type PageEntry } from '../page-store.js'
import { MIN_COMPRESSED_BYTES, negotiateEncoding, type Encoding } from './compression.js'
import { unavailability } from './errors.js'

export interface PageCacheOptions {
  /** Upper bound of the bodies held, in bytes (default 32 MB). */
  maxBytes?: number
  /** How long an entry may be served, at most (default 30 s). */
  maxAgeMs?: number
  /**
   * How long a page rendered from a read replica may be served (default 2 s). The replica may not yet
   * have replayed a change the cache has already heard of, so its page is kept only briefly.
   */
  replicaMaxAgeMs?: number
  /** Check the database's change marker on every cached request (default true). */
  probeDatabase?: boolean
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
    pageCache: {
      stats(): PageCacheStats
      clear(): void
      /** PostgreSQL's change feed the cache listens to (null on SQLite or with `probeDatabase: false`). */
      changeFeed(): ChangeFeed | null
    }
  }
  interface FastifyRequest {
    pageCacheState: RequestState | null
  }
  interface FastifyContextConfig {
    /** `false` on routes that never answer with a page (assets, the favicon): no lookup, no probe. */
    pageCache?: false
  }
}

export const ANONYMOUS_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** What every form's token field starts with (views/components/form-fields.tsx). */
const CSRF_FIELD = Buffer.from('name="_csrf"')

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
    const replicaMaxAgeMs = Math.min(maxAgeMs, options.replicaMaxAgeMs ?? 2000)
    const watch = options.probeDatabase !== false
    const probe = watch ? databaseChangeMarker(app.db, app.dialect) : async () => ''
    const feed = watch ? app.openChangeFeed() : null
    if (feed) app.addHook('onClose', async () => feed.close())
    /** The database's side of an entry's version: the feed's count while it listens, else a probe. */
    const databaseVersion = async () => {
      const heard = feed ? feed.version() : null
      return heard === null ? `p${await probe()}` : `n${heard}`
    }
    const store = new PageStore(maxBytes)
    let generation = 0
    let hits = 0
    let misses = 0
    /**
     * Sends the entry's page in the coding the request asks for, or a 304 when its validator matches.
     * Returns the payload for onSend; the caller of a hit sends it.
     */
    const answer = async (
      req: FastifyRequest,
      reply: FastifyReply,
      key: string,
      entry: PageEntry,
    ): Promise<Buffer | ''> => {
      // This response is ours: @fastify/compress must not compress it again.
      req.headers['x-no-compression'] = 'page-cache'
      const encoding =
        entry.body.byteLength >= MIN_COMPRESSED_BYTES
          ? negotiateEncoding(req.headers['accept-encoding'])
          : null
      const etag = variantEtag(entry.etag, encoding)
      anonymousHeaders(reply, etag).type(entry.type)
      if (matches(req, etag)) {
        reply.code(304)
        return ''
      }
      if (encoding === null) return entry.body
      reply.header('content-encoding', encoding)
      return store.encoded(key, entry, encoding)
    }

    app.decorate('pageCache', {
      stats: () => ({ entries: store.entries, bytes: store.bytes, hits, misses, generation }),
      clear: () => store.clear(),
      changeFeed: () => feed,
    })
    app.decorateRequest('pageCacheState', null)

    // preValidation: after the session plugin has set req.viewer and after route-level onRequest hooks
    // (the global rate limit), so a cached page is still counted against the client's limit.
    app.addHook('preValidation', async (req, reply) => {
      if (req.method !== 'GET' || req.viewer || req.url.startsWith('/assets/')) return
      // Someone who just wrote gets pages read after their write (http/plugins/read-db.ts).
      if (req.writeMarker !== null) return
      if (req.routeOptions.config.pageCache === false) return
      // While the database does not answer, what is cached (and not older than maxAgeMs) is still
      // served: nothing can have been committed that the cache did not hear of.
      const heard = await databaseVersion().catch((error: unknown) => {
        if (unavailability(error) === null) throw error
        return null
      })
      const version = `${generation}:${heard}`
      const key = pageKey(req)
      const entry = store.get(key) // now the most recently used
      const current =
        heard === null ? entry?.version.startsWith(`${generation}:`) : entry?.version === version
      if (entry && current && Date.now() - entry.storedAt < (entry.maxAgeMs ?? maxAgeMs)) {
        hits++
        req.pageCacheState = { version, effects: [], hit: true }
        for (const effect of entry.effects) effect(req)
        reply.code(200).header('x-page-cache', 'hit')
        const body = await answer(req, reply, key, entry)
        return body === '' ? reply.send() : reply.send(body)
      }
      if (heard === null) return // the route will answer 503; nothing to store
      if (entry) store.delete(key)
      misses++
      req.pageCacheState = { version, effects: [], hit: false }
    })

    app.addHook('onSend', async (req, reply, payload) => {
      if (UNSAFE.has(req.method)) {
        // Before the response is written: the client's next request already sees the new generation.
        // A 4xx changed nothing, nor did a 503 (the database was unavailable: nothing was saved).
        if (reply.statusCode < 400 || (reply.statusCode >= 500 && reply.statusCode !== 503))
          generation++
        return payload
      }
      const state = req.pageCacheState
      const type = String(reply.getHeader('content-type') ?? '')
      if (!type.startsWith('text/html') || req.method !== 'GET') return payload
      if (
        req.viewer ||
        reply.hasHeader('set-cookie') ||
        req.csrfToken !== null ||
        req.writeMarker !== null
      ) {
        reply.header('cache-control', PRIVATE_CACHE_CONTROL)
        return payload
      }
      if (!state || state.hit || reply.statusCode !== 200) return payload
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload
      // A form token belongs to one visitor, whichever path put it in the page: never shared.
      if (body.includes(CSRF_FIELD)) {
        reply.header('cache-control', PRIVATE_CACHE_CONTROL)
        return payload
      }
      const entry: PageEntry = {
        body,
        encoded: {},
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        type,
        version: state.version,
        storedAt: Date.now(),
        maxAgeMs: req.readFrom !== null && req.readFrom !== 'primary' ? replicaMaxAgeMs : undefined,
        effects: state.effects,
        size: body.byteLength + (req.url.length + 3) * 2 + 256,
      }
      const key = pageKey(req)
      // A URL's first rendering is sent but not kept (page-store.ts): most are never asked for again.
      if (store.admits(key)) store.set(key, entry)
      reply.header('x-page-cache', 'miss')
      return answer(req, reply, key, entry)
    })
  },
  { name: 'page-cache', dependencies: ['db', 'read-db', 'session', 'locale'] },
)

/** One entry per language and URL (http/plugins/locale.ts picks the language). */
function pageKey(req: FastifyRequest): string {
  return `${req.locale} ${req.url}`
}

function anonymousHeaders(reply: FastifyReply, etag: string): FastifyReply {
  // Cookie keeps shared caches from giving a signed-in person the anonymous page (or one in the language
  // the `lang` cookie chose); Accept-Language from giving one browser's language to another;
  // accept-encoding from giving brotli to a client that asked for gzip or nothing (lower case:
  // compression.ts).
  return reply
    .header('cache-control', ANONYMOUS_CACHE_CONTROL)
    .header('etag', etag)
    .header('vary', 'Cookie, Accept-Language, accept-encoding')
}

/** The ETag of the page in `encoding`: `"abc"` → `"abc-br"`; the body's own for no coding. */
function variantEtag(etag: string, encoding: Encoding | null): string {
  return encoding === null ? etag : `${etag.slice(0, -1)}-${encoding}"`
}

function matches(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match']
  if (!header) return false
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}
