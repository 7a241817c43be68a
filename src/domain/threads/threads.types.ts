/** View models for thread lists and thread pages. Times are epoch milliseconds. */
import type { TagRef } from '../tags/tags.types.js'
import type { UserRef } from '../users/users.types.js'

export const TAG_SORTS = ['activity', 'newest', 'replies', 'boosts', 'views'] as const
export type ThreadSort = (typeof TAG_SORTS)[number]
export const SORT_ORDERS = ['desc', 'asc'] as const
export type SortOrder = (typeof SORT_ORDERS)[number]
export const THREAD_FILTERS = ['all', 'solved', 'unsolved'] as const
export type ThreadFilter = (typeof THREAD_FILTERS)[number]

/** One row of a thread table (tag page, home, profile). */
export interface ThreadListItem {
  id: number
  title: string
  /** URL slug derived from the title: `/threads/${id}/${slug}`. */
  slug: string
  /** Plain text, at most about 200 characters, ending in "…" when cut. */
  excerpt: string
  author: UserRef
  replyCount: number
  boostCount: number
  viewCount: number
  createdAt: number
  lastActivityAt: number
  solved: boolean
  pinned: boolean
  locked: boolean
  tags: TagRef[]
}

/** The listing options a thread table was produced with (they drive links and headers). */
export interface ListingOptions {
  sortBy: ThreadSort
  sortOrder: SortOrder
  filter: ThreadFilter
}

/** The listing a tag page shows when the query names none: most recent activity first, all threads. */
export const DEFAULT_LISTING: Readonly<ListingOptions> = Object.freeze({
  sortBy: 'activity',
  sortOrder: 'desc',
  filter: 'all',
})

/** A page of a longer list. */
export interface Paging {
  page: number
  pageCount: number
  total: number
  pageSize: number
}

export interface AttachmentView {
  id: string
  fileName: string
  contentType: string
  size: number
  /** Download URL: `/attachments/:id/:fileName` (file name URI-encoded). */
  url: string
  /** Highlighted HTML of a text-like attachment, rendered at write time; null for download-only files. */
  previewHtml: string | null
  /** Line count of a text-like attachment (the view collapses past 30 lines); 0 otherwise. */
  lineCount: number
}

export interface CommentView {
  id: number
  author: UserRef
  createdAt: number
  bodyHtml: string
}

export interface PostView {
  id: number
  author: UserRef
  createdAt: number
  /** Time of the last edit, null when never edited. */
  editedAt: number | null
  /** Rendered at write time from Markdown; safe to emit as-is. */
  bodyHtml: string
  boostCount: number
  accepted: boolean
  recommended: boolean
  deleted: boolean
  attachments: AttachmentView[]
  comments: CommentView[]
}

export interface ThreadView {
  id: number
  title: string
  slug: string
  tags: TagRef[]
  author: UserRef
  createdAt: number
  lastActivityAt: number
  replyCount: number
  boostCount: number
  viewCount: number
  locked: boolean
  pinned: boolean
  solved: boolean
  acceptedPostId: number | null
}

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
}

/** The viewer-specific part of a thread page; absent for anonymous readers. */
export interface ThreadViewerState {
  /** Keyed by post id (question and replies). */
  controls: Record<number, PostControls>
  canReply: boolean
}
