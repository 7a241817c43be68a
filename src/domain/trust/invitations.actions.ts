/**
 * Invitations to register, while registration is by invitation (docs/moderation.md): staff make them
 * at /admin/invites (single use, expiring, optionally for one address), list and revoke them. Only a
 * code's SHA-256 is stored; the code is shown once, in the link staff copy. Each change is logged.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Db, Executor } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import { fail, msg, isStaff, ok, type Result, type Viewer } from '../shared/index.js'
import { emailProblem } from '../users/index.js'
import {
  findInvitationByHash,
  findInvitationById,
  insertInvitation,
  markInvitationRevoked,
  markInvitationUsed,
  selectInvitations,
} from './invitations.queries.js'

const DAY_MS = 86_400_000
export const INVITATION_MAX_DAYS = 90
const NOTE_MAX = 200

export type InvitationState = 'open' | 'used' | 'expired' | 'revoked'

/** An invitation as /admin/invites lists it. */
export interface Invitation {
  id: number
  email: string | null
  note: string | null
  createdBy: string | null
  createdAt: number
  expiresAt: number
  usedBy: string | null
  usedAt: number | null
  state: InvitationState
}

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex')
}

type Row = Omit<Invitation, 'state'> & { revokedAt: number | null }

function toInvitation(row: Row, now: number): Invitation {
  const { revokedAt, ...rest } = row
  const state: InvitationState =
    row.usedAt !== null
      ? 'used'
      : revokedAt !== null
        ? 'revoked'
        : row.expiresAt <= now
          ? 'expired'
          : 'open'
  return { ...rest, state }
}

/** The newest 200 invitations. */
export async function listInvitations(db: Db, now = Date.now()): Promise<Invitation[]> {
  return (await selectInvitations(db, 200)).map((row) => toInvitation(row, now))
}

/** Makes an invitation; returns it with its code (shown once). Staff only. */
export async function createInvitation(
  db: Db,
  viewer: Viewer | null,
  input: { email: string; days: string; note: string },
  now = Date.now(),
): Promise<Result<{ invitation: Invitation; code: string }>> {
  if (!viewer || !isStaff(viewer)) return fail.forbidden(msg('Only staff can invite people.'))
  const email = input.email.trim().toLowerCase()
  if (email !== '') {
    const problem = emailProblem(email)
    if (problem !== null) return fail.invalid('email', problem)
  }
  const days = /^\d{1,3}$/.test(input.days.trim()) ? Number(input.days.trim()) : NaN
  if (!Number.isInteger(days) || days < 1 || days > INVITATION_MAX_DAYS)
    return fail.invalid(
      'days',
      msg('An invitation lasts from 1 to {invitationMaxDays} days: give a whole number of days.'),
      { invitationMaxDays: INVITATION_MAX_DAYS },
    )
  const note = input.note.trim()
  if (note.length > NOTE_MAX)
    return fail.invalid('note', msg('Keep the note under {noteMax} characters.'), {
      noteMax: NOTE_MAX,
    })
  const code = randomBytes(18).toString('base64url')
  const id = await db.transaction().execute(async (trx) => {
    const inserted = await insertInvitation(trx, {
      codeHash: hashCode(code),
      email: email === '' ? null : email,
      note: note === '' ? null : note,
      createdBy: viewer.id,
      createdAt: now,
      expiresAt: now + days * DAY_MS,
    })
    await recordAudit(
      trx,
      {
        actorId: viewer.id,
        action: 'invitation.create',
        targetType: 'invitation',
        targetId: inserted,
        targetLabel: email === '' ? `invitation ${inserted}` : email,
        reason: note === '' ? null : note,
        after: { email: email === '' ? null : email, days },
      },
      now,
    )
    return inserted
  })
  const row = await findInvitationById(db, id)
  if (!row) return fail.notFound('invitation')
  return ok({ invitation: toInvitation(row, now), code })
}

/** Revokes an open invitation. Staff only. */
export async function revokeInvitation(
  db: Db,
  viewer: Viewer | null,
  input: { id: number },
  now = Date.now(),
): Promise<Result<null>> {
  if (!viewer || !isStaff(viewer)) return fail.forbidden(msg('Only staff can revoke invitations.'))
  const row = await findInvitationById(db, input.id)
  if (!row) return fail.notFound('invitation')
  return db.transaction().execute(async (trx) => {
    if (!(await markInvitationRevoked(trx, input.id, now)))
      return fail.conflict(msg('This invitation was used or revoked already.'))
    await recordAudit(
      trx,
      {
        actorId: viewer.id,
        action: 'invitation.revoke',
        targetType: 'invitation',
        targetId: input.id,
        targetLabel: row.email ?? `invitation ${input.id}`,
        before: { state: toInvitation(row, now).state },
        after: { state: 'revoked' },
      },
      now,
    )
    return ok(null)
  })
}

/** The open invitation with this code, usable by this address; undefined otherwise. */
export async function findUsableInvitation(
  db: Executor,
  input: { code: string; email: string },
  now: number,
): Promise<{ id: number } | undefined> {
  const code = input.code.trim()
  if (code === '' || code.length > 100) return undefined
  const row = await findInvitationByHash(db, hashCode(code))
  if (!row || row.usedAt !== null || row.revokedAt !== null || row.expiresAt <= now)
    return undefined
  if (row.email !== null && row.email !== input.email.trim().toLowerCase()) return undefined
  return { id: row.id }
}

/** Uses the invitation for the new account, in its transaction; false when someone used it first. */
export async function useInvitation(
  trx: Executor,
  input: { id: number; userId: number },
  now: number,
): Promise<boolean> {
  return markInvitationUsed(trx, { ...input, now })
}
