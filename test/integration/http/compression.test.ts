/**
 * Response compression (src/http/plugins/compression.ts and the page cache's variants): br or gzip as the
 * client asks, the body as it is otherwise, `Vary: Accept-Encoding` either way, revalidation per variant,
 * nothing for tiny bodies, attachments byte for byte, and request bodies never inflated.
 */
import { gzipSync } from 'node:zlib'
import zlib from 'node:zlib'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { negotiateEncoding } from '../../../src/http/plugins/compression.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

/** The body as the client would read it after undoing the Content-Encoding. */
function decoded(res: LightMyRequestResponse): string {
  const raw = res.rawPayload
  switch (res.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(raw).toString('utf8')
    case 'gzip':
      return zlib.gunzipSync(raw).toString('utf8')
    case undefined:
      return raw.toString('utf8')
    default:
      throw new Error(`unexpected content-encoding ${String(res.headers['content-encoding'])}`)
  }
}

const withoutTokens = (html: string): string =>
  html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""')

const varies = (res: LightMyRequestResponse): string[] =>
  String(res.headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())

describe('negotiateEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['GZIP, Deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['br;q=0, gzip;q=0', null],
    ['br;q=0, *', 'gzip'],
    ['*', 'gzip'],
    ['deflate, zstd', null],
  ] as const)('%s → %s', (header, want) => {
    expect(negotiateEncoding(header)).toBe(want)
  })
})

describe.each(DIALECTS)('%s: response compression', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let reader: Agent
  let member: Agent
  let threadPath: string
  let attachmentUrls: string[]

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel', description: 'Kernel extensions.' })
    for (let i = 1; i <= 12; i++)
      await make.thread(t.db, { title: `Compressible thread ${i} about zone allocator panics` })
    const id = await make.thread(t.db, {
      title: 'A thread with attachments to download',
      attachments: [
        { name: 'trace.txt', content: 'panic: zone_require failed\n'.repeat(200) },
        { name: 'dump.bin', content: '\u0001\u0002'.repeat(3000) },
      ],
    })
    // Without the database probe, a page stays cached until a write through the app: on a PostgreSQL
    // shared with other test runs, any commit anywhere would otherwise turn an expected hit into a miss.
    app = await buildTestApp(t.handle, {}, { pageCache: { probeDatabase: false } })
    reader = new Agent(app, '10.7.0.1')
    member = (await signedIn(app, t.db, 'zip_member')).agent
    threadPath = `/threads/${id}`
    const page = (await reader.get(threadPath)).body
    attachmentUrls = [...page.matchAll(/href="(\/attachments\/[^"]+)"/g)].map((m) => m[1] ?? '')
  })
  afterAll(async () => app?.close())

  describe('an anonymous page (from the page cache)', () => {
    const url = '/tags/kernel'
    let identity: LightMyRequestResponse
    beforeAll(async () => {
      identity = await reader.get(url)
    })

    it('is sent as it is, with Vary: Accept-Encoding, when the client asks for no coding', async () => {
      for (const header of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
        const res = await reader.get(url, header)
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-encoding']).toBeUndefined()
        expect(res.body).toBe(identity.body)
        expect(varies(res)).toEqual(['cookie', 'accept-language', 'accept-encoding'])
      }
      expect(identity.body.length).toBeGreaterThan(5000)
    })

    it.each([
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate, br', 'br'],
      ['br;q=0.1, gzip', 'gzip'],
    ])(
      'Accept-Encoding: %s → %s, decompressing to the same HTML, miss and hit',
      async (accept, want) => {
        app.pageCache.clear()
        // A URL's first rendering is sent, not kept (page-store.ts); the second is kept.
        const first = await reader.get(url, { 'accept-encoding': accept })
        const miss = await reader.get(url, { 'accept-encoding': accept })
        const hit = await reader.get(url, { 'accept-encoding': accept })
        expect([first, miss, hit].map((r) => r.headers['x-page-cache'])).toEqual([
          'miss',
          'miss',
          'hit',
        ])
        for (const res of [first, miss, hit]) {
          expect(res.statusCode).toBe(200)
          expect(res.headers['content-encoding']).toBe(want)
          expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
          expect(varies(res)).toEqual(['cookie', 'accept-language', 'accept-encoding'])
          expect(Number(res.headers['content-length'])).toBe(res.rawPayload.byteLength)
          expect(res.rawPayload.byteLength).toBeLessThan(identity.rawPayload.byteLength / 2)
          expect(decoded(res)).toBe(identity.body)
        }
        // The variant is kept with the page: the hit sends the very bytes the miss made.
        expect(hit.rawPayload.equals(miss.rawPayload)).toBe(true)
      },
    )

    it('gives each coding its own ETag, and each revalidates to a 304 without a body', async () => {
      const br = await reader.get(url, { 'accept-encoding': 'br' })
      const gz = await reader.get(url, { 'accept-encoding': 'gzip' })
      const plain = await reader.get(url)
      const tags = [br, gz, plain].map((r) => String(r.headers.etag))
      expect(new Set(tags).size).toBe(3)
      for (const tag of tags) expect(tag).toMatch(/^"[\w-]+"$/)
      for (const [res, accept] of [
        [br, 'br'],
        [gz, 'gzip'],
        [plain, 'identity'],
      ] as const) {
        const again = await reader.get(url, {
          'accept-encoding': accept,
          'if-none-match': String(res.headers.etag),
        })
        expect(again.statusCode).toBe(304)
        expect(again.rawPayload.byteLength).toBe(0)
        expect(again.headers['content-encoding']).toBeUndefined()
        expect(again.headers.etag).toBe(res.headers.etag)
        expect(varies(again)).toContain('accept-encoding')
      }
      // A validator of the brotli bytes does not stand for the gzip ones.
      const other = await reader.get(url, {
        'accept-encoding': 'gzip',
        'if-none-match': String(br.headers.etag),
      })
      expect(other.statusCode).toBe(200)
      expect(other.headers['content-encoding']).toBe('gzip')
    })

    it('a 304 on the request that fills the cache too', async () => {
      const br = await reader.get(url, { 'accept-encoding': 'br' })
      app.pageCache.clear()
      const res = await reader.get(url, {
        'accept-encoding': 'br',
        'if-none-match': String(br.headers.etag),
      })
      expect(res.headers['x-page-cache']).toBe('miss')
      expect(res.statusCode).toBe(304)
      expect(res.rawPayload.byteLength).toBe(0)
    })

    it('counts the variants in the cache size', async () => {
      app.pageCache.clear()
      await reader.get(url)
      await reader.get(url) // kept from its second rendering
      expect(app.pageCache.stats().entries).toBe(1)
      const before = app.pageCache.stats().bytes
      const br = await reader.get(url, { 'accept-encoding': 'br' })
      expect(app.pageCache.stats().bytes).toBe(before + br.rawPayload.byteLength)
      await reader.get(url, { 'accept-encoding': 'br' })
      expect(app.pageCache.stats().bytes).toBe(before + br.rawPayload.byteLength)
    })
  })

  describe('responses built per request', () => {
    it('compresses a signed-in page (never cached) as asked, and not when not asked', async () => {
      const plain = await member.get(threadPath)
      expect(plain.headers['cache-control']).toBe('private, no-store')
      expect(plain.headers['content-encoding']).toBeUndefined()
      for (const accept of ['br', 'gzip']) {
        const res = await member.get(threadPath, { 'accept-encoding': accept })
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-encoding']).toBe(accept)
        expect(varies(res)).toContain('accept-encoding')
        // Each render signs a fresh CSRF token; everything else is the same page.
        expect(withoutTokens(decoded(res))).toBe(withoutTokens(plain.body))
      }
    })

    it('compresses an RSS feed and the sitemap (XML), with Vary either way', async () => {
      for (const url of ['/tags/kernel/feed', '/sitemap.xml']) {
        const plain = await reader.get(url)
        expect(plain.headers['content-encoding']).toBeUndefined()
        expect(varies(plain)).toContain('accept-encoding')
        const gz = await reader.get(url, { 'accept-encoding': 'gzip' })
        expect(gz.headers['content-encoding']).toBe('gzip')
        expect(decoded(gz)).toBe(plain.body)
      }
    })

    it('compresses a large JSON answer but not a tiny one', async () => {
      await member.get('/ask')
      const long = await member.post(
        '/preview',
        { body: 'A paragraph about `vnode_put` and zone allocator panics.\n\n'.repeat(60) },
        { json: true, headers: { 'accept-encoding': 'br' } },
      )
      expect(long.statusCode).toBe(200)
      expect(long.headers['content-type']).toMatch(/^application\/json/)
      expect(long.headers['content-encoding']).toBe('br')
      expect(JSON.parse(decoded(long)).html).toContain('<code>vnode_put</code>')
      const tiny = await member.post(
        '/preview',
        { body: 'Short.' },
        { json: true, headers: { 'accept-encoding': 'br' } },
      )
      expect(tiny.statusCode).toBe(200)
      expect(tiny.headers['content-encoding']).toBeUndefined()
      expect(tiny.rawPayload.byteLength).toBeLessThan(1024)
      expect(JSON.parse(tiny.body).html).toBe('<p>Short.</p>\n')
    })

    it('leaves tiny bodies as they are', async () => {
      const robots = await reader.get('/robots.txt', { 'accept-encoding': 'br, gzip' })
      expect(robots.statusCode).toBe(200)
      expect(robots.rawPayload.byteLength).toBeLessThan(1024)
      expect(robots.headers['content-encoding']).toBeUndefined()
      expect(robots.body).toContain('Sitemap:')
    })
  })

  it('never compresses attachments: same bytes, type, disposition, sandbox and length', async () => {
    expect(attachmentUrls).toHaveLength(2)
    for (const url of attachmentUrls) {
      const plain = await reader.get(url)
      const asked = await reader.get(url, { 'accept-encoding': 'br, gzip' })
      expect(asked.statusCode).toBe(200)
      expect(asked.rawPayload.byteLength).toBeGreaterThan(1024)
      expect(asked.headers['content-encoding']).toBeUndefined()
      expect(asked.rawPayload.equals(plain.rawPayload)).toBe(true)
      expect(Number(asked.headers['content-length'])).toBe(asked.rawPayload.byteLength)
      for (const header of [
        'content-type',
        'content-disposition',
        'content-security-policy',
        'x-content-type-options',
        'cache-control',
      ])
        expect(asked.headers[header]).toBe(plain.headers[header])
      expect(asked.headers['content-security-policy']).toMatch(/^sandbox/)
    }
  })

  it('never inflates a compressed request body (SECURITY.md row 28)', async () => {
    await member.get('/ask')
    const form = new URLSearchParams({ body: 'Inflated **on the way in**' }).toString()
    const res = await app.inject({
      method: 'POST',
      url: '/preview',
      remoteAddress: member.ip,
      payload: gzipSync(form),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-encoding': 'gzip',
        accept: 'application/json',
        'x-csrf-token': member.csrf ?? '',
        cookie: member.cookieHeader,
      },
    })
    // The gzip bytes are read as they are, a form that is not one: refused, never previewed.
    expect(res.statusCode).toBe(400)
    expect(res.body).not.toContain('Inflated')
    expect(res.body).not.toContain('<strong>')
  })
})
