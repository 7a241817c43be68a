/**
 * Routes that take a post's text. The domain's limit is 64 KB; these routes read bodies far larger
 * (LONG_TEXT_BODY_BYTES), so a text over the limit reaches the domain and comes back in full in the
 * refilled form, instead of a bare 400 or 413. Only signed-in people may send them: the session is
 * known before the body is read (the session plugin's onRequest hook), and an anonymous request is
 * refused before a byte of it is parsed, as the global 256 KB limit would otherwise have done.
 */
import type { onRequestAsyncHookHandler, RouteShorthandOptions } from 'fastify'
import { sendFailure } from './failure.js'
import { sendProblem } from './problem.js'
import { msg } from '../domain/shared/index.js'

/** Bytes of a form with long text: 1,000,000 characters of plain text, percent-encoded in part. */
export const LONG_TEXT_BODY_BYTES = 4 * 1024 * 1024

const signedInFirst: onRequestAsyncHookHandler = async (req, reply) => {
  if (req.viewer) return
  // The API's answer to a request without credentials: 401 and how to send them (docs/api.md).
  if (req.url.startsWith('/api/')) {
    reply.header('www-authenticate', 'Bearer realm="quorum"')
    return sendProblem(req, reply, {
      status: 401,
      code: 'unauthenticated',
      detail: 'Send a personal access token: Authorization: Bearer <token>.',
    })
  }
  return sendFailure(req, reply, { code: 'forbidden', reason: msg('Sign in to post.') })
}

/** Route options for a form with a post's text. @example app.post('/x', { ...longTextRoute, schema }, handler) */
export const longTextRoute = {
  bodyLimit: LONG_TEXT_BODY_BYTES,
  onRequest: signedInFirst,
} as const satisfies RouteShorthandOptions
