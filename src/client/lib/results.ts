/** The JSON answers islands expect, checked before use: a surprise shape is treated as a failure. */

export interface BoostResult {
  boosted: boolean
  boostCount: number
}
export interface AcceptResult {
  accepted: boolean
  acceptedPostId: number | null
}
export interface ReplyResult {
  postId: number
  html: string
  /** Set when the reply waits for a moderator (a new account's first posts, a repeated body). */
  held?: 'approval' | 'duplicate'
}
export interface PreviewResult {
  html: string
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

/** `{ boosted: boolean, boostCount: number }` */
export function parseBoostResult(json: unknown): BoostResult | null {
  if (!isRecord(json) || typeof json.boosted !== 'boolean' || !isCount(json.boostCount)) return null
  return { boosted: json.boosted, boostCount: json.boostCount }
}

/** `{ accepted: boolean, acceptedPostId: number | null }` */
export function parseAcceptResult(json: unknown): AcceptResult | null {
  if (!isRecord(json) || typeof json.accepted !== 'boolean') return null
  const id = json.acceptedPostId
  if (id !== null && !isCount(id)) return null
  return { accepted: json.accepted, acceptedPostId: id }
}

/** `{ postId: number, html: string }` */
export function parseReplyResult(json: unknown): ReplyResult | null {
  if (!isRecord(json) || !isCount(json.postId) || typeof json.html !== 'string') return null
  const held = json.held === 'approval' || json.held === 'duplicate' ? json.held : undefined
  return { postId: json.postId, html: json.html, ...(held ? { held } : {}) }
}

/** `{ html: string }` */
export function parsePreviewResult(json: unknown): PreviewResult | null {
  if (!isRecord(json) || typeof json.html !== 'string') return null
  return { html: json.html }
}
