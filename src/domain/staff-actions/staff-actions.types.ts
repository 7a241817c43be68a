/** View models of staff actions. Times are epoch milliseconds. */

/** The thread page's Staff section. */
export interface ThreadStaffPanel {
  threadId: number
  locked: boolean
  /** Pinned site-wide (home and every tag of the thread), until `pinnedUntil` when set. */
  pinned: boolean
  pinnedUntil: number | null
  deleted: boolean
  duplicateOf: number | null
  /** The thread's tags, each with the thread's pin in that tag only. */
  tags: { slug: string; name: string; pinned: boolean; pinnedUntil: number | null }[]
  /** Threads it may duplicate, most similar first (empty once closed). */
  candidates: { id: number; title: string; slug: string }[]
}

/** A thread's moderation state alone: the panel without its close suggestions (the API's answer). */
export type ThreadStaffState = Omit<ThreadStaffPanel, 'candidates'>
