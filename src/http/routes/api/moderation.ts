/**
 * Moderation through the API (docs/moderation.md, "Flags and review"): flagging a post (the flag form's
 * reasons, one flag per person and post, its hourly limit), restoring a deleted post, and the review
 * queue: the pending items and each decision (agree, disagree, approve, delete) or "delete the
 * spammer". Each calls the domain function its form calls. Flags need `write`; the rest `moderate`.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import {
  decideReviewItem,
  deleteSpammer,
  FLAG_MESSAGE_MAX,
  FLAG_REASONS,
  flagPost,
  listReviewQueue,
  REVIEW_DECISIONS,
  staffHidePost,
  staffUnhidePost,
  type ReviewItemView,
} from '../../../domain/moderation/index.js'
import { restorePost } from '../../../domain/posts/index.js'
import { sendFailure } from '../../failure.js'
import { Id, IdParams, Limit } from '../../schemas/api.js'
import { StringEnum } from '../../schemas/listing.js'
import { threadUrl } from '../pages/post-answers.js'
import { problems } from './responses.js'
import { refuseWithoutScope } from './scopes.js'
import { iso } from './thread-json.js'

type IdParams = Static<typeof IdParams>
const guarded = { security: [{ bearer: [] }] }

const FlagBody = Type.Object(
  {
    reason: StringEnum(FLAG_REASONS),
    message: Type.Optional(
      Type.String({
        maxLength: FLAG_MESSAGE_MAX * 4,
        description: `At most ${FLAG_MESSAGE_MAX} characters; required for “staff”`,
      }),
    ),
  },
  { additionalProperties: false },
)
const FlaggedSchema = Type.Object({
  postId: Id,
  threadId: Id,
  hidden: Type.Boolean({ description: 'This flag hid the post until a moderator decides' }),
  threadHidden: Type.Boolean({ description: 'The post is a question: its thread is hidden too' }),
})
const PostKind = StringEnum(['question', 'reply', 'comment'] as const)
const ReviewItemSchema = Type.Object({
  id: Id,
  kind: StringEnum(['flagged', 'approval', 'duplicate'] as const),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  post: Type.Object({
    id: Id,
    kind: PostKind,
    threadId: Id,
    threadTitle: Type.String(),
    url: Type.String(),
    bodyHtml: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    hiddenReason: Type.Union([
      StringEnum(['flagged', 'approval', 'duplicate', 'staff'] as const),
      Type.Null(),
    ]),
    hiddenNote: Type.Union([Type.String(), Type.Null()]),
    editedWhileHidden: Type.Boolean(),
  }),
  author: Type.Object({
    username: Type.String(),
    role: StringEnum(['member', 'moderator', 'admin'] as const),
    trustLevel: StringEnum(['new', 'member', 'trusted'] as const),
    joinedAt: Type.String({ format: 'date-time' }),
    postCount: Type.Integer(),
    agreedFlags: Type.Integer({
      description: 'Earlier flags on their posts moderators agreed with',
    }),
  }),
  flags: Type.Array(
    Type.Object({
      reason: StringEnum(FLAG_REASONS),
      message: Type.Union([Type.String(), Type.Null()]),
      flagger: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
})
const DecisionParams = Type.Object({ id: Id, decision: StringEnum(REVIEW_DECISIONS) })
const DecidedSchema = Type.Object({ itemId: Id, postId: Id, threadId: Id })
const SpammerSchema = Type.Object({
  username: Type.String(),
  postsDeleted: Type.Integer(),
  blocked: Type.Array(Type.String(), { description: 'Sign-up blocks added (address, email)' }),
})

export const apiModerationRoutes: FastifyPluginAsync = async (app) => {
  const base = app.config.publicUrl

  const itemJson = (item: ReviewItemView) => ({
    id: item.id,
    kind: item.kind,
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
    post: {
      id: item.post.id,
      kind: item.post.kind,
      threadId: item.post.threadId,
      threadTitle: item.post.threadTitle,
      url: `${base}/threads/${item.post.threadId}#post-${item.post.id}`,
      bodyHtml: item.post.bodyHtml,
      createdAt: iso(item.post.createdAt),
      hiddenReason: item.post.hiddenReason,
      hiddenNote: item.post.hiddenNote,
      editedWhileHidden: item.post.editedWhileHidden,
    },
    author: {
      username: item.author.username,
      role: item.author.role,
      trustLevel: item.author.trustLevel,
      joinedAt: iso(item.author.joinedAt),
      postCount: item.author.postCount,
      agreedFlags: item.author.agreedFlags,
    },
    flags: item.flags.map((f) => ({ ...f, createdAt: iso(f.createdAt) })),
  })

  app.post<{ Params: IdParams; Body: Static<typeof FlagBody> }>(
    '/posts/:id/flags',
    {
      schema: {
        summary: 'Flag a post for the moderators',
        description:
          'The flag form’s reasons: spam, rude, off-topic, staff (“needs staff attention”, with a message). One flag per person and post (409 for a second); 20 flags an hour per person (429 with Retry-After). Enough flags hide the post until a moderator decides.',
        tags: ['moderation'],
        ...guarded,
        params: IdParams,
        body: FlagBody,
        response: { 201: FlaggedSchema, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'write')) return reply
      const settings = await req.server.siteSettings.get()
      const result = await flagPost(
        req.db,
        req.viewer,
        { postId: req.params.id, reason: req.body.reason, message: req.body.message ?? '' },
        settings,
      )
      if (!result.ok) return sendFailure(req, reply, result.failure)
      return reply.code(201).send(result.value)
    },
  )

  app.post<{ Params: IdParams }>(
    '/posts/:id/restore',
    {
      schema: {
        summary: 'Restore a deleted post (staff); a question brings its thread back',
        tags: ['moderation'],
        ...guarded,
        params: IdParams,
        response: {
          200: Type.Object({ postId: Id, threadId: Id, url: Type.String() }),
          ...problems(400, 403, 404),
        },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'moderate')) return reply
      const result = await restorePost(req.db, req.viewer, { postId: req.params.id })
      if (!result.ok) return sendFailure(req, reply, result.failure)
      const { postId, threadId } = result.value
      return { postId, threadId, url: `${base}${await threadUrl(req, threadId, postId)}` }
    },
  )

  const HideBody = Type.Object(
    {
      reason: Type.String({
        maxLength: 2000,
        description: 'Why: the author sees it (required to hide, at most 500 characters)',
      }),
    },
    { additionalProperties: false },
  )
  const HiddenSchema = Type.Object({
    postId: Id,
    threadId: Id,
    hidden: Type.Boolean(),
    url: Type.String(),
  })
  for (const hide of [true, false])
    app.route<{ Params: IdParams; Body: Static<typeof HideBody> | undefined }>({
      method: hide ? 'PUT' : 'DELETE',
      url: '/posts/:id/hidden',
      schema: {
        summary: hide
          ? 'Hide a post from readers with a reason its author sees (staff); a question hides its thread'
          : 'Show a hidden post again (staff): its review items close, its flags are dismissed',
        tags: ['moderation'],
        ...guarded,
        params: IdParams,
        ...(hide ? { body: HideBody } : {}),
        response: { 200: HiddenSchema, ...problems(400, 403, 404, 409, 422) },
      },
      handler: async (req, reply) => {
        if (refuseWithoutScope(req, reply, 'moderate')) return reply
        const input = { postId: req.params.id, reason: req.body?.reason ?? '' }
        const result = hide
          ? await staffHidePost(req.db, req.viewer, input)
          : await staffUnhidePost(req.db, req.viewer, input)
        if (!result.ok) return sendFailure(req, reply, result.failure)
        const { postId, threadId } = result.value
        return {
          postId,
          threadId,
          hidden: hide,
          url: `${base}${await threadUrl(req, threadId, postId)}`,
        }
      },
    })

  app.get<{ Querystring: { limit?: number } }>(
    '/review',
    {
      schema: {
        summary: 'The review queue: flagged and held posts waiting for a moderator, oldest first',
        tags: ['moderation'],
        ...guarded,
        querystring: Type.Object({ limit: Type.Optional(Limit) }),
        response: {
          200: Type.Object({ items: Type.Array(ReviewItemSchema) }),
          ...problems(400, 403),
        },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'moderate')) return reply
      const queue = await listReviewQueue(req.db, req.viewer, req.query.limit ?? 50)
      if (!queue.ok) return sendFailure(req, reply, queue.failure)
      reply.header('cache-control', 'private, no-store')
      return { items: queue.value.map(itemJson) }
    },
  )

  app.post<{ Params: IdParams }>(
    '/review/:id/spammer',
    {
      schema: {
        summary: 'Delete the spammer: every post of the item’s author, the account suspended',
        description:
          'What the queue’s “Delete spammer” confirms: every post of the author deleted, the account suspended for 3650 days (its sessions end), its email address and last IP address blocked for new sign-ups, every pending item on its posts closed.',
        tags: ['moderation'],
        ...guarded,
        params: IdParams,
        response: { 200: SpammerSchema, ...problems(400, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'moderate')) return reply
      const result = await deleteSpammer(req.db, req.viewer, { itemId: req.params.id })
      if (!result.ok) return sendFailure(req, reply, result.failure)
      req.log.info({ by: req.viewer?.id, spammer: result.value.username }, 'spammer deleted')
      return result.value
    },
  )

  app.post<{ Params: Static<typeof DecisionParams> }>(
    '/review/:id/:decision',
    {
      schema: {
        summary: 'Decide a review item: agree, disagree, approve or delete',
        description:
          'agree (flagged): the post stays hidden, a spam flag silences the author; disagree (flagged) and approve (held): it is shown again; delete: it is deleted. docs/moderation.md. A decided item answers 409.',
        tags: ['moderation'],
        ...guarded,
        params: DecisionParams,
        response: { 200: DecidedSchema, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'moderate')) return reply
      const result = await decideReviewItem(req.db, req.viewer, {
        itemId: req.params.id,
        decision: req.params.decision,
      })
      if (!result.ok) return sendFailure(req, reply, result.failure)
      return { itemId: req.params.id, ...result.value }
    },
  )
}
