/**
 * Confirming an address: the link sent at sign-up (or by "Send again"), and the link sent to a new
 * address when the owner changes it. Opening a link only shows a page with a Confirm button; the
 * POST of that button (with its CSRF token) is what confirms, so mail scanners that follow links
 * confirm nothing.
 */
import type { Db } from '../../db/schema.js'
import { enqueueMail } from '../mail/index.js'
import { fail, msg, ok, type Result, type Viewer } from '../shared/index.js'
import {
  findMailUser,
  isEmailInUse,
  markEmailVerified,
  setVerifiedEmail,
  useAccountTokens,
} from './account-mail.queries.js'
import { sendTokenLink } from './links.js'
import { addressKey, mailLimits } from './mail-limits.js'
import { checkToken, type TokenCheck } from './token-check.js'

/** What the confirmation page shows for a link, before anything is confirmed. */
export function checkEmailLink(db: Db, token: string, now = Date.now()): Promise<TokenCheck> {
  return checkToken(db, token, ['verify-email', 'change-email'], now)
}

export type Confirmed =
  | { kind: 'verified'; userId: number; email: string }
  | { kind: 'changed'; userId: number; email: string }
  | { kind: 'link'; check: Exclude<TokenCheck, { state: 'valid' }> }

/**
 * Confirms the address a link was sent to: marks it verified, or (a change of address) makes it the
 * account's address and tells the old one. The link works once.
 */
export async function confirmEmailLink(
  db: Db,
  token: string,
  now = Date.now(),
): Promise<Confirmed> {
  const check = await checkEmailLink(db, token, now)
  if (check.state !== 'valid') return { kind: 'link', check }
  const { row } = check
  return db.transaction().execute(async (trx): Promise<Confirmed> => {
    const user = await findMailUser(trx, row.userId)
    if (!user || !(await useAccountTokens(trx, row.id, row.userId, row.purpose, now)))
      return { kind: 'link', check: { state: 'used', purpose: row.purpose } }
    if (row.purpose === 'verify-email') {
      await markEmailVerified(trx, row.userId, row.email, now)
      return { kind: 'verified', userId: row.userId, email: row.email }
    }
    // Someone else may have taken the address since the link was sent: the link is then spent.
    if (await isEmailInUse(trx, row.email))
      return { kind: 'link', check: { state: 'unknown', purpose: row.purpose } }
    await setVerifiedEmail(trx, row.userId, row.email, now)
    if (user.email !== null)
      await enqueueMail(
        trx,
        `email-changed:${row.userId}:${row.id}`,
        {
          to: user.email,
          template: {
            name: 'email-changed',
            username: user.username,
            newAddressHint: maskAddress(row.email),
          },
        },
        now,
      )
    return { kind: 'changed', userId: row.userId, email: row.email }
  })
}

/**
 * "Send again" from the banner: a new confirmation link to the viewer's address, at most three an hour
 * per address and twenty an hour per IP.
 */
export async function resendVerification(
  db: Db,
  viewer: Viewer,
  ip: string,
  now = Date.now(),
): Promise<Result<{ email: string }>> {
  const user = await findMailUser(db, viewer.id)
  if (!user?.email) return fail.conflict(msg('Your account has no email address to confirm.'))
  if (user.emailVerifiedAt !== null) return fail.conflict(msg('Your address is already confirmed.'))
  const wait = Math.max(
    mailLimits.ip.retryAfterS(ip, now),
    mailLimits.verify.retryAfterS(addressKey(user.email), now),
  )
  if (wait > 0) return fail.rateLimited(wait)
  mailLimits.ip.hit(ip, now)
  mailLimits.verify.hit(addressKey(user.email), now)
  const email = user.email
  await db.transaction().execute((trx) => sendTokenLink(trx, 'verify-email', user, email, now))
  return ok({ email })
}

/** "ada@example.com" -> "a…@example.com": enough for the owner to recognise, little for anyone else. */
export function maskAddress(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return '…'
  return `${email.slice(0, 1)}…${email.slice(at)}`
}
