import type { Message } from '../shared/index.js'

/** A session as its owner sees it on /settings/sessions. */
export interface SessionView {
  /** Public id for the "Sign out" form (never the token or its stored hash). */
  id: string
  /** "Firefox on macOS", translated by the page ({@link describeUserAgent}). */
  device: Message
  /** The raw User-Agent (at most 512 characters), for a person who wants the detail. */
  userAgent: string | null
  ip: string | null
  createdAt: number
  lastSeenAt: number
  /** The session this page was requested with. */
  current: boolean
}
