/**
 * Hiding posts from readers and holding them for a moderator. A hidden post stays in the database and
 * on its author's and staff's pages, marked; a hidden question hides its thread. Every hide and unhide
 * is written to the staff log (actor null when automatic) in the caller's transaction.
 */
import type { Executor } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import { fail, msg, ok, type Result } from '../shared/index.js'
import { refreshThread } from '../thread-lists/index.js'
import { refreshThreadText } from '../text-pipeline/index.js'
import {
  findPostForReview,
  hasEditSince,
  openReviewItem,
  setPostHidden,
  setThreadHidden,
} from './review.queries.js'
import type { HiddenReason, ReviewKind } from './review.types.js'

/** Hides a post (and, for a question, its thread); `actorId` null when a rule did it. */
export async function hidePost(
  db: Executor,
  input: { postId: number; reason: HiddenReason; note: string | null; actorId: number | null },
  now = Date.now(),
): Promise<Result<null>> {
  const post = await findPostForReview(db, input.postId)
  if (!post || post.deletedAt !== null) return fail.notFound('post')
  await setPostHidden(db, post.id, {
    at: now,
    reason: input.reason,
    note: input.note,
    by: input.actorId,
  })
  if (post.kind === 'question')
    await setThreadHidden(db, post.threadId, { at: now, reason: input.reason })
  await refreshLists(db, post)
  await recordAudit(
    db,
    {
      actorId: input.actorId,
      action: 'post.hide',
      targetType: 'post',
      targetId: post.id,
      targetLabel: `${post.authorName} in “${post.threadTitle}”`,
      reason: input.note,
      before: { hidden: post.hiddenReason },
      after: { hidden: input.reason },
    },
    now,
  )
  return ok(null)
}

/**
 * A hidden thread leaves its tags' lists and counts (its thread_tags rows read as deleted), and a hidden
 * post's text leaves the search row and the signatures: both are re-derived in the same transaction.
 */
async function refreshLists(db: Executor, post: { kind: string; threadId: number }) {
  await refreshThread(db, post.threadId, { tagsChanged: post.kind === 'question' })
  await refreshThreadText(db, post.threadId)
}

/** Shows a hidden post (and its thread, for a question) again. */
export async function unhidePost(
  db: Executor,
  input: { postId: number; actorId: number | null; reason?: string | null },
  now = Date.now(),
): Promise<Result<null>> {
  const post = await findPostForReview(db, input.postId)
  if (!post) return fail.notFound('post')
  if (post.hiddenAt === null) return ok(null)
  await setPostHidden(db, post.id, null)
  if (post.kind === 'question') await setThreadHidden(db, post.threadId, null)
  await refreshLists(db, post)
  await recordAudit(
    db,
    {
      actorId: input.actorId,
      action: 'post.unhide',
      targetType: 'post',
      targetId: post.id,
      targetLabel: `${post.authorName} in “${post.threadTitle}”`,
      reason: input.reason ?? null,
      before: { hidden: post.hiddenReason },
      after: { hidden: null },
    },
    now,
  )
  return ok(null)
}

/**
 * Hides a just-written post until a moderator approves it at /review: a new account's first posts
 * (`approval`) or a body repeated across posts (`duplicate`). Call it in the write's transaction.
 */
export async function holdForReview(
  db: Executor,
  input: { postId: number; kind: ReviewKind; note: string },
  now = Date.now(),
): Promise<Result<{ reviewItemId: number }>> {
  const reason: HiddenReason = input.kind
  const hidden = await hidePost(
    db,
    { postId: input.postId, reason, note: input.note, actorId: null },
    now,
  )
  if (!hidden.ok) return hidden
  return ok({ reviewItemId: await openReviewItem(db, input.postId, input.kind, now) })
}

/** The review item's kind a hidden post goes back to the queue with when its author edits it. */
const REVIEW_KIND: Record<HiddenReason, ReviewKind> = {
  flagged: 'flagged',
  staff: 'flagged',
  approval: 'approval',
  duplicate: 'duplicate',
}

/**
 * Whether the author's edit of a hidden post asks for another look: once per hiding (a second edit
 * while it is still hidden is refused). Undefined: the post is not hidden, the edit is an ordinary one.
 * Staff edits never count (call it for the author only).
 */
export async function checkHiddenEdit(
  db: Executor,
  input: { postId: number; editorId: number },
): Promise<Result<{ reReview: boolean }>> {
  const post = await findPostForReview(db, input.postId)
  if (!post || post.hiddenAt === null || post.authorId !== input.editorId)
    return ok({ reReview: false })
  if (await hasEditSince(db, post.id, input.editorId, post.hiddenAt))
    return fail.conflict(
      msg(
        'You have already edited this hidden post once; a moderator will look at it before it can change again.',
      ),
    )
  return ok({ reReview: true })
}

/**
 * The author edited their hidden post: its review item opens again (or, pending, moves to the top), so
 * a moderator looks at the new text. Call it in the edit's transaction.
 */
export async function requestReReview(
  db: Executor,
  postId: number,
  now = Date.now(),
): Promise<void> {
  const post = await findPostForReview(db, postId)
  if (!post || post.hiddenReason === null) return
  await openReviewItem(db, postId, REVIEW_KIND[post.hiddenReason], now)
}

/**
 * Puts a post in the review queue without hiding it (a flag below the threshold), or moves its pending
 * item to the top. Call it in the write's transaction.
 */
export async function queueForReview(
  db: Executor,
  input: { postId: number; kind: ReviewKind },
  now = Date.now(),
): Promise<number> {
  return openReviewItem(db, input.postId, input.kind, now)
}
