/** View models of posts as the thread page shows them. Times are epoch milliseconds. */
import type { HiddenReason } from '../review/index.js'
import type { UserRef } from '../shared/index.js'

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
  authorId: number
  hidden: HiddenState | null
}

/**
 * Why a post is hidden from readers (docs/moderation.md). `masked`: this viewer sees the notice in place
 * of the body (anyone but its author and staff); otherwise the body with a banner saying why.
 */
export interface HiddenState {
  reason: HiddenReason
  /** What staff or the rule wrote ("hidden: flagged by the community"); shown to the author and staff. */
  note: string | null
  masked: boolean
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
  authorId: number
  /** Null when readers see the post. */
  hidden: HiddenState | null
  attachments: AttachmentView[]
  comments: CommentView[]
}
