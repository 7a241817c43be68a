/**
 * The API's other lists: home (the home page's order and pins, without the caller's muted tags), a
 * person's threads (their profile's list, paged) and posts, and signatures: the threads that mention one (its
 * page), and what a text mentions (the extraction the write path runs, for anyone, rate-limited).
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import {
  EXTRACT_TEXT_MAX,
  extractSignaturesFor,
  getSignaturePage,
  signatureHref,
  SIGNATURE_KINDS,
} from '../../../domain/signatures/index.js'
import { getProfile, listUserPostsAfter, listUserThreads } from '../../../domain/users/index.js'
import { listHomeThreadsByCursor } from '../../../domain/watching/index.js'
import { sendFailure } from '../../failure.js'
import { sendProblem } from '../../problem.js'
import { Cursor, Limit, Page, ThreadSummarySchema } from '../../schemas/api.js'
import { slugify, threadPath } from '../../../domain/format/index.js'
import { StringEnum } from '../../schemas/listing.js'
import { badCursor, decodeCursor, encodeCursor, isListCursor, linkNext } from './cursors.js'
import { noSuchPerson, problems } from './responses.js'
import { iso, threadSummaryJson } from './thread-json.js'

const ListQuery = Type.Object({ cursor: Type.Optional(Cursor), limit: Type.Optional(Limit) })
type ListQuery = Static<typeof ListQuery>
const UserParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) })
const SignatureParams = Type.Object({
  kind: StringEnum(SIGNATURE_KINDS),
  key: Type.String({ minLength: 1, maxLength: 300 }),
})
const SignatureQuery = Type.Object({ cursor: Type.Optional(Cursor) })

const SignatureItemSchema = Type.Object({
  kind: StringEnum(SIGNATURE_KINDS),
  key: Type.String(),
  label: Type.String(),
  detail: Type.String({ description: 'An OS’s version, an error’s number, a crash’s text' }),
  url: Type.String({ description: 'The signature’s page' }),
  api: Type.String({ description: 'Its threads, from this API' }),
})
const SignaturePageSchema = Type.Composite([
  Page(Type.Composite([ThreadSummarySchema, Type.Object({ postCount: Type.Integer() })])),
  Type.Object({
    kind: StringEnum(SIGNATURE_KINDS),
    key: Type.String(),
    label: Type.String(),
    detail: Type.String(),
    threadCount: Type.Integer({ description: 'Live threads that mention it, all pages' }),
    reference: Type.Union([
      Type.Object({
        firstSeenAt: Type.String({ format: 'date-time' }),
        lastSeenAt: Type.String({ format: 'date-time' }),
        fixed: Type.Union([
          Type.Object({
            release: Type.Union([Type.String(), Type.Null()]),
            at: Type.String({ format: 'date-time' }),
            by: Type.Union([Type.Literal('staff'), Type.Literal('asker')]),
            threadUrl: Type.String(),
          }),
          Type.Null(),
        ]),
      }),
      Type.Null(),
    ]),
    crash: Type.Union(
      [
        Type.Object({
          policy: Type.Boolean({
            description: 'Ended by a system policy: no own frames, one site (the cause)',
          }),
          sites: Type.Array(
            Type.Object({
              site: Type.String({ description: 'The site’s fingerprint' }),
              frames: Type.Array(Type.String(), {
                description: 'The poster’s own top frames, top first',
              }),
              threadCount: Type.Integer(),
              threadUrls: Type.Array(Type.String(), { description: 'The latest few' }),
            }),
            { description: 'Where the crash happened, the most reported first (at most 20)' },
          ),
          processes: Type.Array(Type.Object({ name: Type.String(), threadCount: Type.Integer() })),
        }),
        Type.Null(),
      ],
      {
        description: 'For a crash: its sites and the processes it was seen in (docs/signatures.md)',
      },
    ),
  }),
])

const UserPostSchema = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(['question', 'reply', 'comment'] as const),
  threadId: Type.Integer(),
  threadTitle: Type.String(),
  url: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  bodyHtml: Type.String(),
  boostCount: Type.Integer(),
  accepted: Type.Boolean(),
  recommended: Type.Boolean(),
})

/** Where a person's posts stopped: the last one's time and id. */
const isPairCursor = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => Number.isSafeInteger(n) && n >= 0)

/** The offset of a person's list where the previous page stopped. */
const isOffsetCursor = (v: unknown): v is { offset: number } =>
  typeof v === 'object' &&
  v !== null &&
  Number.isInteger((v as { offset: unknown }).offset) &&
  (v as { offset: number }).offset >= 1 &&
  (v as { offset: number }).offset <= 1_000_000

export const apiListRoutes: FastifyPluginAsync = async (app) => {
  const base = app.config.publicUrl

  app.get<{ Querystring: ListQuery }>(
    '/home',
    {
      schema: {
        summary: 'The home page’s threads',
        description:
          'Threads pinned site-wide first, then the most recently active across all tags; a signed-in caller’s muted tags are left out, as on the page. Pages by cursor (also in the Link header).',
        tags: ['threads'],
        querystring: ListQuery,
        response: { 200: Page(ThreadSummarySchema), ...problems(400) },
      },
    },
    async (req, reply) => {
      const after = decodeCursor(req.query.cursor, isListCursor)
      if (after === false) return badCursor(req, reply)
      const { threads, next } = await listHomeThreadsByCursor(req.readDb, req.viewer, {
        limit: req.query.limit ?? 20,
        after,
      })
      const cursor = next === null ? null : encodeCursor(next)
      linkNext(req, reply, cursor)
      return { items: threads.map((t) => threadSummaryJson(base, t)), next: cursor }
    },
  )

  app.get<{ Params: Static<typeof UserParams>; Querystring: ListQuery }>(
    '/users/:username/threads',
    {
      schema: {
        summary: 'A person’s threads, most recently active first (their profile’s list)',
        tags: ['users', 'threads'],
        params: UserParams,
        querystring: ListQuery,
        response: { 200: Page(ThreadSummarySchema), ...problems(400, 404) },
      },
    },
    async (req, reply) => {
      const at = decodeCursor(req.query.cursor, isOffsetCursor)
      if (at === false) return badCursor(req, reply)
      const profile = await getProfile(req.readDb, req.params.username)
      if (!profile) return noSuchPerson(req, reply, req.params.username)
      const limit = req.query.limit ?? 20
      const offset = at?.offset ?? 0
      const threads = await listUserThreads(req.readDb, profile.id, { limit: limit + 1, offset })
      const next = threads.length > limit ? encodeCursor({ offset: offset + limit }) : null
      linkNext(req, reply, next)
      return { items: threads.slice(0, limit).map((t) => threadSummaryJson(base, t)), next }
    },
  )

  app.get<{ Params: Static<typeof UserParams>; Querystring: ListQuery }>(
    '/users/:username/posts',
    {
      schema: {
        summary: 'A person’s posts: questions, replies and comments, newest first',
        description:
          'Live posts only: deleted and hidden ones, and those of deleted or hidden threads, are left out. Pages by cursor (also in the Link header).',
        tags: ['users', 'posts'],
        params: UserParams,
        querystring: ListQuery,
        response: { 200: Page(UserPostSchema), ...problems(400, 404) },
      },
    },
    async (req, reply) => {
      const after = decodeCursor(req.query.cursor, isPairCursor)
      if (after === false) return badCursor(req, reply)
      const profile = await getProfile(req.readDb, req.params.username)
      if (!profile) return noSuchPerson(req, reply, req.params.username)
      const { posts, next } = await listUserPostsAfter(req.readDb, profile.id, {
        limit: req.query.limit ?? 20,
        after,
      })
      const cursor = next === null ? null : encodeCursor(next)
      linkNext(req, reply, cursor)
      return {
        items: posts.map((p) => ({
          ...p,
          url: `${base}${threadPath(p.threadId, slugify(p.threadTitle))}#post-${p.id}`,
          createdAt: iso(p.createdAt),
          editedAt: p.editedAt === null ? null : iso(p.editedAt),
        })),
        next: cursor,
      }
    },
  )

  app.get<{ Params: Static<typeof SignatureParams>; Querystring: Static<typeof SignatureQuery> }>(
    '/signatures/:kind/:key',
    {
      schema: {
        summary: 'The threads that mention a signature',
        description:
          'A kind (os, error, symbol, reference, crash) and its key, as `POST /signatures/extract` or a thread page names them: the signature page’s threads, most recently active first, 50 a page by cursor.',
        tags: ['signatures'],
        params: SignatureParams,
        querystring: SignatureQuery,
        response: { 200: SignaturePageSchema, ...problems(400, 404) },
      },
    },
    async (req, reply) => {
      const before = decodeCursor(req.query.cursor, isPairCursor)
      if (before === false) return badCursor(req, reply)
      const { kind, key } = req.params
      const data = await getSignaturePage(
        req.readDb,
        kind,
        key,
        before === null ? null : `${before[0]}-${before[1]}`,
      )
      if (!data)
        return sendProblem(req, reply, {
          status: 404,
          code: 'not_found',
          detail: 'No thread mentions this signature.',
        })
      const parts = data.nextCursor?.split('-').map(Number)
      const next = parts === undefined ? null : encodeCursor(parts)
      linkNext(req, reply, next)
      const fixed = data.reference?.fixed ?? null
      return {
        kind: data.kind,
        key: data.key,
        label: data.label,
        detail: data.detail,
        threadCount: data.threadCount,
        reference:
          data.reference === null
            ? null
            : {
                firstSeenAt: iso(data.reference.firstSeenAt),
                lastSeenAt: iso(data.reference.lastSeenAt),
                fixed:
                  fixed === null
                    ? null
                    : {
                        release: fixed.release?.label ?? null,
                        at: iso(fixed.at),
                        by: fixed.by,
                        threadUrl: `${base}${fixed.thread.href}`,
                      },
              },
        crash:
          data.crash === null
            ? null
            : {
                policy: data.crash.policy,
                sites: data.crash.sites.map((site) => ({
                  site: site.site,
                  frames: site.frames,
                  threadCount: site.threadCount,
                  threadUrls: site.threads.map((t) => `${base}${threadPath(t.id, t.slug)}`),
                })),
                processes: data.crash.processes,
              },
        items: data.threads.map((t) => ({
          ...threadSummaryJson(base, t),
          postCount: t.postCount,
        })),
        next,
      }
    },
  )

  app.post<{ Body: { text: string } }>(
    '/signatures/extract',
    {
      // It changes nothing, so strangers call it without a page's CSRF token (plugins/session.ts).
      config: { csrf: 'none' },
      schema: {
        summary: 'What a text mentions: OS releases, errors, symbols, bug reports, crashes',
        description:
          'The extraction every post goes through (docs/signatures.md). Anyone may call it; strangers 20 a minute per address, signed-in callers 120 a minute. A request a browser sends from another site’s page (its Origin) is refused with 403.',
        tags: ['signatures'],
        body: Type.Object(
          { text: Type.String({ maxLength: EXTRACT_TEXT_MAX, description: 'Markdown or a log' }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(SignatureItemSchema) }),
          ...problems(400, 403, 413, 415, 422),
        },
      },
    },
    async (req, reply) => {
      const result = extractSignaturesFor(
        { userId: req.viewer?.id ?? null, address: req.ip },
        req.body.text,
      )
      if (!result.ok) return sendFailure(req, reply, result.failure)
      reply.header('cache-control', 'no-store')
      return {
        items: result.value.map((s) => ({
          ...s,
          url: `${base}${signatureHref(s.kind, s.key)}`,
          api: `${base}/api/v1${signatureHref(s.kind, s.key)}`,
        })),
      }
    },
  )
}
