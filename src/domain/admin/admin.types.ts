import type { Role, TrustLevel } from '../shared/index.js'

/** One line of /admin/people. */
export interface PersonRow {
  id: number
  username: string
  email: string | null
  role: Role
  trustLevel: TrustLevel
  silencedUntil: number | null
  suspendedUntil: number | null
  createdAt: number
  /** Posts not deleted. */
  postCount: number
  /** The latest a session of theirs was seen, and from where; null without a session. */
  lastSeenAt: number | null
  lastIp: string | null
}
