import type { Executor } from '../../db/schema.js'
import { canViewDeleted, canViewHidden, listThreadPosts } from '../posts/index.js'
import type { CommentView, PostView } from '../posts/index.js'
import type { Viewer } from '../shared/index.js'
import { findThreadView } from '../thread-lists/index.js'
import type { ThreadPageData } from './threads.types.js'

/**
 * Everything the thread page shows to `viewer`, in four queries whatever the thread's size: the thread, its tags,
 * its posts with authors, and its attachments. Replies come oldest first with the accepted one first.
 * A hidden thread is shown to its author and staff only (undefined, a 404, for anyone else); a hidden
 * post's body is masked for everyone but its author and staff, and a hidden comment left out for them.
 */
export async function getThreadPage(
  db: Executor,
  threadId: number,
  viewer: Viewer | null = null,
): Promise<ThreadPageData | undefined> {
  // A deleted thread is shown to those who may restore it.
  const thread = await findThreadView(db, threadId, { includeDeleted: canViewDeleted(viewer) })
  if (!thread) return undefined
  if (thread.hiddenReason !== null && !canViewHidden(viewer, thread)) return undefined
  const { question, replies } = await listThreadPosts(db, threadId)
  if (!question) return undefined
  return {
    thread,
    question: mask(question, viewer),
    replies: acceptedFirst(
      replies.map((r) => mask(r, viewer)),
      thread.acceptedPostId,
    ),
  }
}

/** The post as this viewer may see it: a hidden one without its text, unless theirs or staff's to see. */
function mask(post: PostView, viewer: Viewer | null): PostView {
  const comments = post.comments.filter((c) => visibleComment(c, viewer))
  if (post.hidden === null || canViewHidden(viewer, post)) return { ...post, comments }
  return {
    ...post,
    bodyHtml: '',
    attachments: [],
    comments,
    hidden: { ...post.hidden, note: null, masked: true },
  }
}

function visibleComment(comment: CommentView, viewer: Viewer | null): boolean {
  return comment.hidden === null || canViewHidden(viewer, comment)
}

function acceptedFirst(replies: PostView[], acceptedId: number | null): PostView[] {
  const accepted = replies.find((r) => r.id === acceptedId && !r.deleted)
  if (!accepted) return replies
  return [{ ...accepted, accepted: true }, ...replies.filter((r) => r !== accepted)]
}
