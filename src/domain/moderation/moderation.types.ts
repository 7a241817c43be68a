/** Flags and the review queue as pages show them. Times are epoch milliseconds. */
import type { HiddenReason, ReviewKind } from '../review/index.js'
import type { TrustLevel } from '../shared/index.js'
import { msg } from '../shared/index.js'

/** Why a member flags a post; `staff` ("needs staff attention") requires a message. */
export const FLAG_REASONS = ['spam', 'rude', 'off-topic', 'staff'] as const
export type FlagReason = (typeof FLAG_REASONS)[number]

/** The words of each reason, for the flag form and the queue. */
export const FLAG_REASON_LABELS: Record<FlagReason, string> = {
  spam: msg('Spam'),
  rude: msg('Rude or abusive'),
  'off-topic': msg('Off-topic'),
  staff: msg('Needs staff attention'),
}

/** The longest message a flag may carry. */
export const FLAG_MESSAGE_MAX = 500

/** The note a post hidden by the community's flags carries (shown to its author and staff). */
export const FLAGGED_NOTE = 'hidden: flagged by the community'

/** A moderator's decision on a review item. */
export const REVIEW_DECISIONS = ['agree', 'disagree', 'approve', 'delete'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/** What flagging a post did: counted only, or hid it. */
export interface Flagged {
  postId: number
  threadId: number
  hidden: boolean
  /** The flag hid a question, and with it the thread. */
  threadHidden: boolean
}

/** The post a flag page names. */
export interface FlagTarget {
  postId: number
  kind: 'question' | 'reply' | 'comment'
  threadId: number
  threadTitle: string
  authorName: string
}

/** One flag as the queue shows it. */
export interface FlagView {
  reason: FlagReason
  message: string | null
  flagger: string
  createdAt: number
}

/** The post's author as a moderator weighs them. */
export interface AuthorHistory {
  id: number
  username: string
  joinedAt: number
  trustLevel: TrustLevel
  /** Live questions, replies and comments. */
  postCount: number
  /** Earlier flags on their posts that moderators agreed with. */
  agreedFlags: number
  role: 'member' | 'moderator' | 'admin'
}

/** One pending item of /review. */
export interface ReviewItemView {
  id: number
  kind: ReviewKind
  createdAt: number
  updatedAt: number
  post: {
    id: number
    kind: 'question' | 'reply' | 'comment'
    threadId: number
    threadTitle: string
    bodyHtml: string
    createdAt: number
    hiddenReason: HiddenReason | null
    hiddenNote: string | null
    /** The author edited it while hidden, asking for another look. */
    editedWhileHidden: boolean
  }
  author: AuthorHistory
  flags: FlagView[]
}

/** What "delete the spammer" did, for the page that confirms it. */
export interface SpammerDeleted {
  username: string
  postsDeleted: number
  blocked: string[]
}
