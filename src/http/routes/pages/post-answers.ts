/**
 * How the post routes answer: back to the thread (303) at the post, or JSON for the islands; a failed
 * form without JavaScript brings the thread page back with the form refilled.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { slugify, threadPath } from '../../../domain/format/index.js'
import { listThreadPosts, type Posted } from '../../../domain/posts/index.js'
import type { ReviewKind } from '../../../domain/review/index.js'
import type { Result, Viewer } from '../../../domain/shared/index.js'
import { findThreadTitle } from '../../../domain/thread-lists/index.js'
import { getThreadPage, getThreadViewerState } from '../../../domain/threads/index.js'
import type { FormState } from '../../../views/forms.js'
import { renderReplyFragment } from '../../../views/fragments.js'
import { ThreadPage, type ThreadPageProps } from '../../../views/pages/thread-page.js'
import { formErrors, sendFailure, wantsJson } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { csrfTokenFor } from '../../plugins/session.js'
import type { BodyForm } from '../../schemas/forms.js'
import { withLocale } from '../../../i18n/index.js'

/** The thread's address, at `postId` when given. */
export async function threadUrl(
  req: FastifyRequest,
  threadId: number,
  postId?: number,
  held?: ReviewKind | null,
): Promise<string> {
  const title = (await findThreadTitle(req.db, threadId)) ?? ''
  // `held`: the thread page tells the author their post waits for a moderator.
  return `${threadPath(threadId, slugify(title))}${held ? `?held=${held}` : ''}${postId ? `#post-${postId}` : ''}`
}

/** Redirects back to the thread, or answers JSON; failures go through the one mapping. */
export async function finish<T extends { threadId: number }>(
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
export async function rerenderThread(
  req: FastifyRequest,
  reply: FastifyReply,
  threadId: number,
  forms: Pick<ThreadPageProps, 'form' | 'commentForm' | 'staffForm'>,
): Promise<FastifyReply | undefined> {
  const data = await getThreadPage(req.db, threadId, req.viewer)
  if (!data || !req.viewer) return undefined
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
  /** What the thread's live streams are told: `post` for a reply, `comment` for a comment. */
  live: 'post' | 'comment'
}

/**
 * The answer to a new reply or comment: a failed check without JavaScript brings the thread back with the
 * form refilled; a saved post answers JSON to the islands, else redirects to the post (303); any other failure
 * goes through the one mapping.
 */
export async function answerNewPost(
  req: FastifyRequest<{ Body: BodyForm }>,
  reply: FastifyReply,
  result: Result<Posted>,
  answers: NewPostAnswers,
): Promise<FastifyReply> {
  if (!result.ok && result.failure.code === 'invalid' && !wantsJson(req)) {
    const form = {
      values: { body: req.body.body ?? '' },
      ...formErrors(result.failure, req.locale),
    }
    const page = await answers.refill(form)
    if (page) return page
  }
  // Committed: tell the thread's open pages (the live bar of "N new replies").
  if (result.ok)
    req.server.live.publish(`thread:${result.value.threadId}`, answers.live, {
      postId: result.value.postId,
    })
  if (result.ok && wantsJson(req) && answers.json && req.viewer)
    return answers.json(result.value, req.viewer)
  if (result.ok && result.value.held && !wantsJson(req))
    return reply.redirect(
      await threadUrl(req, result.value.threadId, result.value.postId, result.value.held),
      303,
    )
  return finish(
    req,
    reply,
    result,
    (v) => v,
    (v) => v.postId,
  )
}

/** A saved reply for the reply island: 201 with the reply rendered as the thread page shows it. */
export async function sendReplyFragment(
  req: FastifyRequest,
  reply: FastifyReply,
  { postId, threadId, held }: Posted,
  viewer: Viewer,
): Promise<FastifyReply> {
  const { replies } = await listThreadPosts(req.db, threadId)
  const post = replies.find((r) => r.id === postId)
  const controls = (await getThreadViewerState(req.db, viewer, threadId)).controls[postId]
  return reply.code(201).send({
    postId,
    ...(held ? { held } : {}),
    // In the poster's language: the fragment's words go through t(). Other viewers never get this HTML:
    // the live stream carries ids only, and their pages fetch the thread in their own language.
    html: post
      ? withLocale(req.locale, () =>
          renderReplyFragment(post, controls, Date.now(), csrfTokenFor(req, reply)),
        )
      : '',
  })
}
