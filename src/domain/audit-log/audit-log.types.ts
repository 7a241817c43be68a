/** One line of the staff log as pages show it. */
export interface AuditEntry {
  id: number
  /** Null: an automatic action (flags reaching the threshold, a held post, a promotion). */
  actor: { id: number; username: string } | null
  action: string
  targetType: AuditTargetType
  targetId: number | null
  targetLabel: string
  reason: string | null
  before: unknown
  after: unknown
  createdAt: number
}

/** What an entry can be about; a record, so a new type is listed in the /admin/log filter too. */
const TARGET_TYPES = {
  post: true,
  thread: true,
  user: true,
  tag: true,
  setting: true,
  'sign-up-block': true,
  flag: true,
  invitation: true,
} as const

export type AuditTargetType = keyof typeof TARGET_TYPES

/** Every target type, for the /admin/log filter's choices and its check. */
export const AUDIT_TARGET_TYPES = Object.keys(TARGET_TYPES) as readonly AuditTargetType[]

/** What a feature records: who (null when automatic), what, on what, why, and the values it changed. */
export interface AuditRecord {
  actorId: number | null
  action: string
  targetType: AuditTargetType
  targetId: number | null
  targetLabel: string
  reason?: string | null
  before?: unknown
  after?: unknown
}

/** The /admin/log filters; every field optional. Dates are epoch ms, `before` pages back by id. */
export interface AuditFilter {
  actor?: string
  action?: string
  targetType?: AuditTargetType
  targetId?: number
  from?: number
  to?: number
  beforeId?: number
  limit?: number
}
