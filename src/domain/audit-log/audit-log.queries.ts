/**
 * The SQL of the staff log. Only an insert and reads: no function here (or anywhere) updates or deletes
 * a row, and test/integration/domain/audit-log.test.ts checks the source for it.
 */
import type { Executor } from '../../db/schema.js'
import type { AuditEntry, AuditFilter, AuditRecord } from './audit-log.types.js'

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value))

/** Writes one entry; call it inside the change's transaction so the log and the change agree. */
export async function recordAudit(db: Executor, entry: AuditRecord, now: number): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      target_label: entry.targetLabel,
      reason: entry.reason ?? null,
      before_json: json(entry.before),
      after_json: json(entry.after),
      created_at: now,
    })
    .execute()
}

/** Newest first, filtered; `limit` entries at most (default 50). */
export async function listAuditEntries(
  db: Executor,
  filter: AuditFilter = {},
): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.actor_id as actorId',
      'u.username as actorName',
      'a.action',
      'a.target_type as targetType',
      'a.target_id as targetId',
      'a.target_label as targetLabel',
      'a.reason',
      'a.before_json as beforeJson',
      'a.after_json as afterJson',
      'a.created_at as createdAt',
    ])
  if (filter.actor !== undefined)
    query = query.where('u.username_key', '=', filter.actor.toLowerCase())
  if (filter.action !== undefined) query = query.where('a.action', '=', filter.action)
  if (filter.targetType !== undefined) query = query.where('a.target_type', '=', filter.targetType)
  if (filter.targetId !== undefined) query = query.where('a.target_id', '=', filter.targetId)
  if (filter.from !== undefined) query = query.where('a.created_at', '>=', filter.from)
  if (filter.to !== undefined) query = query.where('a.created_at', '<', filter.to)
  if (filter.beforeId !== undefined) query = query.where('a.id', '<', filter.beforeId)
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(filter.limit ?? 50)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    actor: r.actorId === null ? null : { id: r.actorId, username: r.actorName ?? '' },
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetLabel: r.targetLabel,
    reason: r.reason,
    before: r.beforeJson === null ? null : (JSON.parse(r.beforeJson) as unknown),
    after: r.afterJson === null ? null : (JSON.parse(r.afterJson) as unknown),
    createdAt: r.createdAt,
  }))
}

/** The distinct actions in the log, for the filter's choices. */
export async function listAuditActions(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .distinct()
    .orderBy('action')
    .execute()
  return rows.map((r) => r.action)
}
