/**
 * The API's writes: ask, reply, comment, edit, delete, boost, accept and watch, and the person's own
 * notifications. Each calls the domain function the page's form calls, so every rule (who may, limits,
 * the email gate, locked threads) is the same, and tells the thread's live streams what the form route
 * tells them. Token requests need the `write` scope (`read` for notifications); a browser session's
 * writes carry the CSRF token like any form.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { setBoost } from '../../../domain/boosts/index.js'
import { threadPath } from '../../../domain/format/index.js'
import {
  acceptAnswer,
  deletePost,
  editPost,
  postComment,
  postReply,
  recommendReply,
} from '../../../domain/posts/index.js'
import type { Result } from '../../../domain/shared/index.js'
import { findTagBySlug } from '../../../domain/tags/index.js'
import { askQuestion } from '../../../domain/threads/index.js'
import { setWatchLevel } from '../../../domain/watching/index.js'
import { postingRefusal } from '../../email-gate.js'
import { sendFailure } from '../../failure.js'
import { longTextRoute } from '../../long-text.js'
import { Id, IdParams } from '../../schemas/api.js'
import { SlugParams } from '../../schemas/listing.js'
import { threadUrl } from '../pages/post-answers.js'
import { problems } from './responses.js'
import { refuseWithoutScope } from './scopes.js'

type IdParams = Static<typeof IdParams>
const Body = Type.String({ maxLength: 200_000, description: 'Markdown' })

/** Why a new post waits for a moderator before readers see it (docs/moderation.md); absent when it does not. */
const Held = Type.Optional(
  Type.Union([Type.Literal('approval'), Type.Literal('duplicate'), Type.Literal('flagged')]),
)
const PostedSchema = Type.Object({
  postId: Id,
  threadId: Id,
  url: Type.String(),
  held: Held,
})
const AskedSchema = Type.Object({ threadId: Id, url: Type.String(), held: Held })
const BoostSchema = Type.Object({ boosted: Type.Boolean(), boostCount: Type.Integer() })
const AcceptSchema = Type.Object({
  accepted: Type.Boolean(),
  acceptedPostId: Type.Union([Id, Type.Null()]),
})
const RecommendSchema = Type.Object({ recommended: Type.Boolean() })
const WatchSchema = Type.Object({
  level: Type.Union([
    Type.Literal('watching'),
    Type.Literal('tracking'),
    Type.Literal('normal'),
    Type.Literal('muted'),
  ]),
})
const writes = { security: [{ bearer: [] }] }

export const apiWriteRoutes: FastifyPluginAsync = async (app) => {
  const base = app.config.publicUrl

  const postUrl = async (req: FastifyRequest, threadId: number, postId?: number) =>
    `${base}${await threadUrl(req, threadId, postId)}`

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
      // Home and the tags hear of the thread from the notify job, after the commit (and not at all
      // while it waits for a moderator).
      return answer(req, reply, result, 201, ({ threadId, slug, held }) => ({
        threadId,
        url: `${base}${threadPath(threadId, slug)}`,
        ...(held ? { held } : {}),
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
        url: await postUrl(req, p.threadId, p.postId),
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
        url: await postUrl(req, p.threadId, p.postId),
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
      // As the edit form does: open pages of the thread fetch the post's new body.
      if (result.ok)
        app.live.publish(`thread:${result.value.threadId}`, 'edit', { postId: req.params.id })
      return answer(req, reply, result, 200, async (p) => ({
        ...p,
        url: await postUrl(req, p.threadId, p.postId),
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
        url: await postUrl(req, p.threadId),
      }))
    },
  )

  /** Boost and accept state what they want: PUT turns it on, DELETE takes it back (the forms' `state`). */
  function toggleRoutes<T>(spec: {
    url: string
    on: string
    off: string
    response: TSchema
    set: (req: FastifyRequest<{ Params: IdParams }>, on: boolean) => Promise<Result<T>>
  }) {
    for (const on of [true, false])
      app.route<{ Params: IdParams }>({
        method: on ? 'PUT' : 'DELETE',
        url: spec.url,
        schema: {
          summary: on ? spec.on : spec.off,
          tags: ['posts'],
          ...writes,
          params: IdParams,
          // The response schema picks the fields the answer shows.
          response: { 200: spec.response, ...problems(400, 403, 404) },
        },
        handler: async (req, reply) => {
          if (refuseWithoutScope(req, reply, 'write')) return reply
          return answer(req, reply, await spec.set(req, on), 200, (v) => v)
        },
      })
  }

  toggleRoutes({
    url: '/posts/:id/boost',
    on: 'Boost a post',
    off: 'Take back a boost',
    response: BoostSchema,
    set: async (req, on) => {
      const result = await setBoost(req.db, req.viewer, { postId: req.params.id, boost: on })
      if (result.ok)
        app.live.publish(`thread:${result.value.threadId}`, 'boost', {
          postId: result.value.postId,
          boostCount: result.value.boostCount,
        })
      return result
    },
  })
  toggleRoutes({
    url: '/posts/:id/accept',
    on: 'Accept a reply as the answer (the asker)',
    off: 'Take back the accept',
    response: AcceptSchema,
    set: async (req, on) => {
      const result = await acceptAnswer(req.db, req.viewer, { postId: req.params.id, accept: on })
      // Open pages of the thread move the accepted mark, as after the page's button.
      if (result.ok)
        app.live.publish(`thread:${result.value.threadId}`, 'accept', {
          acceptedPostId: result.value.acceptedPostId,
        })
      return result
    },
  })
  toggleRoutes({
    url: '/posts/:id/recommend',
    on: 'Recommend a reply (staff)',
    off: 'Take back the recommendation (staff)',
    response: RecommendSchema,
    set: (req, on) => recommendReply(req.db, req.viewer, { postId: req.params.id, recommend: on }),
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
        response: { 200: WatchSchema, ...problems(400, 403, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'write')) return reply
      const result = await setWatchLevel(req.db, req.viewer, {
        target: 'thread',
        id: req.params.id,
        level: req.body.level,
      })
      return answer(req, reply, result, 200, ({ level }) => ({ level }))
    },
  )

  app.put<{ Params: SlugParams; Body: Static<typeof WatchSchema> }>(
    '/tags/:slug/watch',
    {
      schema: {
        summary: 'How closely to follow a tag',
        description:
          'watching: every new thread and post of the tag; tracking and normal: mentions and replies to you; muted: nothing, and its threads leave your home list.',
        tags: ['tags'],
        ...writes,
        params: SlugParams,
        body: WatchSchema,
        response: { 200: WatchSchema, ...problems(400, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'write')) return reply
      const tag = await findTagBySlug(req.db, req.params.slug)
      if (!tag) return sendFailure(req, reply, { code: 'not_found', what: 'tag' })
      const result = await setWatchLevel(req.db, req.viewer, {
        target: 'tag',
        id: tag.id,
        level: req.body.level,
      })
      return answer(req, reply, result, 200, ({ level }) => ({ level }))
    },
  )
}
