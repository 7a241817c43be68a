/** View models of the thread page. Times are epoch milliseconds. */
import type { PostView } from '../posts/index.js'
import type { ThreadView } from '../thread-lists/index.js'
import type { ThreadStaffPanel } from '../staff-actions/index.js'

/** Everything the thread page shows. Replies are oldest first, with the accepted one moved to the front. */
export interface ThreadPageData {
  thread: ThreadView
  question: PostView
  replies: PostView[]
}

/** What the viewer may do to one post; drives which buttons the thread page shows. */
export interface PostControls {
  /** The viewer has boosted this post. */
  boosted: boolean
  canBoost: boolean
  canEdit: boolean
  canDelete: boolean
  canRestore: boolean
  /** Accept (or, when already accepted, unaccept) this reply as the answer. */
  canAccept: boolean
  /** Mark (or unmark) this reply "Recommended"; staff only. */
  canRecommend: boolean
  canComment: boolean
  /** Flag it for moderators (not one's own post, not while silenced). */
  canFlag: boolean
  /** Staff: hide it from readers with a reason, or show it again. */
  canModerate: boolean
}

/** The viewer-specific part of a thread page; absent for anonymous readers. */
export interface ThreadViewerState {
  /** Keyed by post id (question and replies). */
  controls: Record<number, PostControls>
  canReply: boolean
  /** The Staff section (lock, pin, close, move, merge, delete); for moderators and admins only. */
  staff?: ThreadStaffPanel
}
