import type { Executor } from '../../db/schema.js'
import { canViewDeleted, listThreadPosts } from '../posts/index.js'
import type { Viewer } from '../shared/index.js'
import { findThreadView } from '../thread-lists/index.js'
import type { PostView } from '../posts/index.js'
import type { ThreadPageData } from './threads.types.js'

/**
 * Everything the thread page shows to `viewer`, in four queries whatever the thread's size: the thread, its tags,
 * its posts with authors, and its attachments. Replies come oldest first with the accepted one first.
 */
export async function getThreadPage(
  db: Executor,
  threadId: number,
  viewer: Viewer | null = null,
): Promise<ThreadPageData | undefined> {
  // A deleted thread is shown to those who may restore it.
  const thread = await findThreadView(db, threadId, { includeDeleted: canViewDeleted(viewer) })
  if (!thread) return undefined
  const { question, replies } = await listThreadPosts(db, threadId)
  if (!question) return undefined
  return { thread, question, replies: acceptedFirst(replies, thread.acceptedPostId) }
}

function acceptedFirst(replies: PostView[], acceptedId: number | null): PostView[] {
  const accepted = replies.find((r) => r.id === acceptedId && !r.deleted)
  if (!accepted) return replies
  return [{ ...accepted, accepted: true }, ...replies.filter((r) => r !== accepted)]
}
