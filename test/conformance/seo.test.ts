/**
 * Search engines and sharing (issue 6): title, meta description, canonical, Open Graph and Twitter tags on
 * thread and tag pages; QAPage JSON-LD on answered threads only; /robots.txt; /sitemap.xml valid against the
 * sitemaps.org schema (libxml2's xmllint, as WebAssembly from xmllint-wasm, with sitemap.xsd from the `sitemap`
 * package), and the switch to a sitemap index
 * past the URL limit (tested with a small limit). Runs once per dialect in DIALECTS.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { loadConfig } from '../../src/config.js'
import { dbPlugin } from '../../src/http/plugins/db.js'
import { seoRoutes } from '../../src/http/routes/pages/seo.js'
import { DIALECTS } from '../support/dialects.js'
import { make } from '../support/factories.js'
import { parseHtml } from '../support/html.js'
import { useTestDb } from '../support/test-db.js'
import { E2E_TIMEOUT_MS } from '../e2e/support/browser.js'
import { startServer, type E2eServer } from '../e2e/support/server.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

const require = createRequire(import.meta.url)
const SITEMAP_XSD = path.join(
  path.dirname(require.resolve('sitemap/package.json')),
  'schema',
  'sitemap.xsd',
)
/** sitemaps.org's siteindex.xsd (the `sitemap` package ships only the urlset schema). */
const SITEINDEX_XSD = fileURLToPath(new URL('./support/siteindex.xsd', import.meta.url))

/**
 * Validates XML against a schema with xmllint (libxml2 2.13 compiled to WebAssembly: no binary to
 * install, and no network, as with `--nonet`); returns its complaints (empty when valid).
 */
async function xmllint(xml: string, schema: string): Promise<string> {
  const result = await validateXML({
    xml: { fileName: 'sitemap.xml', contents: xml },
    schema: { fileName: path.basename(schema), contents: fs.readFileSync(schema, 'utf8') },
  })
  return result.valid ? '' : result.rawOutput
}

describe('the schema check', () => {
  it('rejects a sitemap that breaks the schema, and one that is not XML', async () => {
    const urlset = (body: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</urlset>`
    expect(await xmllint(urlset('<url><loc>https://forum.example/</loc></url>'), SITEMAP_XSD)).toBe(
      '',
    )
    expect(await xmllint(urlset('<url><lastmod>2024-01-01</lastmod></url>'), SITEMAP_XSD)).toMatch(
      /Schemas validity error .*lastmod.*Expected is .*loc/,
    )
    expect(await xmllint('<urlset', SITEMAP_XSD)).toMatch(/parser error/)
  })
})

const meta = (doc: Document, key: string) =>
  doc.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content') ?? null

describe.each(DIALECTS)('%s: search engines and sharing', (dialect) => {
  let server: E2eServer
  beforeAll(async () => {
    server = await startServer(dialect)
  })
  afterAll(async () => server?.close())
  const page = async (url: string) => parseHtml((await server.app.inject(url)).body)

  it('a thread page has its title, description, canonical URL, Open Graph and Twitter tags', async () => {
    const { answered } = server.known
    const doc = await page(answered.path)
    expect(doc.title).toBe(`${answered.title} – Quorum`)
    expect(meta(doc, 'description')).toMatch(
      /^Socket filter drops datagrams over 1400 bytes with ENOBUFS: a question about Kernel/,
    )
    const canonical = `http://quorum.test${answered.path}`
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(canonical)
    expect(meta(doc, 'og:url')).toBe(canonical)
    expect(meta(doc, 'og:type')).toBe('article')
    expect(meta(doc, 'og:title')).toBe(answered.title)
    expect(meta(doc, 'og:description')).toBe(meta(doc, 'description'))
    expect(meta(doc, 'og:site_name')).toBe('Quorum')
    expect(meta(doc, 'twitter:card')).toBe('summary')
    expect(meta(doc, 'twitter:title')).toBe(answered.title)
    expect(meta(doc, 'twitter:description')).toBe(meta(doc, 'description'))
  })

  it('a tag page has its title, description, a canonical URL without sort options, OG and Twitter tags', async () => {
    const doc = await page('/tags/kernel?sortBy=views&page=2')
    expect(doc.title).toBe('Posts under Kernel tag (page 2) – Quorum')
    expect(meta(doc, 'description')).toMatch(/kernel/i)
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'http://quorum.test/tags/kernel?page=2',
    )
    expect(meta(doc, 'og:title')).toBe('Posts under Kernel tag (page 2)')
    expect(meta(doc, 'twitter:card')).toBe('summary')
    const empty = await page(`/tags/${server.known.emptyTagSlug}`)
    expect(meta(empty, 'description')).toBe('Questions and answers about Empty Tag on Quorum.')
  })

  it('error pages are not indexed', async () => {
    expect(meta(await page('/no/such/page'), 'robots')).toBe('noindex')
  })

  it('marks an answered thread up as a QAPage, and only an answered one', async () => {
    const doc = await page(server.known.answered.path)
    const blocks = [...doc.querySelectorAll('script[type="application/ld+json"]')]
    expect(blocks).toHaveLength(1)
    const data = JSON.parse(blocks[0]!.textContent ?? '') as Record<string, unknown>
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'QAPage',
      mainEntity: {
        '@type': 'Question',
        name: server.known.answered.title,
        answerCount: 3,
        author: { '@type': 'Person', name: 'mbuf_wrangler' },
        acceptedAnswer: {
          '@type': 'Answer',
          author: { '@type': 'Person', name: 'quinn_dts' },
          upvoteCount: 3,
          url: expect.stringMatching(
            /^http:\/\/quorum\.test\/threads\/\d+\/socket-filter[\w-]*#post-\d+$/,
          ),
        },
      },
    })
    const question = data.mainEntity as { text: string; acceptedAnswer: { text: string } }
    expect(question.text).toContain('#include <sys/kpi_socketfilter.h>')
    expect(question.acceptedAnswer.text).toBe(
      'Your filter returns ENOBUFS itself: see the if in filter_data_out. Remove the size check. Rebuild.',
    )
    expect(
      (await page(server.known.open.path)).querySelector('script[type="application/ld+json"]'),
    ).toBeNull()
  })

  it('serves robots.txt: everything allowed but search results, and the sitemap', async () => {
    const res = await server.app.inject('/robots.txt')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(res.body).toBe(
      'User-agent: *\nAllow: /\nDisallow: /search?\n\nSitemap: http://quorum.test/sitemap.xml\n',
    )
  })

  it('serves a sitemap of the home page, the tag directory, tags with threads and every thread, valid against sitemap.xsd', async () => {
    const res = await server.app.inject('/sitemap.xml')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8')
    expect(await xmllint(res.body, SITEMAP_XSD)).toBe('')
    const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    const threads = await server.db
      .selectFrom('threads')
      .select('id')
      .where('deleted_at', 'is', null)
      .execute()
    expect(locs.filter((l) => l?.includes('/threads/'))).toHaveLength(threads.length)
    expect(locs).toContain('http://quorum.test/')
    expect(locs).toContain('http://quorum.test/tags')
    expect(locs).toContain('http://quorum.test/tags/kernel')
    expect(locs).toContain(`http://quorum.test${server.known.answered.path}`)
    expect(locs).not.toContain(`http://quorum.test/tags/${server.known.emptyTagSlug}`) // no threads, nothing to index
    expect(res.body).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z<\/lastmod>/)
  })
})

describe.each(DIALECTS)('%s: sitemap index past the URL limit', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  const LIMIT = 5
  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    for (let i = 0; i < 12; i++)
      await make.thread(t.db, { title: `Sitemap thread ${i} & <friends>` })
    // One deleted thread: it must appear in no sitemap file.
    await t.db
      .updateTable('threads')
      .set({ deleted_at: Date.now() })
      .where('title', '=', 'Sitemap thread 3 & <friends>')
      .execute()
    app = Fastify()
    app.decorate(
      'config',
      loadConfig({ PUBLIC_URL: 'https://forum.example', DATABASE_URL: 'sqlite::memory:' }),
    )
    await app.register(dbPlugin, { handle: t.handle, closeOnShutdown: false })
    await app.register(seoRoutes, { urlsPerSitemap: LIMIT })
    await app.ready()
  })
  afterAll(async () => app?.close())

  it('becomes a sitemap index of tag and thread files, each valid and within the limit', async () => {
    const index = await app.inject('/sitemap.xml')
    expect(index.statusCode).toBe(200)
    expect(index.body).toContain(
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    )
    expect(await xmllint(index.body, SITEINDEX_XSD)).toBe('')
    const files = [
      ...index.body.matchAll(/<loc>https:\/\/forum\.example(\/sitemaps\/[^<]+)<\/loc>/g),
    ].map((m) => m[1]!)
    const ids = (await t.db.selectFrom('threads').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    )
    const chunks = [...new Set(ids.map((id) => Math.floor((id - 1) / LIMIT) + 1))]
    expect(files).toEqual([
      '/sitemaps/tags.xml',
      ...chunks.map((c) => `/sitemaps/threads-${c}.xml`),
    ])
    const seen: string[] = []
    for (const file of files) {
      const res = await app.inject(file)
      expect(res.statusCode).toBe(200)
      expect(await xmllint(res.body, SITEMAP_XSD)).toBe('')
      const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
      expect(locs.length).toBeLessThanOrEqual(LIMIT)
      seen.push(...locs)
    }
    expect(seen.filter((l) => l.includes('/threads/'))).toHaveLength(11)
    expect(seen.some((l) => l.includes('sitemap-thread-3-'))).toBe(false)
    expect(seen).toContain('https://forum.example/tags/kernel')
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('answers 404 for a thread file past the last, and 400 for a malformed one', async () => {
    expect((await app.inject('/sitemaps/threads-999.xml')).statusCode).toBe(404)
    expect((await app.inject('/sitemaps/threads-1000000.xml')).statusCode).toBe(404) // past PostgreSQL's integer ids
    expect((await app.inject('/sitemaps/threads-x.xml')).statusCode).toBe(400)
  })
})
