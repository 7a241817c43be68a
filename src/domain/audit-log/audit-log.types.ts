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

export type AuditTargetType =
  'post' | 'thread' | 'user' | 'tag' | 'setting' | 'sign-up-block' | 'flag' | 'invitation'

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
