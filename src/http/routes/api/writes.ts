/**
 * The API's writes: ask, reply, comment, edit, delete, boost, accept and watch, and the person's own
 * notifications. Each calls the domain function the page's form calls, so every rule (who may, limits,
 * the email gate, locked threads) is the same, and tells the thread's live streams what the form route
 * tells them. Token requests need the `write` scope (`read` for notifications); a browser session's
 * writes carry the CSRF token like any form.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { setBoost } from '../../../domain/boosts/index.js'
import { slugify, threadPath } from '../../../domain/format/index.js'
import { describeNotification, listNotifications } from '../../../domain/notifications/index.js'
import {
  acceptAnswer,
  deletePost,
  editPost,
  postComment,
  postReply,
} from '../../../domain/posts/index.js'
import type { Result } from '../../../domain/shared/index.js'
import { findThreadTitle } from '../../../domain/thread-lists/index.js'
import { askQuestion } from '../../../domain/threads/index.js'
import { setWatchLevel } from '../../../domain/watching/index.js'
import { postingRefusal } from '../../email-gate.js'
import { sendFailure } from '../../failure.js'
import { longTextRoute } from '../../long-text.js'
import { problems } from './responses.js'
import { refuseWithoutScope } from './scopes.js'

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 })
const IdParams = Type.Object({ id: Id })
type IdParams = Static<typeof IdParams>
const Body = Type.String({ maxLength: 200_000, description: 'Markdown' })

const PostedSchema = Type.Object({
  postId: Id,
  threadId: Id,
  url: Type.String(),
})
const AskedSchema = Type.Object({ threadId: Id, url: Type.String() })
const BoostSchema = Type.Object({ boosted: Type.Boolean(), boostCount: Type.Integer() })
const AcceptSchema = Type.Object({
  accepted: Type.Boolean(),
  acceptedPostId: Type.Union([Id, Type.Null()]),
})
const WatchSchema = Type.Object({
  level: Type.Union([
    Type.Literal('watching'),
    Type.Literal('tracking'),
    Type.Literal('normal'),
    Type.Literal('muted'),
  ]),
})
const NotificationSchema = Type.Object({
  id: Id,
  kind: Type.String(),
  text: Type.String(),
  threadId: Id,
  threadTitle: Type.String(),
  postId: Type.Union([Id, Type.Null()]),
  url: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  actorCount: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
})

const writes = { security: [{ bearer: [] }] }

export const apiWriteRoutes: FastifyPluginAsync = async (app) => {
  const base = app.config.publicUrl

  async function postUrl(threadId: number, postId?: number) {
    const title = (await findThreadTitle(app.db, threadId)) ?? ''
    return `${base}${threadPath(threadId, slugify(title))}${postId ? `#post-${postId}` : ''}`
  }

  /** Scope and the email gate; true when the request was answered (refused). */
  const refuseWrite = (req: FastifyRequest, reply: FastifyReply) => {
    if (refuseWithoutScope(req, reply, 'write')) return true
    const refusal = postingRefusal(req)
    if (refusal) {
      sendFailure(req, reply, refusal)
      return true
    }
    return false
  }

  const answer = async <T>(
    req: FastifyRequest,
    reply: FastifyReply,
    result: Result<T>,
    status: number,
    json: (v: T) => unknown,
  ) =>
    result.ok
      ? reply.code(status).send(await json(result.value))
      : sendFailure(req, reply, result.failure)

  app.post<{ Body: { title: string; body: string; tags: string[] } }>(
    '/threads',
    {
      ...longTextRoute,
      schema: {
        summary: 'Ask a question',
        description: 'Tags are existing tag slugs (1 to 5). Attachments are not taken here yet.',
        tags: ['threads'],
        ...writes,
        body: Type.Object(
          {
            title: Type.String({ maxLength: 1000 }),
            body: Body,
            tags: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 10 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: AskedSchema, ...problems(400, 403, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      if (refuseWrite(req, reply)) return reply
      const result = await askQuestion(req.db, req.viewer, {
        title: req.body.title,
        body: req.body.body,
        tags: req.body.tags.join(' '),
        attachments: [],
      })
      if (result.ok) app.live.publish('home', 'thread', { threadId: result.value.threadId })
      return answer(req, reply, result, 201, ({ threadId, slug }) => ({
        threadId,
        url: `${base}${threadPath(threadId, slug)}`,
      }))
    },
  )

  app.post<{ Params: IdParams; Body: { body: string } }>(
    '/threads/:id/replies',
    {
      ...longTextRoute,
      schema: {
        summary: 'Reply to a thread',
        tags: ['posts'],
        ...writes,
        params: IdParams,
        body: Type.Object({ body: Body }, { additionalProperties: false }),
        response: { 201: PostedSchema, ...problems(400, 403, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      if (refuseWrite(req, reply)) return reply
      const result = await postReply(req.db, req.viewer, {
        threadId: req.params.id,
        body: req.body.body,
      })
      if (result.ok)
        app.live.publish(`thread:${result.value.threadId}`, 'post', { postId: result.value.postId })
      return answer(req, reply, result, 201, async (p) => ({
        ...p,
        url: await postUrl(p.threadId, p.postId),
      }))
    },
  )

  app.post<{ Params: IdParams; Body: { body: string } }>(
    '/posts/:id/comments',
    {
      ...longTextRoute,
      schema: {
        summary: 'Comment under a reply',
        tags: ['posts'],
        ...writes,
        params: IdParams,
        body: Type.Object({ body: Body }, { additionalProperties: false }),
        response: { 201: PostedSchema, ...problems(400, 403, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      if (refuseWrite(req, reply)) return reply
      const result = await postComment(req.db, req.viewer, {
        postId: req.params.id,
        body: req.body.body,
      })
      if (result.ok)
        app.live.publish(`thread:${result.value.threadId}`, 'comment', {
          postId: result.value.postId,
        })
      return answer(req, reply, result, 201, async (p) => ({
        ...p,
        url: await postUrl(p.threadId, p.postId),
      }))
    },
  )

  app.patch<{ Params: IdParams; Body: { body: string; title?: string } }>(
    '/posts/:id',
    {
      ...longTextRoute,
      schema: {
        summary: 'Edit a post (its author, or staff)',
        description:
          'A question’s edit may change the thread’s title. The old text stays in the revisions.',
        tags: ['posts'],
        ...writes,
        params: IdParams,
        body: Type.Object(
          { body: Body, title: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: PostedSchema, ...problems(400, 403, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'write')) return reply
      const result = await editPost(req.db, req.viewer, {
        postId: req.params.id,
        body: req.body.body,
        ...(req.body.title !== undefined ? { title: req.body.title } : {}),
      })
      return answer(req, reply, result, 200, async (p) => ({
        ...p,
        url: await postUrl(p.threadId, p.postId),
      }))
    },
  )

  app.delete<{ Params: IdParams }>(
    '/posts/:id',
    {
      schema: {
        summary: 'Delete a post (its author, or staff); a question takes its thread',
        tags: ['posts'],
        ...writes,
        params: IdParams,
        response: {
          200: Type.Composite([PostedSchema, Type.Object({ threadDeleted: Type.Boolean() })]),
          ...problems(400, 403, 404),
        },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'write')) return reply
      const result = await deletePost(req.db, req.viewer, { postId: req.params.id })
      return answer(req, reply, result, 200, async (p) => ({
        postId: p.postId,
        threadId: p.threadId,
        threadDeleted: p.threadDeleted,
        url: await postUrl(p.threadId),
      }))
    },
  )

  for (const [method, boost] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const)
    app.route<{ Params: IdParams }>({
      method,
      url: '/posts/:id/boost',
      schema: {
        summary: boost ? 'Boost a post' : 'Take back a boost',
        tags: ['posts'],
        ...writes,
        params: IdParams,
        response: { 200: BoostSchema, ...problems(400, 403, 404) },
      },
      handler: async (req, reply) => {
        if (refuseWithoutScope(req, reply, 'write')) return reply
        const result = await setBoost(req.db, req.viewer, { postId: req.params.id, boost })
        if (result.ok)
          app.live.publish(`thread:${result.value.threadId}`, 'boost', {
            postId: result.value.postId,
            boostCount: result.value.boostCount,
          })
        return answer(req, reply, result, 200, ({ boosted, boostCount }) => ({
          boosted,
          boostCount,
        }))
      },
    })

  for (const [method, accept] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const)
    app.route<{ Params: IdParams }>({
      method,
      url: '/posts/:id/accept',
      schema: {
        summary: accept ? 'Accept a reply as the answer (the asker)' : 'Take back the accept',
        tags: ['posts'],
        ...writes,
        params: IdParams,
        response: { 200: AcceptSchema, ...problems(400, 403, 404) },
      },
      handler: async (req, reply) => {
        if (refuseWithoutScope(req, reply, 'write')) return reply
        const result = await acceptAnswer(req.db, req.viewer, { postId: req.params.id, accept })
        return answer(req, reply, result, 200, ({ accepted, acceptedPostId }) => ({
          accepted,
          acceptedPostId,
        }))
      },
    })

  app.put<{ Params: IdParams; Body: Static<typeof WatchSchema> }>(
    '/threads/:id/watch',
    {
      schema: {
        summary: 'How closely to follow a thread',
        description:
          'watching: every post; tracking and normal: mentions and replies to you; muted: nothing.',
        tags: ['threads'],
        ...writes,
        params: IdParams,
        body: WatchSchema,
        response: { 200: WatchSchema, ...problems(400, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'write')) return reply
      const result = await setWatchLevel(req.db, req.viewer, {
        target: 'thread',
        id: req.params.id,
        level: req.body.level,
      })
      return answer(req, reply, result, 200, () => ({ level: req.body.level }))
    },
  )

  app.get<{ Querystring: { limit?: number } }>(
    '/notifications',
    {
      schema: {
        summary: 'Your notifications, newest first (reading them marks them read)',
        tags: ['notifications'],
        security: [{ bearer: [] }],
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(NotificationSchema) }),
          ...problems(400, 403),
        },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'read')) return reply
      reply.header('cache-control', 'private, no-store')
      const groups = await listNotifications(req.db, req.viewer!, {
        limit: req.query.limit ?? 50,
        offset: 0,
      })
      const items = groups.flatMap((g) => g.items)
      return {
        items: await Promise.all(
          items.map(async (n) => ({
            id: n.id,
            kind: n.kind,
            text: describeNotification(n),
            threadId: n.threadId,
            threadTitle: n.threadTitle,
            postId: n.postId,
            url: await postUrl(n.threadId, n.postId ?? undefined),
            actor: n.actor,
            actorCount: n.actorCount,
            updatedAt: new Date(n.updatedAt).toISOString(),
            read: n.read,
          })),
        ),
      }
    },
  )
}
