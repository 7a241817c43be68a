/** Queueing a message: a mail job written in the caller's transaction (see domain/jobs). */
import type { Executor } from '../../db/schema.js'
import { enqueueJob } from '../jobs/index.js'
import { MAIL_JOB, type MailRequest } from './mail.types.js'

/**
 * Queues `request` as a mail job. `key` names this message uniquely and forever (e.g.
 * `password-reset:42:<token id>`): queueing the same key twice sends one message, and the message's
 * Message-ID derives from it, so a retry after a crash is the same message to the reader's mail program.
 * @example await enqueueMail(trx, `verify-email:${userId}:${tokenId}`, { to, template })
 */
export async function enqueueMail(
  db: Executor,
  key: string,
  request: MailRequest,
  now = Date.now(),
): Promise<void> {
  await enqueueJob(db, { kind: MAIL_JOB, key: `mail:${key}`, payload: request }, now)
}
