/**
 * The /admin/log filter form, read from a query string: each field checked, a message per field that
 * does not parse (the page then shows the form refilled, the field named, and no entries).
 */
import { AUDIT_TARGET_TYPES, type AuditFilter, type AuditTargetType } from '../audit-log/index.js'
import { msg, type Message } from '../shared/index.js'

export interface LogFilterInput {
  actor?: string | undefined
  action?: string | undefined
  targetType?: string | undefined
  targetId?: string | undefined
  from?: string | undefined
  to?: string | undefined
  beforeId?: string | undefined
}

const DAY_MS = 86_400_000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A YYYY-MM-DD day as the epoch ms of its start (UTC), or undefined when it is no such day. */
function dayStart(text: string): number | undefined {
  const m = DATE_RE.exec(text)
  if (!m) return undefined
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return new Date(at).toISOString().startsWith(text) ? at : undefined
}

const ID_RE = /^[1-9][0-9]{0,9}$/

/**
 * The filter the form describes. `from` and `to` are days (UTC), both included.
 * @example parseLogFilter({ action: 'tag.rename', from: '2026-12-01' })
 */
export function parseLogFilter(input: LogFilterInput): {
  filter: AuditFilter
  errors: Record<string, Message>
} {
  const filter: AuditFilter = {}
  const errors: Record<string, Message> = {}
  const text = (v: string | undefined) => (v ?? '').trim()
  const actor = text(input.actor).replace(/^@/, '')
  if (actor !== '') filter.actor = actor
  const action = text(input.action)
  if (action !== '') filter.action = action
  const targetType = text(input.targetType)
  if (targetType !== '') {
    if ((AUDIT_TARGET_TYPES as readonly string[]).includes(targetType))
      filter.targetType = targetType as AuditTargetType
    else
      errors.targetType = {
        message: msg('Choose one of: {types}.'),
        values: { types: AUDIT_TARGET_TYPES.join(', ') },
      }
  }
  const targetId = text(input.targetId)
  if (targetId !== '') {
    if (ID_RE.test(targetId)) filter.targetId = Number(targetId)
    else errors.targetId = { message: msg('A target id is a whole number, such as 42.') }
  }
  const from = text(input.from)
  if (from !== '') {
    const at = dayStart(from)
    if (at === undefined)
      errors.from = { message: msg('Enter the first day as YYYY-MM-DD, such as 2026-12-01.') }
    else filter.from = at
  }
  const to = text(input.to)
  if (to !== '') {
    const at = dayStart(to)
    if (at === undefined)
      errors.to = { message: msg('Enter the last day as YYYY-MM-DD, such as 2026-12-31.') }
    else if (filter.from !== undefined && at < filter.from)
      errors.to = { message: msg('The last day cannot be before the first.') }
    else filter.to = at + DAY_MS
  }
  const beforeId = text(input.beforeId)
  if (beforeId !== '') {
    if (ID_RE.test(beforeId)) filter.beforeId = Number(beforeId)
    else errors.beforeId = { message: msg('beforeId is a whole number.') }
  }
  return { filter, errors }
}
