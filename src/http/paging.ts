/** Numbered pages over a list of known length, shared by tag pages, profiles and search. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Paging } from '../domain/thread-lists/index.js'
import { sendError } from './plugins/errors.js'
import { msg } from '../domain/shared/index.js'

export const PAGE_SIZE = 20

export interface PageWindow {
  paging: Paging
  limit: number
  offset: number
}

/**
 * The window for `page`, or (having sent a 404 that links the last page) undefined when the page is
 * past the end. An empty list still has one page, so page 1 always answers.
 * @example const w = pageWindow(req, reply, { page, total, what: 'Kernel', lastHref: (n) => `?page=${n}` }); if (!w) return reply
 */
export function pageWindow(
  req: FastifyRequest,
  reply: FastifyReply,
  q: { page: number; total: number; what: string; lastHref: (page: number) => string },
): PageWindow | undefined {
  const pageCount = Math.max(1, Math.ceil(q.total / PAGE_SIZE))
  if (q.page > pageCount) {
    sendError(
      req,
      reply,
      404,
      msg('No such page'),
      {
        message: msg(
          '{what} has {pages, plural, one {# page} other {# pages}}; page {page} is past the last.',
        ),
        values: { what: q.what, pages: pageCount, page: q.page },
      },
      [
        {
          href: q.lastHref(pageCount),
          label: { message: msg('Go to the last page ({pages})'), values: { pages: pageCount } },
        },
      ],
    )
    return undefined
  }
  return {
    paging: { page: q.page, pageCount, total: q.total, pageSize: PAGE_SIZE },
    limit: PAGE_SIZE,
    offset: (q.page - 1) * PAGE_SIZE,
  }
}
