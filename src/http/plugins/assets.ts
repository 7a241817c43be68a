/**
 * Serves the files of public/ under content-hashed names (/assets/quorum.3f9a1c2e.css) with immutable
 * caching, gzip and brotli compressed once at start-up. Pages ask `app.assets.url('quorum.css')` for the
 * current name, so a deploy changes every URL whose content changed and nothing else.
 *
 * The favicon also answers at fixed addresses, which a page's head and browsers' own guesses use:
 * `/favicon.svg` (cached for a week, then revalidated by ETag) and `/favicon.ico`, a permanent redirect
 * there (cached for a year: its target never moves), so no browser or crawler meets a 404 for it.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { negotiateEncoding } from './compression.js'

interface Asset {
  body: Buffer
  gzip: Buffer
  brotli: Buffer
  type: string
  etag: string
}

export interface AssetManifest {
  /** The hashed URL of a file under public/, e.g. url('quorum.css'); null when it does not exist. */
  url(name: string): string | null
}

declare module 'fastify' {
  interface FastifyInstance {
    assets: AssetManifest
  }
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
}

export function buildAssetTable(dir: string): {
  byUrl: Map<string, Asset>
  urls: Map<string, string>
} {
  const byUrl = new Map<string, Asset>()
  const urls = new Map<string, string>()
  const walk = (sub: string) => {
    const full = path.join(dir, sub)
    if (!fs.existsSync(full)) return
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name)
      if (entry.isDirectory()) walk(rel)
      else if (TYPES[path.extname(entry.name)] && !entry.name.endsWith('.map')) {
        const body = fs.readFileSync(path.join(dir, rel))
        const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
        const ext = path.extname(rel)
        const url = `/assets/${rel.slice(0, -ext.length)}.${hash}${ext}`
        byUrl.set(url, {
          body,
          gzip: zlib.gzipSync(body, { level: 9 }),
          brotli: zlib.brotliCompressSync(body, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
          }),
          type: TYPES[ext] ?? 'application/octet-stream',
          etag: `"${hash}"`,
        })
        urls.set(rel, url)
      }
    }
  }
  walk('')
  return { byUrl, urls }
}

/** The favicon's file under public/, and the fixed address pages link it from. */
export const FAVICON_FILE = 'favicon.svg'
export const FAVICON_PATH = '/favicon.svg'
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** A fixed address may change content on a deploy: a week, then a revalidation (a 304 when unchanged). */
const FAVICON_CACHE = 'public, max-age=604800'

function sendAsset(
  req: FastifyRequest,
  reply: FastifyReply,
  asset: Asset,
  cacheControl: string,
): FastifyReply {
  reply
    .header('cache-control', cacheControl)
    .header('etag', asset.etag)
    .header('vary', 'accept-encoding')
    .type(asset.type)
  if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send()
  const encoding = negotiateEncoding(req.headers['accept-encoding'])
  if (encoding === 'br') return reply.header('content-encoding', 'br').send(asset.brotli)
  if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(asset.gzip)
  return reply.send(asset.body)
}

export const assetsPlugin = fp<{ dir: string }>(
  async (app, { dir }) => {
    const { byUrl, urls } = buildAssetTable(dir)
    app.decorate('assets', { url: (name: string) => urls.get(name) ?? null })
    // Never pages: the page cache neither looks them up nor probes the database for them.
    const config = { pageCache: false } as const
    app.get('/assets/*', { config }, async (req, reply) => {
      const asset = byUrl.get(req.url.split('?')[0] ?? '')
      if (!asset) return reply.callNotFound()
      return sendAsset(req, reply, asset, IMMUTABLE)
    })
    const favicon = byUrl.get(urls.get(FAVICON_FILE) ?? '')
    if (favicon) {
      app.get(FAVICON_PATH, { config }, async (req, reply) =>
        sendAsset(req, reply, favicon, FAVICON_CACHE),
      )
      app.get('/favicon.ico', { config }, async (_req, reply) =>
        reply.header('cache-control', 'public, max-age=31536000').redirect(FAVICON_PATH, 301),
      )
    }
  },
  { name: 'assets' },
)
