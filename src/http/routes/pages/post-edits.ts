/** Editing a post (with a no-JavaScript preview) and reading its revisions. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { slugify } from '../../../domain/format/index.js'
import { renderMarkdown } from '../../../domain/markdown/index.js'
import { editPost, getPostForEdit, getPostRevisions } from '../../../domain/posts/index.js'
import { emptyForm, type EditValues, type FormState } from '../../../views/forms.js'
import { EditPostPage } from '../../../views/pages/edit-post-page.js'
import { RevisionsPage } from '../../../views/pages/revisions-page.js'
import { formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { longTextRoute } from '../../long-text.js'
import { ensureCsrfToken } from '../../plugins/session.js'
import { EditForm, PostParams } from '../../schemas/forms.js'
import { threadUrl } from './post-answers.js'

export const postEditRoutes: FastifyPluginAsync = async (app) => {
  const renderEdit = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    postId: number,
    form: FormState<EditValues> | null,
    previewHtml: string | null,
  ) => {
    const found = await getPostForEdit(req.db, req.viewer, postId)
    if (!found.ok) {
      if (found.failure.code === 'forbidden' && !req.viewer)
        return reply.redirect(`/login?next=/posts/${postId}/edit`, 303)
      return sendFailure(req, reply, found.failure)
    }
    const post = found.value
    ensureCsrfToken(req, reply)
    return sendPage(reply, status, EditPostPage, {
      site: siteFor(req),
      post: {
        id: post.id,
        threadId: post.threadId,
        threadTitle: post.threadTitle,
        threadSlug: slugify(post.threadTitle),
        kind: post.kind,
      },
      form: form ?? emptyForm<EditValues>(post.initial),
      previewHtml,
    })
  }

  app.get<{ Params: PostParams }>(
    '/posts/:id/edit',
    { schema: { params: PostParams } },
    async (req, reply) => renderEdit(req, reply, 200, Number(req.params.id), null, null),
  )

  app.post<{ Params: PostParams; Body: EditForm }>(
    '/posts/:id/edit',
    { ...longTextRoute, schema: { params: PostParams, body: EditForm } },
    async (req, reply) => {
      const postId = Number(req.params.id)
      const values: EditValues = {
        body: req.body.body ?? '',
        ...(req.body.title !== undefined ? { title: req.body.title } : {}),
        ...(req.body.staffNote !== undefined ? { staffNote: req.body.staffNote } : {}),
        ...(req.body.reason !== undefined ? { reason: req.body.reason } : {}),
      }
      if (req.body.intent === 'preview')
        return renderEdit(req, reply, 200, postId, emptyForm(values), renderMarkdown(values.body))
      const result = await editPost(req.db, req.viewer, { postId, ...values })
      if (!result.ok) {
        if (result.failure.code !== 'invalid') return sendFailure(req, reply, result.failure)
        return renderEdit(
          req,
          reply,
          STATUS.invalid,
          postId,
          { values, ...formErrors(result.failure, req.locale) },
          null,
        )
      }
      // Open pages of the thread replace the post's body in place (they fetch it: no text on the stream).
      req.server.live.publish(`thread:${result.value.threadId}`, 'edit', { postId })
      return reply.redirect(await threadUrl(req, result.value.threadId, postId), 303)
    },
  )

  app.get<{ Params: PostParams }>(
    '/posts/:id/revisions',
    { schema: { params: PostParams } },
    async (req, reply) => {
      const found = await getPostRevisions(req.db, req.viewer, Number(req.params.id))
      if (!found.ok) return sendFailure(req, reply, found.failure)
      const { post, revisions } = found.value
      return sendPage(reply, 200, RevisionsPage, {
        site: siteFor(req),
        post: {
          id: post.id,
          threadId: post.threadId,
          threadTitle: post.threadTitle,
          threadSlug: slugify(post.threadTitle),
        },
        revisions,
      })
    },
  )
}
