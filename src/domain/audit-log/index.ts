/**
 * The staff log: every staff action and every automatic moderation action, append-only (who, what,
 * target, reason, when, before/after). Features record inside their change's transaction; /admin/log
 * reads it. Below every feature that moderates; depends on none.
 */
export { listAuditActions, listAuditEntries, recordAudit } from './audit-log.queries.js'
export * from './audit-log.types.js'
