/**
 * The single place a domain Failure becomes an HTTP status (STYLE.md habit 9). Form routes re-render
 * their page for `invalid`; everything else becomes an error page, or JSON for API-style requests.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { describeWait } from '../domain/shared/index.js'
import type { Failure } from '../domain/shared/index.js'
import { sendError } from './plugins/errors.js'
import { sendProblem } from './problem.js'

export const STATUS = {
  not_found: 404,
  forbidden: 403,
  invalid: 422,
  conflict: 409,
  rate_limited: 429,
} as const satisfies Record<Failure['code'], number>

export function failureMessage(failure: Failure): string {
  switch (failure.code) {
    case 'not_found':
      return `That ${failure.what} does not exist or has been deleted.`
    case 'forbidden':
      return failure.reason
    case 'invalid':
      return failure.message
    case 'conflict':
      return failure.message
    case 'rate_limited':
      return `Too many attempts. Try again in ${describeWait(failure.retryAfterS)}.`
  }
}

/** True when the client asked for JSON (islands send `Accept: application/json`). */
export function wantsJson(req: FastifyRequest): boolean {
  return (
    req.url.startsWith('/api/') || /\bapplication\/json\b/.test(String(req.headers.accept ?? ''))
  )
}

/** Sends a failure that no form needs to show inline. */
export function sendFailure(
  req: FastifyRequest,
  reply: FastifyReply,
  failure: Failure,
): FastifyReply {
  const status = STATUS[failure.code]
  if (failure.code === 'rate_limited') reply.header('retry-after', String(failure.retryAfterS))
  const message = failureMessage(failure)
  if (req.url.startsWith('/api/'))
    return sendProblem(req, reply, {
      status,
      code: failure.code,
      detail: message,
      ...(failure.code === 'invalid' ? { field: failure.field } : {}),
    })
  if (wantsJson(req)) {
    return reply.code(status).send({
      error: {
        code: failure.code,
        message,
        ...(failure.code === 'invalid' ? { field: failure.field } : {}),
      },
    })
  }
  const title = {
    not_found: 'Not found',
    forbidden: 'Not allowed',
    invalid: 'Check your input',
    conflict: 'Conflict',
    rate_limited: 'Slow down',
  }[failure.code]
  const links =
    failure.code === 'forbidden' && !req.viewer
      ? [{ href: `/login?next=${encodeURIComponent(req.url)}`, label: 'Sign in' }]
      : []
  return sendError(req, reply, status, title, message, links)
}

/** Form errors keyed by field, from a failure (the form re-renders with each next to its field). */
export function formErrors(failure: Failure): {
  errors: Record<string, string>
  formError?: string
} {
  if (failure.code === 'invalid') return { errors: { [failure.field]: failure.message } }
  return { errors: {}, formError: failureMessage(failure) }
}
