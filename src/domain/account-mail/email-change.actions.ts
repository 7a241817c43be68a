/**
 * Changing the account's address: the password first, then a link to the new address; the change is
 * made when that link is confirmed (verification.actions.ts), and the old address is told then.
 */
import type { Db } from '../../db/schema.js'
import { fail, msg, ok, type Result, type Viewer } from '../shared/index.js'
import { isPasswordCorrect, emailProblem } from '../users/index.js'
import { findMailUser, isEmailInUse } from './account-mail.queries.js'
import { sendTokenLink } from './links.js'
import { addressKey, mailLimits } from './mail-limits.js'

/**
 * Sends a confirmation link to `newEmail`. An address that already has an account gets no message,
 * and the answer is the same ("we are sending a link"), so the form tells no one who is registered.
 */
export async function requestEmailChange(
  db: Db,
  viewer: Viewer,
  input: { password: string; newEmail: string; ip: string },
  now = Date.now(),
): Promise<Result<{ email: string }>> {
  const email = input.newEmail.trim()
  const problem = emailProblem(email)
  if (problem !== null) return fail.invalid('email', problem)
  const user = await findMailUser(db, viewer.id)
  if (!user) return fail.notFound('account')
  if (user.email !== null && addressKey(user.email) === addressKey(email))
    return fail.invalid('email', msg('That is already your address.'))
  // Counted before the password check, which costs an argon2 verify.
  const wait = mailLimits.ip.take(input.ip, now)
  if (wait > 0) return fail.rateLimited(wait)
  if (!(await isPasswordCorrect(db, viewer.id, input.password)))
    return fail.invalid('password', msg('That is not your current password.'))
  if (await isEmailInUse(db, email)) return ok({ email })
  const held = mailLimits.verify.take(addressKey(email), now)
  if (held > 0) return fail.rateLimited(held)
  await db.transaction().execute((trx) => sendTokenLink(trx, 'change-email', user, email, now))
  return ok({ email })
}
