/**
 * Forgot password: /password/forgot takes a username or an address and always answers the same way,
 * after the same work (a token is made and hashed whether or not an account matches; only a match
 * stores it and queues the message). The link's form sets a new password under registration's rules,
 * ends every session of the account and opens one for this browser.
 */
import type { Db } from '../../db/schema.js'
import { createSession, deleteUserSessions } from '../sessions/index.js'
import { fail, ok, type Result } from '../shared/index.js'
import { hashPassword, passwordProblem, updateUser } from '../users/index.js'
import {
  findMailUser,
  findMailUserByLogin,
  markEmailVerified,
  useAccountTokens,
} from './account-mail.queries.js'
import { sendTokenLink } from './links.js'
import { addressKey, mailLimits } from './mail-limits.js'
import { checkToken, type TokenCheck } from './token-check.js'
import { newToken } from './tokens.js'

/**
 * Queues a reset link when `login` names an account with an address, unless that address has had
 * three this hour. The answer says nothing of which: ok for all, or rate_limited for the asking IP.
 */
export async function requestPasswordReset(
  db: Db,
  input: { login: string; ip: string },
  now = Date.now(),
): Promise<Result<null>> {
  const login = input.login.trim()
  if (login === '') return fail.invalid('login', 'Enter your username or email address.')
  if (login.length > 320)
    return fail.invalid('login', 'That is longer than any username or address.')
  const wait = mailLimits.ip.take(input.ip, now)
  if (wait > 0) return fail.rateLimited(wait)
  const user = await findMailUserByLogin(db, login)
  // The same token work for every request, so the answer's time does not tell a match.
  newToken()
  const email = user?.email
  if (!user || !email || mailLimits.reset.take(addressKey(email), now) > 0) return ok(null)
  await db.transaction().execute((trx) => sendTokenLink(trx, 'password-reset', user, email, now))
  return ok(null)
}

/** What the reset page shows for a link, before anything changes. */
export function checkResetLink(db: Db, token: string, now = Date.now()): Promise<TokenCheck> {
  return checkToken(db, token, ['password-reset'], now)
}

export type ResetDone =
  | { kind: 'reset'; userId: number; username: string; token: string; endedSessions: number }
  | { kind: 'link'; check: Exclude<TokenCheck, { state: 'valid' }> }

/**
 * Sets the new password from a valid link. A bad password comes back as `invalid` (the form again);
 * a link that is no longer valid as `link`. Following the link proves the address, so an unconfirmed
 * one is confirmed too.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  now = Date.now(),
): Promise<Result<ResetDone>> {
  const check = await checkResetLink(db, input.token, now)
  if (check.state !== 'valid') return ok({ kind: 'link', check })
  const { row } = check
  const user = await findMailUser(db, row.userId)
  if (!user) return ok({ kind: 'link', check: { state: 'unknown', purpose: null } })
  const problem = passwordProblem(input.password, user.username)
  if (problem !== null) return fail.invalid('password', problem)
  const passwordHash = await hashPassword(input.password)
  return ok(
    await db.transaction().execute(async (trx): Promise<ResetDone> => {
      if (!(await useAccountTokens(trx, row.id, row.userId, 'password-reset', now)))
        return { kind: 'link', check: { state: 'used', purpose: 'password-reset' } }
      await updateUser(trx, row.userId, { passwordHash })
      const endedSessions = await deleteUserSessions(trx, row.userId)
      await markEmailVerified(trx, row.userId, row.email, now)
      const token = await createSession(trx, row.userId, now)
      return { kind: 'reset', userId: row.userId, username: user.username, token, endedSessions }
    }),
  )
}
