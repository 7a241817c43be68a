/**
 * Compresses HTML, JSON and XML responses (br or gzip, as the client's Accept-Encoding prefers) with
 * @fastify/compress, and says so in `Vary: Accept-Encoding`. What is never compressed here:
 * - bodies under `MIN_COMPRESSED_BYTES` (the headers would outweigh the saving);
 * - attachments: they keep the exact bytes, type and headers SECURITY.md rows 26–27 ask for;
 * - static assets and the favicon: the assets plugin sends the variants it compressed at start-up;
 * - anonymous pages from the page cache: it compresses each page once, keeps the variants with the
 *   page and serves them with an ETag of their own (page-cache.ts), so a hit costs no compression.
 * Request bodies are never decompressed (SECURITY.md row 28: nothing is ever decompressed), so the
 * plugin's request-decompression half stays off.
 */
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { negotiate } from '@fastify/accept-negotiator'
import compress from '@fastify/compress'
import type { FastifyReply } from 'fastify'
import fp from 'fastify-plugin'

export type Encoding = 'br' | 'gzip'

/** Server preference when the client rates several codings the same: brotli is smaller. */
const ENCODINGS: Encoding[] = ['br', 'gzip']

/** Smaller bodies are sent as they are. */
export const MIN_COMPRESSED_BYTES = 1024

/**
 * Brotli quality. Responses built per request (signed-in pages, feeds, JSON) use 4, @fastify/compress's
 * default: 0.25 ms for a 26 KB tag page. A cached page is compressed once and sent many times, so it gets
 * 5 with the size as a hint (7% smaller, 0.4 ms); 11 would save 12% more but cost 20–30 ms a page.
 */
const BROTLI_QUALITY_PER_REQUEST = 4
const BROTLI_QUALITY_KEPT = 5
const GZIP_OPTIONS: zlib.ZlibOptions = { level: 6 }

/** HTML, JSON and XML (RSS, sitemaps): what this plugin compresses. */
export function isCompressibleType(contentType: string): boolean {
  return /^(?:text\/html|application\/json|text\/xml|application\/(?:[\w.-]+\+)?xml)\s*(?:;|$)/i.test(
    contentType,
  )
}

/** Routes whose responses this plugin leaves alone (see the list at the top). */
export function isExcludedRoute(url: string): boolean {
  return (
    url.startsWith('/attachments/') || url.startsWith('/assets/') || url.startsWith('/favicon.')
  )
}

/** `*` (no preference) and `x-gzip` both mean gzip, as @fastify/compress reads them. */
const GZIP_ALIASES = /\*|x-gzip/g

/**
 * The coding to send for an Accept-Encoding header, or null for the body as it is. The header is read
 * the way @fastify/compress reads it (the same aliases, then @fastify/accept-negotiator), so a page from
 * the cache and one built afresh agree: highest q wins, ties go to br, q=0 refuses.
 * @example negotiateEncoding('gzip, deflate, br') // 'br'
 */
export function negotiateEncoding(header: string | undefined): Encoding | null {
  if (header === undefined || header === '') return null
  const coding = negotiate(header.toLowerCase().replace(GZIP_ALIASES, 'gzip'), ENCODINGS)
  return coding === 'br' || coding === 'gzip' ? coding : null
}

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/**
 * Compresses a body that will be kept and sent many times (the page cache's variants), off the event
 * loop in libuv's pool.
 * @example const br = await compressBody(Buffer.from(html), 'br')
 */
export async function compressBody(body: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(body, GZIP_OPTIONS)
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY_KEPT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  })
}

/**
 * Adds Accept-Encoding to the reply's Vary header unless it is there already. Written in lower case, the
 * spelling @fastify/compress looks for before it adds its own (field names are case-insensitive).
 */
export function varyOnEncoding(reply: FastifyReply): void {
  const current = reply.getHeader('vary')
  const values = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
  if (values.some((v) => v === '*' || v.toLowerCase() === 'accept-encoding')) return
  reply.header('vary', [...values, 'accept-encoding'].join(', '))
}

export const compressionPlugin = fp(
  async (app) => {
    // Runs before @fastify/compress's own onRoute hook (added below), so excluded routes get no hooks.
    app.addHook('onRoute', (route) => {
      if (isExcludedRoute(route.url)) route.compress = false
    })
    // Caches must keep one copy per coding even when this client asked for none.
    app.addHook('onSend', async (req, reply, payload) => {
      const route = req.routeOptions.url
      if (route !== undefined && isExcludedRoute(route)) return payload
      if (!isCompressibleType(String(reply.getHeader('content-type') ?? ''))) return payload
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
      if (Buffer.byteLength(payload) >= MIN_COMPRESSED_BYTES) varyOnEncoding(reply)
      return payload
    })
    await app.register(compress, {
      encodings: [...ENCODINGS],
      threshold: MIN_COMPRESSED_BYTES,
      customTypes: isCompressibleType,
      brotliOptions: {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY_PER_REQUEST },
      },
      zlibOptions: GZIP_OPTIONS,
      globalDecompression: false,
    })
  },
  { name: 'compression', dependencies: ['page-cache'] },
)
