/**
 * Sign-up with mail: a new account gets a confirmation link; an address that already has an account
 * gets a note for its owner instead, and the person registering sees the same answer either way
 * (issue 28 finding 10).
 */
import type { Db, Executor } from '../../db/schema.js'
import { enqueueMail } from '../mail/index.js'
import { ok, type Result } from '../shared/index.js'
import { registerUser, type RegisterInput } from '../users/index.js'
import { sendTokenLink } from './links.js'
import { addressKey, mailLimits } from './mail-limits.js'

export async function signUp(
  db: Db,
  input: RegisterInput,
  now = Date.now(),
  /** More to do in the new account's transaction (an invitation used); throwing undoes the account. */
  alsoInTransaction?: (trx: Executor, user: { id: number }) => Promise<void>,
): Promise<Result<{ created: boolean }>> {
  const result = await registerUser(
    db,
    input,
    async (trx, user) => {
      await alsoInTransaction?.(trx, user)
      await sendTokenLink(trx, 'verify-email', user, user.email, now)
    },
    now,
  )
  if (!result.ok) return result
  if (result.value.kind === 'created') return ok({ created: true })
  const { owner } = result.value
  // Once a day at most per address, whoever asks: a stranger cannot fill the owner's inbox.
  if (mailLimits.accountExists.take(addressKey(owner.email), now) === 0) {
    await enqueueMail(
      db,
      `account-exists:${owner.id}:${now}`,
      {
        to: owner.email,
        template: {
          name: 'account-exists',
          username: owner.username,
          signInLink: '/login',
          resetLink: '/password/forgot',
        },
      },
      now,
    )
  }
  return ok({ created: false })
}
