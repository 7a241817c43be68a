/**
 * Staff hide a post (or, hiding its question, a thread) with a reason its author sees, and show it
 * again. The staff log is written by the review feature's hidePost/unhidePost in the same transaction.
 */
import type { Db } from '../../db/schema.js'
import { enqueueActivity, type ModerationNotice } from '../notifications/index.js'
import { findPostFacts } from '../posts/index.js'
import { hidePost, unhidePost } from '../review/index.js'
import { fail, msg, isStaff, ok, type Result, type Viewer } from '../shared/index.js'
import { isPostHidden, settleFlags } from './flags.queries.js'
import { closeReviewItems } from './queue.queries.js'

/** The longest reason staff may give. */
export const HIDE_REASON_MAX = 500

type Hidden = { postId: number; threadId: number }

async function loadForStaff(
  db: Db,
  viewer: Viewer | null,
  postId: number,
): Promise<Result<Hidden & { authorId: number }>> {
  if (!isStaff(viewer)) return fail.forbidden(msg('Only moderators hide and show posts.'))
  const post = await findPostFacts(db, postId)
  if (!post || post.deleted) return fail.notFound('post')
  return ok({ postId: post.id, threadId: post.threadId, authorId: post.authorId })
}

function notice(
  notice: ModerationNotice,
  post: { postId: number; authorId: number },
  actorId: number,
  at: number,
) {
  return {
    type: 'moderation' as const,
    notice,
    postId: post.postId,
    userIds: [post.authorId],
    actorId,
    at,
  }
}

/** Hides a post from readers with `reason`, shown to its author. */
export async function staffHidePost(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number; reason: string },
  now = Date.now(),
): Promise<Result<Hidden>> {
  const loaded = await loadForStaff(db, viewer, input.postId)
  if (!loaded.ok) return loaded
  const reason = input.reason.trim()
  if (reason === '') return fail.invalid('reason', msg('Say why: the author sees this reason.'))
  if (reason.length > HIDE_REASON_MAX)
    return fail.invalid('reason', msg('The reason must be at most {hideReasonMax} characters.'), {
      hideReasonMax: HIDE_REASON_MAX,
    })
  const post = loaded.value
  const actorId = (viewer as Viewer).id
  const hidden = await db.transaction().execute(async (trx) => {
    const result = await hidePost(
      trx,
      { postId: post.postId, reason: 'staff', note: reason, actorId },
      now,
    )
    if (result.ok) await enqueueActivity(trx, notice('post-hidden', post, actorId, now), now)
    return result
  })
  if (!hidden.ok) return hidden
  return ok({ postId: post.postId, threadId: post.threadId })
}

/** Shows a hidden post again; its pending review items close as approved and its flags dismissed. */
export async function staffUnhidePost(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number; reason: string },
  now = Date.now(),
): Promise<Result<Hidden>> {
  const loaded = await loadForStaff(db, viewer, input.postId)
  if (!loaded.ok) return loaded
  const post = loaded.value
  if (!(await isPostHidden(db, post.postId))) return fail.conflict(msg('This post is not hidden.'))
  const actorId = (viewer as Viewer).id
  await db.transaction().execute(async (trx) => {
    await unhidePost(
      trx,
      { postId: post.postId, actorId, reason: input.reason.trim() || null },
      now,
    )
    await closeReviewItems(trx, post.postId, 'approved', actorId, now)
    await settleFlags(trx, post.postId, 'disagreed', actorId, now)
    await enqueueActivity(trx, notice('post-approved', post, actorId, now), now)
  })
  return ok({ postId: post.postId, threadId: post.threadId })
}
