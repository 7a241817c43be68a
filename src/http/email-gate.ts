/**
 * Posting waits for a confirmed address when REQUIRE_EMAIL_VERIFICATION says so (`auto`: when SMTP_URL
 * is set). The ask, reply and comment routes ask here after the sign-in check.
 */
import type { FastifyRequest } from 'fastify'
import { isEmailVerificationRequired } from '../config.js'
import type { Failure } from '../domain/shared/index.js'
import { msg } from '../domain/shared/index.js'

export function postingRefusal(req: FastifyRequest): Failure | null {
  if (!req.viewer || !req.emailUnverified || !isEmailVerificationRequired(req.server.config))
    return null
  return {
    code: 'forbidden',
    reason: msg(
      'Confirm your email address before you post: open the link we sent to it, or use "Send again" above for a new one.',
    ),
  }
}
