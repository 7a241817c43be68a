/**
 * Writes on threads and posts, each a plain form post that redirects back (303) and, when the request
 * asks for JSON (the islands do), a small JSON answer instead.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { setBoost } from '../../../domain/boosts/index.js'
import { slugify } from '../../../domain/format/index.js'
import { renderMarkdown } from '../../../domain/markdown/index.js'
import {
  acceptAnswer,
  deletePost,
  editPost,
  findPostContext,
  findPostFacts,
  listRevisions,
  listThreadPosts,
  postComment,
  postReply,
  recommendReply,
  restorePost,
  canEdit,
  type Posted,
} from '../../../domain/posts/index.js'
import { isStaff } from '../../../domain/shared/index.js'
import { getThreadPage, getThreadViewerState } from '../../../domain/threads/index.js'
import type { Result } from '../../../domain/shared/index.js'
import type { Viewer } from '../../../domain/shared/index.js'
import { emptyForm, type EditValues, type FormState } from '../../../views/forms.js'
import { renderReplyFragment } from '../../../views/fragments.js'
import { EditPostPage } from '../../../views/pages/edit-post-page.js'
import { RevisionsPage } from '../../../views/pages/revisions-page.js'
import { ThreadPage, type ThreadPageProps } from '../../../views/pages/thread-page.js'
import { formErrors, sendFailure, STATUS, wantsJson } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { csrfTokenFor, ensureCsrfToken } from '../../plugins/session.js'
import { BodyForm, EditForm, PostParams, ToggleForm, toggleState } from '../../schemas/forms.js'
import { Type, type Static } from '@sinclair/typebox'

const ThreadIdParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }) })

async function threadUrl(req: FastifyRequest, threadId: number, postId?: number): Promise<string> {
  const row = await req.db
    .selectFrom('threads')
    .select('title')
    .where('id', '=', threadId)
    .executeTakeFirst()
  return `/threads/${threadId}/${slugify(row?.title ?? '')}${postId ? `#post-${postId}` : ''}`
}

/** Redirects back to the thread, or answers JSON; failures go through the one mapping. */
async function finish<T extends { threadId: number }>(
  req: FastifyRequest,
  reply: FastifyReply,
  result: Result<T>,
  json: (v: T) => unknown,
  anchor?: (v: T) => number,
): Promise<FastifyReply> {
  if (!result.ok) return sendFailure(req, reply, result.failure)
  if (wantsJson(req)) return reply.send(json(result.value))
  return reply.redirect(await threadUrl(req, result.value.threadId, anchor?.(result.value)), 303)
}

/**
 * The thread page again, with a failed form refilled (status 422), for the no-JavaScript path.
 * Undefined when the thread is gone or nobody is signed in; the caller then sends the failure.
 */
async function rerenderThread(
  req: FastifyRequest,
  reply: FastifyReply,
  threadId: number,
  forms: Pick<ThreadPageProps, 'form' | 'commentForm'>,
): Promise<FastifyReply | undefined> {
  const data = await getThreadPage(req.db, threadId)
  if (!data || !req.viewer) return undefined
  req.csrfToken = csrfTokenFor(req, reply)
  const viewer = await getThreadViewerState(req.db, req.viewer, threadId)
  return sendPage(reply, 422, ThreadPage, { site: siteFor(req), data, viewer, ...forms })
}

/** How a new reply or comment is answered beyond the plain redirect; see {@link answerNewPost}. */
interface NewPostAnswers {
  /**
   * The thread page with the failed form refilled (status 422, the no-JavaScript path), or undefined when
   * it cannot be shown; the failure is then sent as it is.
   */
  refill: (form: FormState<{ body: string }>) => Promise<FastifyReply | undefined>
  /** The JSON answer to a saved post when the request asked for JSON; else `{ postId, threadId }`. */
  json?: (posted: Posted, viewer: Viewer) => Promise<FastifyReply>
}

/**
 * The answer to a new reply or comment: a failed check without JavaScript brings the thread back with the
 * form refilled; a saved post answers JSON to the islands, else redirects to the post (303); any other failure
 * goes through the one mapping.
 */
async function answerNewPost(
  req: FastifyRequest<{ Body: BodyForm }>,
  reply: FastifyReply,
  result: Result<Posted>,
  answers: NewPostAnswers,
): Promise<FastifyReply> {
  if (!result.ok && result.failure.code === 'invalid' && !wantsJson(req)) {
    const form = { values: { body: req.body.body ?? '' }, ...formErrors(result.failure) }
    const page = await answers.refill(form)
    if (page) return page
  }
  if (result.ok && wantsJson(req) && answers.json && req.viewer)
    return answers.json(result.value, req.viewer)
  return finish(
    req,
    reply,
    result,
    (v) => v,
    (v) => v.postId,
  )
}

/** A saved reply for the reply island: 201 with the reply rendered as the thread page shows it. */
async function sendReplyFragment(
  req: FastifyRequest,
  reply: FastifyReply,
  { postId, threadId }: Posted,
  viewer: Viewer,
): Promise<FastifyReply> {
  const { replies } = await listThreadPosts(req.db, threadId)
  const post = replies.find((r) => r.id === postId)
  const controls = (await getThreadViewerState(req.db, viewer, threadId)).controls[postId]
  return reply.code(201).send({
    postId,
    html: post ? renderReplyFragment(post, controls, Date.now(), csrfTokenFor(req, reply)) : '',
  })
}

export const postRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: Static<typeof ThreadIdParams>; Body: BodyForm }>(
    '/threads/:id/replies',
    { schema: { params: ThreadIdParams, body: BodyForm } },
    async (req, reply) => {
      const threadId = Number(req.params.id)
      const result = await postReply(req.db, req.viewer, { threadId, body: req.body.body ?? '' })
      return answerNewPost(req, reply, result, {
        refill: (form) => rerenderThread(req, reply, threadId, { form }),
        json: (posted, viewer) => sendReplyFragment(req, reply, posted, viewer),
      })
    },
  )

  app.post<{ Params: PostParams; Body: BodyForm }>(
    '/posts/:id/comments',
    { schema: { params: PostParams, body: BodyForm } },
    async (req, reply) => {
      const postId = Number(req.params.id)
      const result = await postComment(req.db, req.viewer, { postId, body: req.body.body ?? '' })
      return answerNewPost(req, reply, result, {
        // The thread comes back with this reply's comment form open, refilled, the problem beside it.
        refill: async (form) => {
          const facts = await findPostFacts(req.db, postId)
          return (
            facts && rerenderThread(req, reply, facts.threadId, { commentForm: { postId, form } })
          )
        },
      })
    },
  )

  app.post<{ Params: PostParams; Body: ToggleForm }>(
    '/posts/:id/boost',
    { schema: { params: PostParams, body: ToggleForm } },
    async (req, reply) => {
      const result = await setBoost(req.db, req.viewer, {
        postId: Number(req.params.id),
        boost: toggleState(req.body.state),
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
      if (result.ok && !wantsJson(req)) {
        const question = await req.db
          .selectFrom('threads')
          .select('deleted_at')
          .where('id', '=', result.value.threadId)
          .executeTakeFirst()
        if (question?.deleted_at !== null && !isStaff(req.viewer)) return reply.redirect('/', 303)
      }
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

  const renderEdit = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    postId: number,
    form: FormState<EditValues> | null,
    previewHtml: string | null,
  ) => {
    const post = await findPostContext(req.db, postId)
    const facts = await findPostFacts(req.db, postId)
    if (!post || !facts) return sendFailure(req, reply, { code: 'not_found', what: 'post' })
    if (!req.viewer) return reply.redirect(`/login?next=/posts/${postId}/edit`, 303)
    if (!canEdit(req.viewer, facts))
      return sendFailure(req, reply, {
        code: 'forbidden',
        reason: 'You can edit only your own posts.',
      })
    const initial: EditValues =
      post.kind === 'question'
        ? { title: post.threadTitle, body: post.bodyMarkdown }
        : { body: post.bodyMarkdown }
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
      form: form ?? emptyForm(initial),
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
    { schema: { params: PostParams, body: EditForm } },
    async (req, reply) => {
      const postId = Number(req.params.id)
      const values: EditValues = {
        body: req.body.body ?? '',
        ...(req.body.title !== undefined ? { title: req.body.title } : {}),
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
          { values, ...formErrors(result.failure) },
          null,
        )
      }
      return reply.redirect(await threadUrl(req, result.value.threadId, postId), 303)
    },
  )

  app.get<{ Params: PostParams }>(
    '/posts/:id/revisions',
    { schema: { params: PostParams } },
    async (req, reply) => {
      const post = await findPostContext(req.db, Number(req.params.id))
      if (!post || (post.deleted && !isStaff(req.viewer)))
        return sendFailure(req, reply, { code: 'not_found', what: 'post' })
      const revisions = await listRevisions(req.db, post.id)
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

  // The live preview island posts here; the result is exactly what saving would store.
  app.post<{ Body: BodyForm }>('/preview', { schema: { body: BodyForm } }, async (req, reply) => {
    if (!req.viewer)
      return sendFailure(req, reply, { code: 'forbidden', reason: 'Sign in to preview.' })
    return reply
      .header('cache-control', 'no-store')
      .send({ html: renderMarkdown(req.body.body ?? '') })
  })
}
