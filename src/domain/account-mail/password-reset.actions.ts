/**
 * Forgot password: /password/forgot takes a username or an address and always answers the same way,
 * after the same work (a job is queued whatever was typed; the job decides whether anyone is mailed). The link's form sets a new password under registration's rules,
 * ends every session of the account and opens one for this browser.
 */
import type { Db } from '../../db/schema.js'
import { createSession, deleteUserSessions } from '../sessions/index.js'
import { hasSecondFactor } from '../two-factor/index.js'
import { enqueueJob, type JobHandler } from '../jobs/index.js'
import { fail, msg, ok, randomId, type Result } from '../shared/index.js'
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

/** The job that turns a forgot-password request into a message, outside the request. */
export const PASSWORD_RESET_JOB = 'account.password-reset'

/**
 * Takes a forgot-password request. The request itself only counts against the asking IP and queues a
 * job: whether an account matches is decided in the job, so a known name and an unknown one cost the
 * request exactly the same work (one insert), and the answer says nothing of which.
 */
export async function requestPasswordReset(
  db: Db,
  input: { login: string; ip: string },
  now = Date.now(),
): Promise<Result<null>> {
  const login = input.login.trim()
  if (login === '') return fail.invalid('login', msg('Enter your username or email address.'))
  if (login.length > 320)
    return fail.invalid('login', msg('That is longer than any username or address.'))
  const wait = mailLimits.ip.take(input.ip, now)
  if (wait > 0) return fail.rateLimited(wait)
  await enqueueJob(
    db,
    { kind: PASSWORD_RESET_JOB, key: `password-reset-request:${randomId()}`, payload: { login } },
    now,
  )
  return ok(null)
}

/**
 * The job's handler: when the name matches an account with an address, and that address has had fewer
 * than three links this hour, stores a token and queues the message. Run twice (a process killed
 * mid-run), it queues one message: the mail's key is the job's.
 */
export function passwordResetJobHandler(db: Db): JobHandler {
  return async (job) => {
    const { login } = job.payload as { login: string }
    const user = await findMailUserByLogin(db, login)
    const email = user?.email
    const now = Date.now()
    if (!user || !email || mailLimits.reset.take(addressKey(email), now) > 0) return
    await db
      .transaction()
      .execute((trx) => sendTokenLink(trx, 'password-reset', user, email, now, job.key))
  }
}

/** What the reset page shows for a link, before anything changes. */
export function checkResetLink(db: Db, token: string, now = Date.now()): Promise<TokenCheck> {
  return checkToken(db, token, ['password-reset'], now)
}

export type ResetDone =
  | {
      kind: 'reset'
      userId: number
      username: string
      /** The new session; null when the account has a second factor, which a reset link does not replace. */
      token: string | null
      endedSessions: number
    }
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
      // A mailbox alone must not get past two-factor: such an account signs in again, code and all.
      const token = (await hasSecondFactor(trx, row.userId))
        ? null
        : await createSession(trx, row.userId, now)
      return { kind: 'reset', userId: row.userId, username: user.username, token, endedSessions }
    }),
  )
}
