/**
 * Flagging a post (/posts/:id/flag, a small form page) and staff hiding or showing a post again
 * (/posts/:id/hide, /posts/:id/unhide). docs/moderation.md, "Flags and review".
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import {
  flagPost,
  getFlagTarget,
  staffHidePost,
  staffUnhidePost,
} from '../../../domain/moderation/index.js'
import { emptyForm, type FormState } from '../../../views/forms.js'
import { FlagPage, type FlagValues } from '../../../views/pages/flag-page.js'
import { formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { ensureCsrfToken } from '../../plugins/session.js'
import { formBody, PostParams } from '../../schemas/forms.js'
import { threadUrl } from './post-answers.js'

const FlagForm = formBody(['reason', 'message'], 5000)
type FlagForm = { reason?: string; message?: string; _csrf?: string }
const HideForm = formBody(['reason'], 5000)
type HideForm = { reason?: string; _csrf?: string }

export const flagRoutes: FastifyPluginAsync = async (app) => {
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    postId: number,
    form: FormState<FlagValues>,
  ) => {
    const target = await getFlagTarget(req.db, req.viewer, postId)
    if (!target.ok) {
      if (target.failure.code === 'forbidden' && !req.viewer && req.method === 'GET')
        return reply.redirect(`/login?next=${encodeURIComponent(`/posts/${postId}/flag`)}`, 303)
      return sendFailure(req, reply, target.failure)
    }
    ensureCsrfToken(req, reply)
    return sendPage(reply, status, FlagPage, { site: siteFor(req), post: target.value, form })
  }

  app.get<{ Params: PostParams }>(
    '/posts/:id/flag',
    { schema: { params: PostParams } },
    async (req, reply) =>
      render(req, reply, 200, Number(req.params.id), emptyForm({ reason: '', message: '' })),
  )

  app.post<{ Params: PostParams; Body: FlagForm }>(
    '/posts/:id/flag',
    { schema: { params: PostParams, body: FlagForm } },
    async (req, reply) => {
      const postId = Number(req.params.id)
      const values = { reason: req.body.reason ?? '', message: req.body.message ?? '' }
      const settings = await req.server.siteSettings.get()
      const result = await flagPost(req.db, req.viewer, { postId, ...values }, settings)
      if (!result.ok) {
        const { code } = result.failure
        if (code === 'not_found' || (code === 'forbidden' && !req.viewer))
          return sendFailure(req, reply, result.failure)
        if (code === 'rate_limited') reply.header('retry-after', String(result.failure.retryAfterS))
        return render(req, reply, STATUS[code], postId, {
          values,
          ...formErrors(result.failure, req.locale),
        })
      }
      // A question hidden by this flag took its thread out of the reader's sight.
      if (result.value.threadHidden && req.viewer?.role === 'member')
        return reply.redirect('/', 303)
      return reply.redirect(await threadUrl(req, result.value.threadId, postId), 303)
    },
  )

  app.post<{ Params: PostParams; Body: HideForm }>(
    '/posts/:id/hide',
    { schema: { params: PostParams, body: HideForm } },
    async (req, reply) => {
      const postId = Number(req.params.id)
      const result = await staffHidePost(req.db, req.viewer, {
        postId,
        reason: req.body.reason ?? '',
      })
      if (!result.ok) return sendFailure(req, reply, result.failure)
      return reply.redirect(await threadUrl(req, result.value.threadId, postId), 303)
    },
  )

  app.post<{ Params: PostParams; Body: HideForm }>(
    '/posts/:id/unhide',
    { schema: { params: PostParams, body: HideForm } },
    async (req, reply) => {
      const postId = Number(req.params.id)
      const result = await staffUnhidePost(req.db, req.viewer, {
        postId,
        reason: req.body.reason ?? '',
      })
      if (!result.ok) return sendFailure(req, reply, result.failure)
      return reply.redirect(await threadUrl(req, result.value.threadId, postId), 303)
    },
  )
}
