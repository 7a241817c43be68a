/** The search page: `/search?q=...&page=N`, a plain GET form, so it works without JavaScript. */
import type { FastifyPluginAsync } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { searchThreads } from '../../../domain/search/index.js'
import { searchHref } from '../../../views/components/search-href.js'
import { SearchPage } from '../../../views/pages/search-page.js'
import { sendError } from '../../plugins/errors.js'
import { sendPage, siteFor } from '../../page.js'
import { msg } from '../../../domain/shared/index.js'

export const SEARCH_PAGE_SIZE = 20
/**
 * Searches run at once per process; the others wait before they start. Below PostgreSQL's pool of 10, so
 * searches never take every connection, and enough to keep it busy (SQLite runs one at a time anyway).
 */
export const SEARCHES_IN_FLIGHT = 8

/** `q` may be long (the domain reads its first 500 characters and says so); `page` is validated like the tag page's. */
const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 10_000 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
})
type SearchQuery = Static<typeof SearchQuery>

export const searchRoutes: FastifyPluginAsync = async (app) => {
  const { searches } = app
  app.get<{ Querystring: SearchQuery }>(
    '/search',
    // Searches by signed-in people may go to a replica too (http/plugins/read-db.ts: read-your-writes).
    { schema: { querystring: SearchQuery }, config: { replicaForViewers: true } },
    async (req, reply) => {
      const q = (req.query.q ?? '').trim()
      const page = req.query.page ?? 1
      if (q === '')
        return sendPage(reply, 200, SearchPage, { site: siteFor(req), q, results: null })
      // A reader who leaves while the search waits for its turn takes it out of the line (Fastify's
      // request signal aborts when the connection closes): under load the queue otherwise runs searches
      // nobody will read, and keeps the database busy after they left.
      let results
      try {
        results = await searches.run(
          () =>
            searchThreads(req.readDb, req.server.dialect, { q, page, pageSize: SEARCH_PAGE_SIZE }),
          req.signal,
        )
      } catch (error) {
        if (!req.signal.aborted) throw error
        req.log.info({ q: q.slice(0, 100) }, 'search dropped: the client left while it waited')
        return reply.hijack() // nobody to answer: the socket is closed
      }
      const { pageCount } = results.paging
      if (page > pageCount && results.total > 0) {
        return sendError(
          req,
          reply,
          404,
          msg('No such page'),
          {
            message: msg(
              'These results have {pages, plural, one {# page} other {# pages}}; page {page} is past the last.',
            ),
            values: { pages: pageCount, page },
          },
          [
            {
              href: searchHref(q, pageCount),
              label: {
                message: msg('Go to the last page ({pages})'),
                values: { pages: pageCount },
              },
            },
          ],
        )
      }
      return sendPage(reply, 200, SearchPage, { site: siteFor(req), q, results })
    },
  )
}
