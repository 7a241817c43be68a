/** Writing on a thread: a reply, a comment under a reply, and the live preview of what saving stores. */
import type { FastifyPluginAsync } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { discardDraft } from '../../../domain/drafts/index.js'
import { renderMarkdown } from '../../../domain/markdown/index.js'
import { findPostFacts, postComment, postReply } from '../../../domain/posts/index.js'
import { postingRefusal } from '../../email-gate.js'
import { sendFailure } from '../../failure.js'
import { longTextRoute } from '../../long-text.js'
import { BodyForm, PostParams } from '../../schemas/forms.js'
import { answerNewPost, rerenderThread, sendReplyFragment } from './post-answers.js'
import { msg } from '../../../domain/shared/index.js'

const ThreadIdParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }) })

export const postWritingRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: Static<typeof ThreadIdParams>; Body: BodyForm }>(
    '/threads/:id/replies',
    { ...longTextRoute, schema: { params: ThreadIdParams, body: BodyForm } },
    async (req, reply) => {
      const threadId = Number(req.params.id)
      const refusal = postingRefusal(req)
      if (refusal) return sendFailure(req, reply, refusal)
      const result = await postReply(req.db, req.viewer, { threadId, body: req.body.body ?? '' })
      // Posted: the reply's draft goes, in the request that made the post.
      if (result.ok) await discardDraft(req.db, req.viewer, threadId)
      return answerNewPost(req, reply, result, {
        refill: (form) => rerenderThread(req, reply, threadId, { form }),
        json: (posted, viewer) => sendReplyFragment(req, reply, posted, viewer),
        live: 'post',
      })
    },
  )

  app.post<{ Params: PostParams; Body: BodyForm }>(
    '/posts/:id/comments',
    { ...longTextRoute, schema: { params: PostParams, body: BodyForm } },
    async (req, reply) => {
      const postId = Number(req.params.id)
      const refusal = postingRefusal(req)
      if (refusal) return sendFailure(req, reply, refusal)
      const result = await postComment(req.db, req.viewer, { postId, body: req.body.body ?? '' })
      return answerNewPost(req, reply, result, {
        // The thread comes back with this reply's comment form open, refilled, the problem beside it.
        refill: async (form) => {
          const facts = await findPostFacts(req.db, postId)
          return (
            facts && rerenderThread(req, reply, facts.threadId, { commentForm: { postId, form } })
          )
        },
        live: 'comment',
      })
    },
  )

  // The live preview island posts here; the result is exactly what saving would store.
  app.post<{ Body: BodyForm }>(
    '/preview',
    { ...longTextRoute, schema: { body: BodyForm } },
    async (req, reply) => {
      if (!req.viewer)
        return sendFailure(req, reply, { code: 'forbidden', reason: msg('Sign in to preview.') })
      return reply
        .header('cache-control', 'no-store')
        .send({ html: renderMarkdown(req.body.body ?? '') })
    },
  )
}
