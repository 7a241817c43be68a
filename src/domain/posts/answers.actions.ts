/** Accepting an answer and marking a reply "Recommended". Both toggle. */
import type { Db } from '../../db/schema.js'
import { enqueueActivity } from '../notifications/index.js'
import { reindexThread } from '../search/index.js'
import { fail, msg, isSilenced, ok, type Result } from '../shared/index.js'
import { silencedReason } from '../trust/index.js'
import { refreshThread } from '../thread-lists/index.js'
import type { Viewer } from '../shared/index.js'
import { findPostFacts } from './post-facts.queries.js'
import { canAccept, canRecommend } from './posts.policy.js'
import { updateThread } from '../thread-lists/index.js'
import { findRecommender, updatePost } from './posts.queries.js'

export interface AcceptState {
  threadId: number
  accepted: boolean
  acceptedPostId: number | null
}

/**
 * Accepts a reply as the thread's answer, or unaccepts it when it already is. One answer per thread:
 * accepting another reply replaces the first. `accept` forces a state; omitted, it toggles.
 */
export async function acceptAnswer(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number; accept?: boolean },
  now = Date.now(),
): Promise<Result<AcceptState>> {
  const post = await findPostFacts(db, input.postId)
  if (!post || post.deleted || post.threadDeleted) return fail.notFound('reply')
  if (!viewer) return fail.forbidden(msg('Sign in first.'))
  if (isSilenced(viewer, now)) return fail.forbidden(await silencedReason(db, viewer, now))
  if (!canAccept(viewer, post)) {
    return fail.forbidden(
      post.kind !== 'reply'
        ? msg('Only replies can be accepted.')
        : msg('Only the person who asked, or a moderator, can accept an answer.'),
    )
  }
  const accept = input.accept ?? post.acceptedPostId !== post.id
  const acceptedPostId = accept
    ? post.id
    : post.acceptedPostId === post.id
      ? null
      : post.acceptedPostId
  await db.transaction().execute(async (trx) => {
    await updateThread(trx, post.threadId, { accepted_post_id: acceptedPostId })
    await refreshThread(trx, post.threadId)
    await reindexThread(trx, post.threadId)
    if (acceptedPostId === post.id)
      await enqueueActivity(trx, { type: 'answer.accepted', postId: post.id, byId: viewer.id })
  })
  return ok({ threadId: post.threadId, accepted: acceptedPostId === post.id, acceptedPostId })
}

export async function recommendReply(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number; recommend?: boolean },
): Promise<Result<{ threadId: number; recommended: boolean }>> {
  const post = await findPostFacts(db, input.postId)
  if (!post || post.deleted || post.threadDeleted) return fail.notFound('reply')
  if (!canRecommend(viewer, post) || !viewer)
    return fail.forbidden(msg('Only staff can recommend a reply.'))
  const recommend = input.recommend ?? (await findRecommender(db, post.id)) === null
  await db.transaction().execute(async (trx) => {
    await updatePost(trx, post.id, { recommended_by: recommend ? viewer.id : null })
    if (recommend)
      await enqueueActivity(trx, { type: 'reply.recommended', postId: post.id, byId: viewer.id })
  })
  return ok({ threadId: post.threadId, recommended: recommend })
}
