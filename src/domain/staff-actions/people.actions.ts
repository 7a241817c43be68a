/**
 * What staff do about a person, from their staff page (/u/:username/staff): silence and suspend with a
 * reason the person sees (users' silenceUser and suspendUser), the trust level (setTrustLevel), and
 * for admins the staff title and the role. Every change is in the staff log, in its transaction.
 */
import type { Db } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import {
  fail,
  msg,
  ok,
  type Result,
  type Role,
  type TrustLevel,
  type Viewer,
} from '../shared/index.js'
import {
  findStanding,
  setTrustLevel,
  silenceUser,
  suspendUser,
  updateUser,
  type Standing,
} from '../users/index.js'
import { canAdminister, canModerate } from './staff-actions.policy.js'
import { countAdmins, findPersonFacts } from './staff-actions.queries.js'

/** The longest staff title ("DTS Engineer"). */
export const TITLE_MAX = 40

/** A person as their staff page shows them. */
export interface PersonStaffView extends Standing {
  title: string | null
  createdAt: number
}

/** The person behind `username` for staff; undefined for a missing person or a viewer who is not staff. */
export async function getPersonForStaff(
  db: Db,
  viewer: Viewer | null,
  username: string,
): Promise<Result<PersonStaffView>> {
  if (!canModerate(viewer)) return fail.forbidden(msg('Only moderators and admins see this page.'))
  const facts = await findPersonFacts(db, username)
  const standing = facts ? await findStanding(db, facts.id) : undefined
  if (!facts || !standing) return fail.notFound('person')
  return ok({ ...standing, title: facts.title, createdAt: facts.createdAt })
}

export interface PenaltyInput {
  userId: number
  kind: 'silence' | 'suspend'
  /** 0 lifts it. */
  days: number
  reason: string
}

/** Silences or suspends a person for some days (0 lifts it), with a reason they see. */
export async function penalizePerson(
  db: Db,
  viewer: Viewer | null,
  input: PenaltyInput,
  now = Date.now(),
): Promise<Result<Standing>> {
  if (!canModerate(viewer) || !viewer)
    return fail.forbidden(msg('Only moderators and admins can do this.'))
  if (input.userId === viewer.id)
    return fail.forbidden(msg('You cannot silence or suspend yourself.'))
  const act = input.kind === 'silence' ? silenceUser : suspendUser
  return db
    .transaction()
    .execute((trx) =>
      act(
        trx,
        { userId: input.userId, days: input.days, reason: input.reason, actorId: viewer.id },
        now,
      ),
    )
}

/** Sets a person's trust level; from then on automatic promotion leaves it alone. */
export async function setPersonTrust(
  db: Db,
  viewer: Viewer | null,
  input: { userId: number; level: TrustLevel },
  now = Date.now(),
): Promise<Result<Standing>> {
  if (!canModerate(viewer) || !viewer)
    return fail.forbidden(msg('Only moderators and admins can do this.'))
  return db
    .transaction()
    .execute((trx) =>
      setTrustLevel(trx, { userId: input.userId, level: input.level, actorId: viewer.id }, now),
    )
}

/** Sets (or, empty, clears) the title shown beside a person's name. Admins only. */
export async function setStaffTitle(
  db: Db,
  viewer: Viewer | null,
  input: { userId: number; title: string },
  now = Date.now(),
): Promise<Result<{ title: string | null }>> {
  if (!canAdminister(viewer) || !viewer) return fail.forbidden(msg('Only admins set titles.'))
  const title = input.title.trim().replace(/\s+/g, ' ')
  if (title.length > TITLE_MAX)
    return fail.invalid('title', msg('A title has at most {titleMax} characters.'), {
      titleMax: TITLE_MAX,
    })
  const person = await findStanding(db, input.userId)
  const facts = person ? await findPersonFacts(db, person.username) : undefined
  if (!person || !facts) return fail.notFound('person')
  const next = title === '' ? null : title
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, person.id, { title: next })
    await recordAudit(
      trx,
      {
        actorId: viewer.id,
        action: 'user.title',
        targetType: 'user',
        targetId: person.id,
        targetLabel: person.username,
        before: { title: facts.title },
        after: { title: next },
      },
      now,
    )
  })
  return ok({ title: next })
}

const ROLES: readonly Role[] = ['member', 'moderator', 'admin']

/** Sets a person's role. Admins only; the last admin cannot step down (someone must hold the keys). */
export async function setRole(
  db: Db,
  viewer: Viewer | null,
  input: { userId: number; role: Role },
  now = Date.now(),
): Promise<Result<{ role: Role }>> {
  if (!canAdminister(viewer) || !viewer) return fail.forbidden(msg('Only admins change roles.'))
  if (!ROLES.includes(input.role))
    return fail.invalid('role', msg('Choose member, moderator or admin.'))
  const person = await findStanding(db, input.userId)
  if (!person) return fail.notFound('person')
  if (person.role === input.role) return ok({ role: input.role })
  return db.transaction().execute(async (trx) => {
    if (person.role === 'admin' && (await countAdmins(trx)) <= 1)
      return fail.invalid('role', msg('This is the last admin: make someone else admin first.'))
    await updateUser(trx, person.id, { role: input.role })
    await recordAudit(
      trx,
      {
        actorId: viewer.id,
        action: 'user.role',
        targetType: 'user',
        targetId: person.id,
        targetLabel: person.username,
        before: { role: person.role },
        after: { role: input.role },
      },
      now,
    )
    return ok({ role: input.role })
  })
}
