/**
 * Registration against spam (docs/moderation.md, "Trust levels and spam"), around account mail's
 * sign-up (which answers a taken address like a new one; so does this): the registration setting
 * (open, by invitation, closed), a honeypot field, a least time to fill the form (a signed stamp),
 * and the sign-up blocks staff keep. Refusals never say which check refused, nor what a block holds.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Db, Executor } from '../../db/schema.js'
import { signUp } from '../account-mail/index.js'
import { enqueueActivity } from '../notifications/index.js'
import { fail, getOrCreateSecret, type Result, msg } from '../shared/index.js'
import type { SiteSettings } from '../site-settings/index.js'
import { findSignUpBlock, type RegisterInput } from '../users/index.js'
import { findUsableInvitation, useInvitation } from './invitations.actions.js'

const STAMP_SECRET = 'sign-up-stamp'
/** A stamp older than this is stale: the form was left open a whole day. */
const STAMP_MAX_AGE_MS = 86_400_000

export const REGISTRATION_CLOSED = msg(
  'Registration is closed: this forum is not taking new accounts at the moment.',
)
export const SIGN_UP_BLOCKED = msg(
  'We cannot accept a sign-up from here. If you think this is a mistake, please write to the people who run this forum.',
)
const LOOKS_AUTOMATED = msg(
  'We could not accept this sign-up. Please check the form and send it again.',
)
const TOO_FAST = msg(
  'That was quicker than we expected from a person. Please check the form and send it again.',
)
const BAD_INVITATION = msg(
  'This invitation cannot be used: it may have expired, been used or revoked, or be meant for another address. Ask the forum’s staff for a new one.',
)

function sign(secret: string, at: number): string {
  return createHmac('sha256', secret).update(`sign-up:${at}`).digest('base64url')
}

/** The hidden field the sign-up form carries: when it was shown, signed so it cannot be forged. */
export async function signUpStamp(db: Db, now = Date.now()): Promise<string> {
  return `${now}.${sign(await getOrCreateSecret(db, STAMP_SECRET), now)}`
}

/** Whether the stamp is ours and at least `minSeconds` old (and not a day old). */
async function isStampGood(
  db: Db,
  stamp: string,
  minSeconds: number,
  now: number,
): Promise<boolean> {
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(stamp)
  if (!match) return false
  const at = Number(match[1])
  const expected = Buffer.from(sign(await getOrCreateSecret(db, STAMP_SECRET), at))
  const given = Buffer.from(match[2]!)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false
  return now - at >= minSeconds * 1000 && now - at <= STAMP_MAX_AGE_MS
}

export interface GuardedSignUp extends RegisterInput {
  /** The honeypot: hidden from people, so anything in it came from a script. */
  honeypot: string
  /** The signed time the form was shown ({@link signUpStamp}). */
  stamp: string
  /** The invitation code, when registration is by invitation. */
  invite: string
}

/**
 * Registers after the anti-spam checks, in this order: closed, honeypot, time to fill, blocks,
 * invitation. An invitation is used in the new account's transaction; an address that already has an
 * account uses none and gets the same answer as a new one.
 */
export async function guardedSignUp(
  db: Db,
  input: GuardedSignUp,
  settings: Pick<SiteSettings, 'registration' | 'signUpMinSeconds'>,
  now = Date.now(),
): Promise<Result<{ created: boolean }>> {
  if (settings.registration === 'closed') return fail.forbidden(REGISTRATION_CLOSED)
  if (input.honeypot.trim() !== '') return fail.forbidden(LOOKS_AUTOMATED)
  if (!(await isStampGood(db, input.stamp, settings.signUpMinSeconds, now)))
    return fail.conflict(TOO_FAST)
  if (await findSignUpBlock(db, { email: input.email, ip: input.ip }))
    return fail.forbidden(SIGN_UP_BLOCKED)
  // The new account is announced after its commit (the `user.created` webhook).
  const announce = (trx: Executor, user: { id: number }) =>
    enqueueActivity(trx, { type: 'user.created', userId: user.id, at: now }, now)
  if (settings.registration === 'open') return signUp(db, input, now, announce)
  const invitation = await findUsableInvitation(db, { code: input.invite, email: input.email }, now)
  if (!invitation) return fail.invalid('invite', BAD_INVITATION)
  try {
    return await signUp(db, input, now, async (trx, user) => {
      if (!(await useInvitation(trx, { id: invitation.id, userId: user.id }, now)))
        throw new InvitationTaken()
      await announce(trx, user)
    })
  } catch (error) {
    if (error instanceof InvitationTaken) return fail.invalid('invite', BAD_INVITATION)
    throw error
  }
}

class InvitationTaken extends Error {
  constructor() {
    super('invitation used meanwhile')
  }
}
