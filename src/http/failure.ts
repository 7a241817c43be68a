/**
 * The single place a domain Failure becomes an HTTP status (STYLE.md habit 9). Form routes re-render
 * their page for `invalid`; everything else becomes an error page, or JSON for API-style requests.
 * Pages and the islands' JSON get the message in the page's language; the API (/api/**) keeps English.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { describeWait, msg, type Failure, type Message } from '../domain/shared/index.js'
import { DEFAULT_LOCALE, type Locale, translateMessage } from '../i18n/index.js'
import { sendError } from './plugins/errors.js'
import { sendProblem } from './problem.js'

export const STATUS = {
  not_found: 404,
  forbidden: 403,
  invalid: 422,
  conflict: 409,
  rate_limited: 429,
} as const satisfies Record<Failure['code'], number>

/** "That post does not exist…", one whole sentence per thing (its gender differs in German). */
const NOT_FOUND: Readonly<Record<string, string>> = {
  account: msg('That account does not exist or has been deleted.'),
  block: msg('That block does not exist or has been deleted.'),
  delivery: msg('That delivery does not exist or has been deleted.'),
  invitation: msg('That invitation does not exist or has been deleted.'),
  login: msg('That login does not exist or has been deleted.'),
  notification: msg('That notification does not exist or has been deleted.'),
  passkey: msg('That passkey does not exist or has been deleted.'),
  person: msg('That person does not exist or has been deleted.'),
  post: msg('That post does not exist or has been deleted.'),
  reply: msg('That reply does not exist or has been deleted.'),
  'dead job': msg('That dead job does not exist or has been deleted.'),
  language: msg('That language does not exist or has been deleted.'),
  'review item': msg('That review item does not exist or has been deleted.'),
  'sign-in provider': msg('That sign-in provider does not exist or has been deleted.'),
  session: msg('That session does not exist or has been deleted.'),
  tag: msg('That tag does not exist or has been deleted.'),
  thread: msg('That thread does not exist or has been deleted.'),
  token: msg('That token does not exist or has been deleted.'),
  webhook: msg('That webhook does not exist or has been deleted.'),
}

/** A failure's message with its values, in English: `translateMessage()` puts it in a language. */
function failureText(failure: Failure): Message {
  switch (failure.code) {
    case 'not_found':
      return {
        message: NOT_FOUND[failure.what] ?? msg('That {what} does not exist or has been deleted.'),
        values: { what: failure.what },
      }
    case 'forbidden':
      return { message: failure.reason, ...(failure.values ? { values: failure.values } : {}) }
    case 'invalid':
    case 'conflict':
      return { message: failure.message, ...(failure.values ? { values: failure.values } : {}) }
    case 'rate_limited':
      return {
        message: msg('Too many attempts. Try again in {wait}.'),
        values: { wait: describeWait(failure.retryAfterS) },
      }
  }
}

/** A failure's message in `locale` (the page's language: `req.locale`). */
export function failureMessage(failure: Failure, locale: Locale): string {
  return translateMessage(locale, failureText(failure))
}

/** True when the client asked for JSON (islands send `Accept: application/json`). */
export function wantsJson(req: FastifyRequest): boolean {
  return (
    req.url.startsWith('/api/') || /\bapplication\/json\b/.test(String(req.headers.accept ?? ''))
  )
}

const TITLES = {
  not_found: msg('Not found'),
  forbidden: msg('Not allowed'),
  invalid: msg('Check your input'),
  conflict: msg('Conflict'),
  rate_limited: msg('Slow down'),
} as const satisfies Record<Failure['code'], string>

/** Sends a failure that no form needs to show inline. */
export function sendFailure(
  req: FastifyRequest,
  reply: FastifyReply,
  failure: Failure,
): FastifyReply {
  const status = STATUS[failure.code]
  if (failure.code === 'rate_limited') reply.header('retry-after', String(failure.retryAfterS))
  if (req.url.startsWith('/api/'))
    return sendProblem(req, reply, {
      status,
      code: failure.code,
      detail: failureMessage(failure, DEFAULT_LOCALE),
      ...(failure.code === 'invalid' ? { field: failure.field } : {}),
    })
  if (wantsJson(req)) {
    return reply.code(status).send({
      error: {
        code: failure.code,
        message: failureMessage(failure, req.locale),
        ...(failure.code === 'invalid' ? { field: failure.field } : {}),
      },
    })
  }
  const links =
    failure.code === 'forbidden' && !req.viewer
      ? [{ href: `/login?next=${encodeURIComponent(req.url)}`, label: msg('Sign in') }]
      : []
  return sendError(req, reply, status, TITLES[failure.code], failureText(failure), links)
}

/**
 * Form errors keyed by field, from a failure, in `locale` (the form re-renders with each next to its
 * field).
 * @example const form = { values, ...formErrors(result.failure, req.locale) }
 */
export function formErrors(
  failure: Failure,
  locale: Locale,
): {
  errors: Record<string, string>
  formError?: string
} {
  const message = failureMessage(failure, locale)
  if (failure.code === 'invalid') return { errors: { [failure.field]: message } }
  return { errors: {}, formError: message }
}
