/**
 * Who may do what to a post: pure predicates over facts, used both to authorise a write and to decide
 * which buttons a page shows (STYLE.md habit 5). Staff are moderators and admins.
 */
import { isStaff, msg } from '../shared/index.js'
import type { Viewer } from '../shared/index.js'

export { isStaff }

/** What the rules need to know about a post and its thread. */
export interface PostFacts {
  id: number
  threadId: number
  kind: 'question' | 'reply' | 'comment'
  authorId: number
  parentId: number | null
  deleted: boolean
  threadAuthorId: number
  threadLocked: boolean
  /** Closed by staff as a duplicate of another thread. */
  threadClosed: boolean
  threadDeleted: boolean
  acceptedPostId: number | null
  /** Live replies in the thread. */
  replyCount: number
}

export interface ThreadFacts {
  id: number
  authorId: number
  locked: boolean
  /** Closed by staff as a duplicate of another thread: no new answers. */
  closed: boolean
  deleted: boolean
  acceptedPostId: number | null
}

/** Locked threads take writes from staff only. */
function isOpenTo(
  viewer: Viewer,
  thread: { threadLocked: boolean } | { locked: boolean },
): boolean {
  const locked = 'locked' in thread ? thread.locked : thread.threadLocked
  return !locked || isStaff(viewer)
}

/** Staff see deleted threads and posts (to restore them) and their revisions; nobody else does. */
export function canViewDeleted(viewer: Viewer | null): boolean {
  return isStaff(viewer)
}

/** A hidden post (or thread) is seen, with a banner saying why, by its author and by staff only. */
export function canViewHidden(viewer: Viewer | null, post: { authorId: number }): boolean {
  return viewer !== null && (isStaff(viewer) || viewer.id === post.authorId)
}

/** Locked and closed threads take replies from staff only. */
export function canReply(viewer: Viewer | null, thread: ThreadFacts): boolean {
  return (
    viewer !== null &&
    !thread.deleted &&
    (!thread.closed || isStaff(viewer)) &&
    isOpenTo(viewer, thread)
  )
}

/** Why {@link canReply} refuses a signed-in person: the sentence the page and the refusal show. */
export function replyRefusal(thread: Pick<ThreadFacts, 'locked' | 'closed'>): string {
  if (thread.locked) return msg('This thread is locked: it takes no new replies.')
  if (thread.closed) return msg('This thread is closed as a duplicate: it takes no new answers.')
  return msg('You can’t reply to this thread.')
}

export function canComment(viewer: Viewer | null, post: PostFacts): boolean {
  return (
    viewer !== null &&
    post.kind === 'reply' &&
    !post.deleted &&
    !post.threadDeleted &&
    isOpenTo(viewer, post)
  )
}

export function canEdit(viewer: Viewer | null, post: PostFacts): boolean {
  if (viewer === null || post.deleted || post.threadDeleted) return false
  if (isStaff(viewer)) return true
  return viewer.id === post.authorId && !post.threadLocked
}

/** Authors delete their replies and comments, and their question only while nobody has replied. */
export function canDelete(viewer: Viewer | null, post: PostFacts): boolean {
  if (viewer === null || post.deleted) return false
  if (isStaff(viewer)) return true
  if (viewer.id !== post.authorId || post.threadLocked) return false
  return post.kind !== 'question' || post.replyCount === 0
}

export function canRestore(viewer: Viewer | null, post: PostFacts): boolean {
  return post.deleted && isStaff(viewer)
}

/** The thread's author or staff accept (and unaccept) a live reply. */
export function canAccept(viewer: Viewer | null, post: PostFacts): boolean {
  if (viewer === null || post.kind !== 'reply' || post.deleted || post.threadDeleted) return false
  if (isStaff(viewer)) return true
  return viewer.id === post.threadAuthorId && !post.threadLocked
}

export function canRecommend(viewer: Viewer | null, post: PostFacts): boolean {
  return post.kind === 'reply' && !post.deleted && !post.threadDeleted && isStaff(viewer)
}

/** Anyone signed in may boost a live question or reply, except their own. */
export function canBoost(viewer: Viewer | null, post: PostFacts): boolean {
  return (
    viewer !== null &&
    post.kind !== 'comment' &&
    !post.deleted &&
    !post.threadDeleted &&
    viewer.id !== post.authorId
  )
}
