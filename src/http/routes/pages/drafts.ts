/**
 * Drafts (domain/drafts): the composer island saves what is typed here (`POST /drafts`, JSON, the CSRF
 * token in a header), and the "Discard draft" button posts `POST /drafts/discard` (a plain form that
 * goes back to the composer; JSON for the island). Both act on the signed-in person's own draft only.
 */
import type { FastifyPluginAsync } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { discardDraft, saveDraft } from '../../../domain/drafts/index.js'
import { sendFailure, wantsJson } from '../../failure.js'
import { longTextRoute } from '../../long-text.js'
import { FIELD_TRANSPORT_MAX } from '../../schemas/forms.js'
import { threadUrl } from './post-answers.js'

/** A thread id, or empty for the question on /ask. */
const ThreadField = Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,9})?$' }))
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }))

const DraftForm = Type.Object(
  {
    thread: ThreadField,
    title: text(FIELD_TRANSPORT_MAX),
    body: text(FIELD_TRANSPORT_MAX),
    tags: text(FIELD_TRANSPORT_MAX),
    _csrf: text(500),
  },
  { additionalProperties: false },
)
const DiscardForm = Type.Object(
  { thread: ThreadField, _csrf: text(500) },
  { additionalProperties: false },
)

const threadIdOf = (field: string | undefined) => (field ? Number(field) : null)

export const draftRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: Static<typeof DraftForm> }>(
    '/drafts',
    { ...longTextRoute, schema: { body: DraftForm } },
    async (req, reply) => {
      const result = await saveDraft(req.db, req.viewer, {
        threadId: threadIdOf(req.body.thread),
        title: req.body.title ?? '',
        body: req.body.body ?? '',
        tags: req.body.tags ?? '',
      })
      if (!result.ok) {
        if (result.failure.code === 'rate_limited')
          reply.header('retry-after', String(result.failure.retryAfterS))
        return sendFailure(req, reply, result.failure)
      }
      return reply.header('cache-control', 'no-store').send(result.value)
    },
  )

  app.post<{ Body: Static<typeof DiscardForm> }>(
    '/drafts/discard',
    { schema: { body: DiscardForm } },
    async (req, reply) => {
      const threadId = threadIdOf(req.body.thread)
      const result = await discardDraft(req.db, req.viewer, threadId)
      if (!result.ok) return sendFailure(req, reply, result.failure)
      if (wantsJson(req)) return reply.header('cache-control', 'no-store').send(result.value)
      // Back to the composer, now empty.
      const back = threadId === null ? '/ask' : `${await threadUrl(req, threadId)}#reply`
      return reply.redirect(back, 303)
    },
  )
}
