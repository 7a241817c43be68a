/**
 * For crawlers: /robots.txt and the sitemap (sitemaps.org 0.9, checked against its XSD in the tests).
 *
 * Up to `urlsPerSitemap` URLs (50,000, the protocol's limit) /sitemap.xml is one `urlset`: the home page,
 * /tags, every tag with threads, every live thread. Past that it becomes a `sitemapindex` pointing at
 * /sitemaps/tags.xml and /sitemaps/threads-N.xml, where chunk N holds the threads with ids
 * (N-1)·size+1 … N·size (see domain/threads/sitemap.queries.ts), so each file stays under the limit and a
 * thread's file never changes.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import {
  countSitemapEntries,
  listSitemapTags,
  listSitemapThreadChunks,
  listSitemapThreads,
} from '../../../domain/threads/index.js'
import { tagHref } from '../../../views/components/tag-list.js'
import { threadHref } from '../../../views/components/thread-table.js'
import { xmlEscape } from '../../feed.js'

/** The sitemaps.org limit of URLs in one sitemap file. */
export const MAX_SITEMAP_URLS = 50_000

export interface SeoRoutesOptions {
  /** URLs per sitemap file before /sitemap.xml becomes an index; tests lower it to see the switch. */
  urlsPerSitemap?: number
}

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/**
 * Search result pages (`/search?…`) are kept out of crawlers' way: every query is a new URL (an endless
 * crawl space), and their content is the threads already listed in the sitemap. The bare /search, the
 * search form and its operator help, is an entry page like /ask and may be crawled and indexed. Forms (/ask, /login, /register) are left
 * crawlable so that their `noindex` can be seen; robots.txt cannot un-index a URL that is linked everywhere.
 */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /search?',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n')
}

interface UrlEntry {
  loc: string
  lastmod?: number
}

function urlset(entries: UrlEntry[]): string {
  const urls = entries.map((e) => {
    const lastmod =
      e.lastmod === undefined ? '' : `<lastmod>${new Date(e.lastmod).toISOString()}</lastmod>`
    return `  <url><loc>${xmlEscape(e.loc)}</loc>${lastmod}</url>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${XMLNS}">\n${urls.join('\n')}\n</urlset>\n`
}

function sitemapIndex(entries: UrlEntry[]): string {
  const maps = entries.map((e) => {
    const lastmod =
      e.lastmod === undefined ? '' : `<lastmod>${new Date(e.lastmod).toISOString()}</lastmod>`
    return `  <sitemap><loc>${xmlEscape(e.loc)}</loc>${lastmod}</sitemap>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${XMLNS}">\n${maps.join('\n')}\n</sitemapindex>\n`
}

function sendXml(reply: FastifyReply, xml: string): FastifyReply {
  return reply
    .type('application/xml; charset=utf-8')
    .header('cache-control', 'public, max-age=3600')
    .send(xml)
}

const ChunkParams = Type.Object({ chunk: Type.Integer({ minimum: 1, maximum: 1_000_000 }) })

export const seoRoutes: FastifyPluginAsync<SeoRoutesOptions> = async (app, options) => {
  const size = options.urlsPerSitemap ?? MAX_SITEMAP_URLS
  const origin = app.config.publicUrl
  const fixedPages = (): UrlEntry[] => [{ loc: `${origin}/` }, { loc: `${origin}/tags` }]
  const tagPages = async (): Promise<UrlEntry[]> =>
    (await listSitemapTags(app.db)).map((t) => ({ loc: origin + tagHref(t.slug) }))
  const threadPages = async (from: number, to: number): Promise<UrlEntry[]> =>
    (await listSitemapThreads(app.db, from, to)).map((t) => ({
      loc: origin + threadHref(t),
      lastmod: t.lastActivityAt,
    }))

  app.get('/robots.txt', async (_req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(robotsTxt(origin)),
  )

  app.get('/sitemap.xml', async (_req, reply) => {
    const counts = await countSitemapEntries(app.db)
    if (fixedPages().length + counts.tags + counts.threads <= size) {
      return sendXml(
        reply,
        urlset([
          ...fixedPages(),
          ...(await tagPages()),
          ...(await threadPages(1, Number.MAX_SAFE_INTEGER)),
        ]),
      )
    }
    const chunks = await listSitemapThreadChunks(app.db, size)
    return sendXml(
      reply,
      sitemapIndex([
        { loc: `${origin}/sitemaps/tags.xml` },
        ...chunks.map((c) => ({
          loc: `${origin}/sitemaps/threads-${c.chunk}.xml`,
          lastmod: c.lastActivityAt,
        })),
      ]),
    )
  })

  app.get('/sitemaps/tags.xml', async (_req, reply) =>
    sendXml(reply, urlset([...fixedPages(), ...(await tagPages())])),
  )

  app.get<{ Params: Static<typeof ChunkParams> }>(
    '/sitemaps/threads-:chunk.xml',
    { schema: { params: ChunkParams } },
    async (req, reply) => {
      const from = (req.params.chunk - 1) * size + 1
      const entries = await threadPages(from, from + size - 1)
      // An empty urlset is not valid (the schema wants at least one url); the index never lists an empty chunk.
      if (entries.length === 0) return reply.callNotFound()
      return sendXml(reply, urlset(entries))
    },
  )
}
