/** Creating a link's token and queueing its message, in the caller's transaction. */
import type { Executor } from '../../db/schema.js'
import { enqueueMail, type MailTemplate, type SitePath } from '../mail/index.js'
import { insertAccountToken } from './account-mail.queries.js'
import { newToken, TOKEN_TTL_MS, type TokenPurpose } from './tokens.js'

const PATHS: Readonly<Record<TokenPurpose, string>> = {
  'verify-email': '/email/confirm',
  'change-email': '/email/confirm',
  'password-reset': '/password/reset',
}

/**
 * Stores a new token for `user` and queues the message carrying its link to `to`. The link is a path:
 * the mail renderer prefixes PUBLIC_URL, never a request's Host.
 */
export async function sendTokenLink(
  trx: Executor,
  purpose: TokenPurpose,
  user: { id: number; username: string },
  to: string,
  now: number,
  /** Names the message for good when the caller may run twice (a job); else the token's id does. */
  mailKey?: string,
): Promise<void> {
  const { token, hash } = newToken()
  const id = await insertAccountToken(trx, {
    tokenHash: hash,
    purpose,
    userId: user.id,
    email: to,
    createdAt: now,
    expiresAt: now + TOKEN_TTL_MS[purpose],
  })
  const link = `${PATHS[purpose]}?token=${token}` as SitePath
  const template: MailTemplate =
    purpose === 'password-reset'
      ? { name: 'password-reset', username: user.username, link, expiresInMinutes: 60 }
      : { name: 'verify-email', username: user.username, link, expiresInHours: 24 }
  await enqueueMail(trx, mailKey ?? `${purpose}:${user.id}:${id}`, { to, template }, now)
}
