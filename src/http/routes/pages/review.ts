/**
 * /review: the moderators' queue of flagged and held posts, the decisions on each item (agree,
 * disagree, approve, delete) and "delete the spammer" with its confirm step. Moderators and admins
 * only: others get 403, anonymous visitors of the page are sent to sign in.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import {
  decideReviewItem,
  deleteSpammer,
  listReviewQueue,
  REVIEW_DECISIONS,
  type ReviewDecision,
} from '../../../domain/moderation/index.js'
import { isStaff, msg } from '../../../domain/shared/index.js'
import { DeleteSpammerPage, ReviewPage } from '../../../views/pages/review-page.js'
import { failureMessage, sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { formBody, PostParams } from '../../schemas/forms.js'

const DecisionParams = Type.Object({
  id: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }),
  decision: Type.Union(REVIEW_DECISIONS.map((d) => Type.Literal(d))),
})
type DecisionParams = Static<typeof DecisionParams>
const EmptyForm = formBody([], 10)

export const reviewRoutes: FastifyPluginAsync = async (app) => {
  /** A signed-in non-moderator or any POST: 403; an anonymous visitor of a page: to sign in first. */
  const refuse = (req: FastifyRequest, reply: FastifyReply) =>
    req.viewer || req.method !== 'GET'
      ? sendFailure(req, reply, {
          code: 'forbidden',
          reason: msg('Only moderators see the review queue.'),
        })
      : reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303)

  const renderQueue = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    problem?: string,
  ) => {
    const queue = await listReviewQueue(req.db, req.viewer)
    if (!queue.ok) return refuse(req, reply)
    return sendPage(reply, status, ReviewPage, {
      site: siteFor(req),
      items: queue.value,
      ...(problem !== undefined ? { problem } : {}),
    })
  }

  app.get('/review', async (req, reply) => {
    if (!isStaff(req.viewer)) return refuse(req, reply)
    return renderQueue(req, reply, 200)
  })

  app.post<{ Params: DecisionParams }>(
    '/review/:id/:decision',
    { schema: { params: DecisionParams, body: EmptyForm } },
    async (req, reply) => {
      if (!isStaff(req.viewer)) return refuse(req, reply)
      const result = await decideReviewItem(req.db, req.viewer, {
        itemId: Number(req.params.id),
        decision: req.params.decision as ReviewDecision,
      })
      if (!result.ok) {
        if (result.failure.code === 'conflict' || result.failure.code === 'invalid')
          return renderQueue(req, reply, 409, failureMessage(result.failure, req.locale))
        return sendFailure(req, reply, result.failure)
      }
      return reply.redirect('/review', 303)
    },
  )

  app.get<{ Params: PostParams }>(
    '/review/:id/spammer',
    { schema: { params: PostParams } },
    async (req, reply) => {
      if (!isStaff(req.viewer)) return refuse(req, reply)
      const queue = await listReviewQueue(req.db, req.viewer, 500)
      const item = queue.ok ? queue.value.find((i) => i.id === Number(req.params.id)) : undefined
      if (!item) return sendFailure(req, reply, { code: 'not_found', what: 'review item' })
      return sendPage(reply, 200, DeleteSpammerPage, {
        site: siteFor(req),
        itemId: item.id,
        username: item.author.username,
        postCount: item.author.postCount,
      })
    },
  )

  app.post<{ Params: PostParams }>(
    '/review/:id/spammer',
    { schema: { params: PostParams, body: EmptyForm } },
    async (req, reply) => {
      if (!isStaff(req.viewer)) return refuse(req, reply)
      const itemId = Number(req.params.id)
      const result = await deleteSpammer(req.db, req.viewer, { itemId })
      if (!result.ok) {
        if (result.failure.code === 'conflict')
          return renderQueue(req, reply, 409, failureMessage(result.failure, req.locale))
        return sendFailure(req, reply, result.failure)
      }
      req.log.info({ by: req.viewer?.id, spammer: result.value.username }, 'spammer deleted')
      return reply.redirect('/review', 303)
    },
  )
}
