/**
 * What staff (and the automatic rules) change about a person's standing: silence (can read, cannot
 * post), suspend (cannot sign in; every session ends), the trust level. Each change is written to the
 * staff log in the same transaction, with the values before and after.
 */
import type { Db, Executor } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import { enqueueMail } from '../mail/index.js'
import { deleteUserSessions } from '../sessions/index.js'
import { fail, msg, ok, type Message, type Result, type TrustLevel } from '../shared/index.js'
import {
  findConfirmedAddress,
  findStanding,
  updateStanding,
  type Standing,
} from './standing.queries.js'

/** The longest silence or suspension staff can give at once; longer is "delete the account". */
export const MAX_PENALTY_DAYS = 3650
export const PENALTY_REASON_MAX = 500

/** What a suspended person is told when they try to sign in. */
export function suspensionMessage(until: number, reason: string | null): Message {
  const when = new Date(until).toISOString().slice(0, 10)
  return reason
    ? { message: msg('This account is suspended until {when}: {reason}'), values: { when, reason } }
    : { message: msg('This account is suspended until {when}.'), values: { when } }
}

/** What a silenced person is told when they try to post. */
export function silenceMessage(until: number, reason: string | null): Message {
  const when = new Date(until).toISOString().slice(0, 10)
  return reason
    ? { message: msg('Your account cannot post until {when}: {reason}'), values: { when, reason } }
    : { message: msg('Your account cannot post until {when}.'), values: { when } }
}

export interface Penalty {
  userId: number
  /** Days from now; 0 lifts it. */
  days: number
  reason: string
  /** Null: an automatic action (e.g. a moderator agreeing with a spam flag records its own actor). */
  actorId: number | null
}

function checkPenalty(p: Penalty): Result<null> {
  if (!Number.isInteger(p.days) || p.days < 0 || p.days > MAX_PENALTY_DAYS)
    return fail.invalid('days', msg('Days must be a whole number from 0 to {maxPenaltyDays}.'), {
      maxPenaltyDays: MAX_PENALTY_DAYS,
    })
  if (p.days > 0 && p.reason.trim() === '')
    return fail.invalid('reason', msg('Say why: the person sees this reason.'))
  if (p.reason.length > PENALTY_REASON_MAX)
    return fail.invalid(
      'reason',
      msg('The reason must be at most {penaltyReasonMax} characters.'),
      { penaltyReasonMax: PENALTY_REASON_MAX },
    )
  return ok(null)
}

const DAY_MS = 86_400_000

async function penalize(
  db: Executor,
  kind: 'silence' | 'suspend',
  p: Penalty,
  now: number,
): Promise<Result<Standing>> {
  const checked = checkPenalty(p)
  if (!checked.ok) return checked
  const before = await findStanding(db, p.userId)
  if (!before) return fail.notFound('person')
  if (before.role !== 'member' && p.days > 0)
    return fail.forbidden(msg('Staff cannot be silenced or suspended: change their role first.'))
  const until = p.days === 0 ? null : now + p.days * DAY_MS
  const reason = p.days === 0 ? null : p.reason.trim()
  await updateStanding(db, p.userId, { [kind]: { until, reason } })
  if (kind === 'suspend' && until !== null) await deleteUserSessions(db, p.userId)
  const field = kind === 'silence' ? before.silencedUntil : before.suspendedUntil
  await recordAudit(
    db,
    {
      actorId: p.actorId,
      action: p.days === 0 ? `user.un${kind}` : `user.${kind}`,
      targetType: 'user',
      targetId: p.userId,
      targetLabel: before.username,
      reason: p.days === 0 ? p.reason.trim() || null : reason,
      before: { until: field },
      after: { until },
    },
    now,
  )
  // The person is told by mail (a suspended person cannot sign in to read a notice): a new penalty, or
  // one lifted while it was running. In the caller's transaction, so a refused step sends nothing.
  const wasActive = field !== null && field > now
  if (until !== null || wasActive)
    await mailStanding(db, kind, before.username, p, until, reason, now)
  const after = await findStanding(db, p.userId)
  return after ? ok(after) : fail.notFound('person')
}

async function mailStanding(
  db: Executor,
  kind: 'silence' | 'suspend',
  username: string,
  p: Penalty,
  until: number | null,
  reason: string | null,
  now: number,
): Promise<void> {
  const to = await findConfirmedAddress(db, p.userId)
  if (!to) return
  await enqueueMail(
    db,
    `standing:${p.userId}:${kind}:${now}`,
    { to, template: { name: 'standing-changed', username, kind, until, reason } },
    now,
  )
}

/** Silences (or, with 0 days, lets post again); `db` may be the caller's transaction. */
export async function silenceUser(db: Db | Executor, p: Penalty, now = Date.now()) {
  return penalize(db, 'silence', p, now)
}

/** Suspends (or, with 0 days, lifts it) and ends every session of the person. */
export async function suspendUser(db: Db | Executor, p: Penalty, now = Date.now()) {
  return penalize(db, 'suspend', p, now)
}

/**
 * Sets a trust level. From staff (`actorId` set) it also stops automatic promotion; `null` is the
 * automatic promotion itself, which never changes a level staff set.
 */
export async function setTrustLevel(
  db: Executor,
  input: { userId: number; level: TrustLevel; actorId: number | null; reason?: string },
  now = Date.now(),
): Promise<Result<Standing>> {
  const before = await findStanding(db, input.userId)
  if (!before) return fail.notFound('person')
  if (input.actorId === null && before.trustLevelLocked) return ok(before)
  if (before.trustLevel === input.level && (input.actorId === null || before.trustLevelLocked))
    return ok(before)
  await updateStanding(db, input.userId, {
    trustLevel: input.level,
    ...(input.actorId !== null ? { trustLevelLocked: true } : {}),
  })
  await recordAudit(
    db,
    {
      actorId: input.actorId,
      action: 'user.trust-level',
      targetType: 'user',
      targetId: input.userId,
      targetLabel: before.username,
      reason: input.reason ?? null,
      before: { trustLevel: before.trustLevel },
      after: { trustLevel: input.level },
    },
    now,
  )
  return ok({
    ...before,
    trustLevel: input.level,
    trustLevelLocked: before.trustLevelLocked || input.actorId !== null,
  })
}
