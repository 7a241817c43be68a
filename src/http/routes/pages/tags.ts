/** The tag directory, tag pages (the reference's table) and each tag's RSS feed. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { findTagBySlug, findTagRedirect, listTags } from '../../../domain/tags/index.js'
import {
  DEFAULT_LISTING,
  countTagListing,
  listNewestThreadsByTag,
  listThreadsByTag,
  type ListingOptions,
} from '../../../domain/thread-lists/index.js'
import { getWatchState, listUnreadCounts } from '../../../domain/watching/index.js'
import { tagPageHref } from '../../../views/components/listing-href.js'
import { TagPage } from '../../../views/pages/tag-page.js'
import { TagsIndexPage } from '../../../views/pages/tags-index-page.js'
import { renderTagFeed } from '../../feed.js'
import { sendError } from '../../plugins/errors.js'
import { sendPage, siteFor } from '../../page.js'
import { pageWindow } from '../../paging.js'
import { ListingQuery, SlugParams } from '../../schemas/listing.js'
import { msg, type Message } from '../../../domain/shared/index.js'

/** The query string of a request's URL, with its "?" (kept when an old slug redirects). */
const queryOf = (url: string) => {
  const at = url.indexOf('?')
  return at === -1 ? '' : url.slice(at)
}

export const tagRoutes: FastifyPluginAsync = async (app) => {
  /**
   * An old slug (the tag was renamed or merged into another) answers 301 with the tag's current
   * address, forever; `suffix` is what follows the slug (the feed's "/feed").
   */
  const redirectOldSlug = async (
    req: FastifyRequest<{ Params: SlugParams }>,
    reply: FastifyReply,
    suffix = '',
  ) => {
    const current = await findTagRedirect(req.readDb, req.params.slug)
    if (current === undefined) return undefined
    return reply.redirect(`/tags/${encodeURIComponent(current)}${suffix}${queryOf(req.url)}`, 301)
  }

  app.get('/tags', async (req, reply) => {
    const tags = await listTags(req.readDb)
    return sendPage(reply, 200, TagsIndexPage, { site: siteFor(req), tags })
  })

  app.get<{ Params: SlugParams; Querystring: ListingQuery }>(
    '/tags/:slug',
    { schema: { params: SlugParams, querystring: ListingQuery } },
    async (req, reply) => {
      const tag = await findTagBySlug(req.readDb, req.params.slug)
      if (!tag)
        return (
          (await redirectOldSlug(req, reply)) ??
          sendError(req, reply, 404, msg('Tag not found'), noSuchTag(req.params.slug), [
            { href: '/tags', label: msg('Browse all tags') },
          ])
        )
      const listing: ListingOptions = {
        sortBy: req.query.sortBy ?? DEFAULT_LISTING.sortBy,
        sortOrder: req.query.sortOrder ?? DEFAULT_LISTING.sortOrder,
        filter: req.query.filter ?? DEFAULT_LISTING.filter,
      }
      const total = await countTagListing(req.readDb, tag, listing.filter)
      const window = pageWindow(req, reply, {
        page: req.query.page ?? 1,
        total,
        what: `The ${tag.name} listing`,
        lastHref: (n) => tagPageHref(tag.slug, listing, n),
      })
      if (!window) return reply
      const threads = await listThreadsByTag(req.readDb, {
        tagId: tag.id,
        ...listing,
        limit: window.limit,
        offset: window.offset,
      })
      return sendPage(reply, 200, TagPage, {
        site: siteFor(req),
        tag,
        threads,
        listing,
        paging: window.paging,
        watch: req.viewer ? await getWatchState(req.readDb, req.viewer, 'tag', tag.id) : undefined,
        unread: await listUnreadCounts(req.readDb, req.viewer, threads),
      })
    },
  )

  app.get<{ Params: SlugParams }>(
    '/tags/:slug/feed',
    { schema: { params: SlugParams } },
    async (req, reply) => {
      const tag = await findTagBySlug(req.readDb, req.params.slug)
      if (!tag)
        return (
          (await redirectOldSlug(req, reply, '/feed')) ??
          sendError(req, reply, 404, msg('Tag not found'), noSuchTag(req.params.slug))
        )
      const threads = await listNewestThreadsByTag(req.readDb, tag.id, 20)
      return reply
        .type('application/rss+xml; charset=utf-8')
        .send(renderTagFeed(app.config.publicUrl, tag, threads))
    },
  )
}

function noSuchTag(slug: string): Message {
  return { message: msg('There is no tag named “{slug}”.'), values: { slug } }
}
