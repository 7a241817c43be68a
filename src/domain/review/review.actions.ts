/**
 * Hiding posts from readers and holding them for a moderator. A hidden post stays in the database and
 * on its author's and staff's pages, marked; a hidden question hides its thread. Every hide and unhide
 * is written to the staff log (actor null when automatic) in the caller's transaction.
 */
import type { Executor } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import { fail, ok, type Result } from '../shared/index.js'
import {
  findPostForReview,
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
