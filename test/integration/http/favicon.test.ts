/**
 * The favicon (public/favicon.svg through src/http/plugins/assets.ts): linked from every page's head,
 * served at /favicon.svg with caching and revalidation, and /favicon.ico (the address browsers and crawlers
 * try on their own) redirects there instead of answering 404.
 */
import zlib from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const YEAR_S = 31_536_000
const DAY_S = 86_400

const maxAge = (cacheControl: unknown): number =>
  Number(/(?:^|,\s*)max-age=(\d+)/.exec(String(cacheControl ?? ''))?.[1] ?? 0)

describe.each(DIALECTS)('%s: favicon', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let threadPath: string

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    threadPath = `/threads/${await make.thread(t.db, { title: 'A thread to look at the head of' })}`
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  it('is linked from the head of pages, errors included, as an SVG icon', async () => {
    for (const [url, status] of [
      ['/', 200],
      ['/tags/kernel', 200],
      [threadPath, 200],
      ['/no/such/page', 404],
    ] as const) {
      const res = await app.inject(url)
      expect(res.statusCode).toBe(status)
      const icons = parseHtml(res.body).querySelectorAll('head link[rel="icon"]')
      expect(icons).toHaveLength(1)
      expect(icons[0]?.getAttribute('href')).toBe('/favicon.svg')
      expect(icons[0]?.getAttribute('type')).toBe('image/svg+xml')
    }
  })

  it('answers /favicon.svg with a plain SVG, cached for a day or more, revalidated by ETag', async () => {
    const res = await app.inject('/favicon.svg')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/svg+xml')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(String(res.headers['cache-control'])).toMatch(/^public,/)
    expect(maxAge(res.headers['cache-control'])).toBeGreaterThanOrEqual(DAY_S)
    expect(res.headers['x-page-cache']).toBeUndefined()
    const svg = res.body
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/)
    expect(svg.trimEnd()).toMatch(/<\/svg>$/)
    // Nothing a CSP without 'unsafe-inline' would block, nothing that runs, nothing fetched.
    expect(svg).not.toMatch(/<script|<style|\son\w+=|href=|url\(/i)
    expect(res.rawPayload.byteLength).toBeLessThan(1024)

    const etag = String(res.headers.etag)
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await app.inject({ url: '/favicon.svg', headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.rawPayload.byteLength).toBe(0)
  })

  it('sends the compressed variants made at start-up when asked', async () => {
    const plain = (await app.inject('/favicon.svg')).body
    const br = await app.inject({ url: '/favicon.svg', headers: { 'accept-encoding': 'br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain)
    const gz = await app.inject({ url: '/favicon.svg', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain)
    expect(String(gz.headers.vary).toLowerCase()).toContain('accept-encoding')
  })

  it('redirects /favicon.ico permanently to /favicon.svg, the redirect cached for a year', async () => {
    const res = await app.inject('/favicon.ico')
    expect(res.statusCode).toBe(301)
    expect(res.headers.location).toBe('/favicon.svg')
    expect(maxAge(res.headers['cache-control'])).toBeGreaterThanOrEqual(YEAR_S)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const target = await app.inject(String(res.headers.location))
    expect(target.statusCode).toBe(200)
    expect(target.headers['content-type']).toBe('image/svg+xml')
  })

  it('is also a hashed, immutable asset like the stylesheet', async () => {
    const url = app.assets.url('favicon.svg')
    expect(url).toMatch(/^\/assets\/favicon\.[0-9a-f]{10}\.svg$/)
    const res = await app.inject(String(url))
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.body).toBe((await app.inject('/favicon.svg')).body)
  })
})
