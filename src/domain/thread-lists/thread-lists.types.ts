/** View models of thread lists (tag page, home, profile, search, signature pages) and of a thread's header row. Times are epoch milliseconds. */
import type { UserRef } from '../shared/index.js'
import type { TagRef } from '../tags/index.js'

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
  authorId: number
  /** Why the thread is hidden from readers (its question is hidden), or null when it is not. */
  hiddenReason: 'flagged' | 'approval' | 'duplicate' | 'staff' | null
  /** Closed by staff as a duplicate of this thread (null when open); `deleted` when that one is. */
  duplicateOf: { id: number; title: string; slug: string; deleted: boolean } | null
  /** Deleted (only staff see a deleted thread's page). */
  deleted: boolean
}
