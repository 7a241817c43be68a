/**
 * The controls on a post: boost, accept, recommend, delete and restore. Each is a form post that states
 * the wanted state and redirects back (303), or answers JSON to the islands.
 */
import type { FastifyPluginAsync } from 'fastify'
import { setBoost } from '../../../domain/boosts/index.js'
import {
  acceptAnswer,
  canViewDeleted,
  deletePost,
  recommendReply,
  restorePost,
} from '../../../domain/posts/index.js'
import { wantsJson } from '../../failure.js'
import { PostParams, ToggleForm, toggleState } from '../../schemas/forms.js'
import { finish } from './post-answers.js'

export const postControlRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: PostParams; Body: ToggleForm }>(
    '/posts/:id/boost',
    { schema: { params: PostParams, body: ToggleForm } },
    async (req, reply) => {
      const result = await setBoost(req.db, req.viewer, {
        postId: Number(req.params.id),
        boost: toggleState(req.body.state),
      })
      if (result.ok)
        req.server.live.publish(`thread:${result.value.threadId}`, 'boost', {
          postId: result.value.postId,
          boostCount: result.value.boostCount,
        })
      return finish(
        req,
        reply,
        result,
        ({ boosted, boostCount }) => ({ boosted, boostCount }),
        (v) => v.postId,
      )
    },
  )

  app.post<{ Params: PostParams; Body: ToggleForm }>(
    '/posts/:id/accept',
    { schema: { params: PostParams, body: ToggleForm } },
    async (req, reply) => {
      const postId = Number(req.params.id)
      const result = await acceptAnswer(req.db, req.viewer, {
        postId,
        accept: toggleState(req.body.state),
      })
      // Open pages of the thread move the accepted mark.
      if (result.ok)
        req.server.live.publish(`thread:${result.value.threadId}`, 'accept', {
          acceptedPostId: result.value.acceptedPostId,
        })
      return finish(
        req,
        reply,
        result,
        ({ accepted, acceptedPostId }) => ({ accepted, acceptedPostId }),
        () => postId,
      )
    },
  )

  app.post<{ Params: PostParams; Body: ToggleForm }>(
    '/posts/:id/recommend',
    { schema: { params: PostParams, body: ToggleForm } },
    async (req, reply) => {
      const postId = Number(req.params.id)
      const result = await recommendReply(req.db, req.viewer, {
        postId,
        recommend: toggleState(req.body.state),
      })
      return finish(
        req,
        reply,
        result,
        ({ recommended }) => ({ recommended }),
        () => postId,
      )
    },
  )

  app.post<{ Params: PostParams }>(
    '/posts/:id/delete',
    { schema: { params: PostParams, body: ToggleForm } },
    async (req, reply) => {
      const result = await deletePost(req.db, req.viewer, { postId: Number(req.params.id) })
      // A deleted question takes its thread with it: back home, unless the viewer may still see it.
      if (result.ok && result.value.threadDeleted && !canViewDeleted(req.viewer) && !wantsJson(req))
        return reply.redirect('/', 303)
      return finish(
        req,
        reply,
        result,
        () => ({ deleted: true }),
        (v) => v.postId,
      )
    },
  )

  app.post<{ Params: PostParams }>(
    '/posts/:id/restore',
    { schema: { params: PostParams, body: ToggleForm } },
    async (req, reply) => {
      const result = await restorePost(req.db, req.viewer, { postId: Number(req.params.id) })
      return finish(
        req,
        reply,
        result,
        () => ({ restored: true }),
        (v) => v.postId,
      )
    },
  )
}
