/**
 * The API's reads: tags, a tag's threads (the tag page's sorts and filters, by cursor), one thread with
 * its posts and comments, search (the search page's operators), a person's profile, and who the caller
 * is. Each answers what the page at the same place shows the same viewer.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { threadPath } from '../../../domain/format/index.js'
import type { PostView } from '../../../domain/posts/index.js'
import { searchThreads } from '../../../domain/search/index.js'
import { findTagBySlug, listTags, type TagSummary } from '../../../domain/tags/index.js'
import { DEFAULT_LISTING, listTagThreadsAfter } from '../../../domain/thread-lists/index.js'
import { getThreadPage } from '../../../domain/threads/index.js'
import { getProfile, listUserThreads } from '../../../domain/users/index.js'
import {
  Cursor,
  Limit,
  MeSchema,
  Page,
  ProfileSchema,
  TagSchema,
  ThreadSchema,
  ThreadSummarySchema,
} from '../../schemas/api.js'
import { ListingQuery, SlugParams } from '../../schemas/listing.js'
import { sendProblem } from '../../problem.js'
import {
  badCursor,
  decodeCursor,
  encodeCursor,
  isListCursor,
  isPageCursor,
  linkNext,
} from './cursors.js'
import { noSuchPerson, problems } from './responses.js'
import { refuseWithoutScope } from './scopes.js'
import { iso, threadSummaryJson } from './thread-json.js'
import { translateMessage } from '../../../i18n/index.js'

function tagJson(base: string, tag: TagSummary) {
  return {
    slug: tag.slug,
    name: tag.name,
    description: tag.description,
    threadCount: tag.threadCount,
    url: `${base}/tags/${encodeURIComponent(tag.slug)}`,
  }
}

function postJson(base: string, p: PostView) {
  return {
    id: p.id,
    author: p.author,
    createdAt: iso(p.createdAt),
    editedAt: p.editedAt === null ? null : iso(p.editedAt),
    bodyHtml: p.deleted ? '' : p.bodyHtml,
    boostCount: p.boostCount,
    accepted: p.accepted,
    recommended: p.recommended,
    deleted: p.deleted,
    attachments: p.attachments.map((a) => ({
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      url: `${base}${a.url}`,
    })),
    comments: p.comments.map((c) => ({
      id: c.id,
      author: c.author,
      createdAt: iso(c.createdAt),
      bodyHtml: c.bodyHtml,
    })),
  }
}

const TagThreadsQuery = Type.Composite([
  Type.Omit(ListingQuery, ['page']),
  Type.Object({ cursor: Type.Optional(Cursor), limit: Type.Optional(Limit) }),
])
const SearchQuery = Type.Object({
  q: Type.String({
    minLength: 1,
    maxLength: 10_000,
    description: 'The search page’s query, operators included',
  }),
  cursor: Type.Optional(Cursor),
})
const ThreadParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })
const UserParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) })
const UserQuery = Type.Object({ limit: Type.Optional(Limit) })

const SEARCH_PAGE = 20

export const apiReadRoutes: FastifyPluginAsync = async (app) => {
  const base = app.config.publicUrl

  app.get(
    '/tags',
    {
      schema: {
        summary: 'List every tag',
        tags: ['tags'],
        response: { 200: Type.Object({ items: Type.Array(TagSchema) }), ...problems() },
      },
    },
    async (req) => ({ items: (await listTags(req.readDb)).map((t) => tagJson(base, t)) }),
  )

  app.get<{ Params: SlugParams }>(
    '/tags/:slug',
    {
      schema: {
        summary: 'One tag',
        tags: ['tags'],
        params: SlugParams,
        response: { 200: TagSchema, ...problems(400, 404) },
      },
    },
    async (req, reply) => {
      const tag = await findTagBySlug(req.readDb, req.params.slug)
      if (!tag)
        return sendProblem(req, reply, {
          status: 404,
          code: 'not_found',
          detail: `There is no tag named “${req.params.slug}”.`,
        })
      return tagJson(base, tag)
    },
  )

  app.get<{ Params: SlugParams; Querystring: Static<typeof TagThreadsQuery> }>(
    '/tags/:slug/threads',
    {
      schema: {
        summary: 'A tag’s threads, as its page lists them',
        description:
          'The tag page’s sortBy, sortOrder and filter. Pages by cursor: pass the previous answer’s `next` (also in the Link header).',
        tags: ['tags', 'threads'],
        params: SlugParams,
        querystring: TagThreadsQuery,
        response: { 200: Page(ThreadSummarySchema), ...problems(400, 404) },
      },
    },
    async (req, reply) => {
      const tag = await findTagBySlug(req.readDb, req.params.slug)
      if (!tag)
        return sendProblem(req, reply, {
          status: 404,
          code: 'not_found',
          detail: `There is no tag named “${req.params.slug}”.`,
        })
      const after = decodeCursor(req.query.cursor, isListCursor)
      if (after === false) return badCursor(req, reply)
      const { threads, next } = await listTagThreadsAfter(req.readDb, {
        tagId: tag.id,
        sortBy: req.query.sortBy ?? DEFAULT_LISTING.sortBy,
        sortOrder: req.query.sortOrder ?? DEFAULT_LISTING.sortOrder,
        filter: req.query.filter ?? DEFAULT_LISTING.filter,
        limit: req.query.limit ?? 20,
        after,
      })
      const cursor = next === null ? null : encodeCursor(next)
      linkNext(req, reply, cursor)
      return { items: threads.map((t) => threadSummaryJson(base, t)), next: cursor }
    },
  )

  app.get<{ Params: Static<typeof ThreadParams> }>(
    '/threads/:id',
    {
      schema: {
        summary: 'One thread with its question, replies and comments',
        description: 'Replies come oldest first, with the accepted answer first.',
        tags: ['threads'],
        params: ThreadParams,
        response: { 200: ThreadSchema, ...problems(400, 404) },
      },
    },
    async (req, reply) => {
      const page = await getThreadPage(req.readDb, req.params.id, req.viewer)
      if (!page)
        return sendProblem(req, reply, {
          status: 404,
          code: 'not_found',
          detail: 'That thread does not exist or has been deleted.',
        })
      const { thread, question, replies } = page
      return {
        id: thread.id,
        title: thread.title,
        url: `${base}${threadPath(thread.id, thread.slug)}`,
        author: thread.author,
        tags: thread.tags,
        createdAt: iso(thread.createdAt),
        lastActivityAt: iso(thread.lastActivityAt),
        replyCount: thread.replyCount,
        boostCount: thread.boostCount,
        viewCount: thread.viewCount,
        locked: thread.locked,
        pinned: thread.pinned,
        solved: thread.solved,
        acceptedPostId: thread.acceptedPostId,
        question: postJson(base, question),
        replies: replies.map((p) => postJson(base, p)),
      }
    },
  )

  app.get<{ Querystring: Static<typeof SearchQuery> }>(
    '/search',
    {
      schema: {
        summary: 'Search threads',
        description:
          'The search page’s query language (tag:, user:, is:solved, after:, before:, sym:, errno:, crash: …; docs/search.md). Results are ranked; the cursor walks the first 1,000.',
        tags: ['search'],
        querystring: SearchQuery,
        response: {
          200: Type.Composite([
            Page(ThreadSummarySchema),
            Type.Object({
              total: Type.Integer(),
              totalIsLowerBound: Type.Boolean(),
              notices: Type.Array(Type.String()),
            }),
          ]),
          ...problems(400),
        },
      },
    },
    async (req, reply) => {
      const at = decodeCursor(req.query.cursor, isPageCursor)
      if (at === false) return badCursor(req, reply)
      const page = at?.page ?? 1
      const results = await app.searches.run(
        () =>
          searchThreads(req.readDb, app.dialect, { q: req.query.q, page, pageSize: SEARCH_PAGE }),
        req.signal,
      )
      const next = page < results.paging.pageCount ? encodeCursor({ page: page + 1 }) : null
      linkNext(req, reply, next)
      return {
        items: results.hits.map((h) =>
          threadSummaryJson(base, { ...h, excerpt: h.snippet.map((p) => p.text).join('') }),
        ),
        next,
        total: results.total,
        totalIsLowerBound: results.totalIsLowerBound,
        // The API speaks English (docs/api.md).
        notices: results.query.notices.map((notice) => translateMessage('en', notice)),
      }
    },
  )

  app.get<{ Params: Static<typeof UserParams>; Querystring: Static<typeof UserQuery> }>(
    '/users/:username',
    {
      schema: {
        summary: 'A person’s profile and newest threads',
        tags: ['users'],
        params: UserParams,
        querystring: UserQuery,
        response: { 200: ProfileSchema, ...problems(400, 404) },
      },
    },
    async (req, reply) => {
      const profile = await getProfile(req.readDb, req.params.username)
      if (!profile) return noSuchPerson(req, reply, req.params.username)
      const threads = await listUserThreads(req.readDb, profile.id, {
        limit: req.query.limit ?? 20,
        offset: 0,
      })
      return {
        username: profile.username,
        title: profile.title,
        role: profile.role,
        joinedAt: iso(profile.joinedAt),
        url: `${base}/users/${encodeURIComponent(profile.username)}`,
        threads: threads.map((t) => threadSummaryJson(base, t)),
      }
    },
  )

  app.get(
    '/me',
    {
      schema: {
        summary: 'Who the token (or session) belongs to, and its scopes',
        tags: ['users'],
        security: [{ bearer: [] }],
        response: { 200: MeSchema, ...problems(403) },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'read')) return reply
      const viewer = req.viewer!
      return {
        username: viewer.username,
        role: viewer.role,
        scopes: req.apiScopes,
        via: req.apiAuth === 'token' ? ('token' as const) : ('session' as const),
      }
    },
  )
}
