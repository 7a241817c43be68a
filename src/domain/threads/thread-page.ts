import type { Executor } from '../../db/schema.js'
import { listThreadPosts } from '../posts/index.js'
import { findThreadView } from '../thread-lists/index.js'
import type { PostView } from '../posts/index.js'
import type { ThreadPageData } from './threads.types.js'

/**
 * Everything the thread page shows, in four queries whatever the thread's size: the thread, its tags,
 * its posts with authors, and its attachments. Replies come oldest first with the accepted one first.
 */
export async function getThreadPage(
  db: Executor,
  threadId: number,
  options: { includeDeleted?: boolean } = {},
): Promise<ThreadPageData | undefined> {
  const thread = await findThreadView(db, threadId, options)
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
