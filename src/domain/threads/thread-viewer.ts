import type { Executor } from '../../db/schema.js'
import { boostedByViewer } from '../boosts/index.js'
import { listPostFacts } from '../posts/index.js'
import {
  canAccept,
  canBoost,
  canComment,
  canDelete,
  canEdit,
  canRecommend,
  canReply,
  canRestore,
} from '../posts/index.js'
import { canFlag } from '../moderation/index.js'
import { isStaff, type Viewer } from '../shared/index.js'
import { getThreadStaffPanel } from '../staff-actions/index.js'
import type { PostControls, ThreadViewerState } from './threads.types.js'

/**
 * What a signed-in viewer may do on a thread page, post by post: the same policy functions that guard
 * the writes decide which buttons appear. Two queries whatever the thread's size.
 */
export async function getThreadViewerState(
  db: Executor,
  viewer: Viewer,
  threadId: number,
  now = Date.now(),
): Promise<ThreadViewerState> {
  const facts = await listPostFacts(db, threadId)
  const boosted = await boostedByViewer(
    db,
    viewer.id,
    facts.map((f) => f.id),
  )
  const controls: Record<number, PostControls> = {}
  for (const post of facts) {
    controls[post.id] = {
      boosted: boosted.has(post.id),
      canBoost: canBoost(viewer, post),
      canEdit: canEdit(viewer, post),
      canDelete: canDelete(viewer, post),
      canRestore: canRestore(viewer, post),
      canAccept: canAccept(viewer, post),
      canRecommend: canRecommend(viewer, post),
      canComment: canComment(viewer, post),
      canFlag: !post.deleted && canFlag(viewer, post, now),
      canModerate: !post.deleted && isStaff(viewer),
    }
  }
  const first = facts[0]
  const thread = first
    ? {
        id: threadId,
        authorId: first.threadAuthorId,
        locked: first.threadLocked,
        closed: first.threadClosed,
        deleted: first.threadDeleted,
        acceptedPostId: first.acceptedPostId,
      }
    : undefined
  const staff = await getThreadStaffPanel(db, viewer, threadId)
  return {
    controls,
    canReply: thread !== undefined && canReply(viewer, thread),
    ...(staff ? { staff } : {}),
  }
}
