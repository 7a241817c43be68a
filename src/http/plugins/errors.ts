/**
 * One place that turns errors into responses: a 404 page for unknown URLs, 400 naming the parameter for
 * malformed input, and a generic 500 (logged with its stack, never shown) for everything unexpected.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { msg, type Message } from '../../domain/shared/index.js'
import { DEFAULT_LOCALE, translateMessage } from '../../i18n/index.js'
import { ErrorPage } from '../../views/pages/error-page.js'
import { sendPage, siteFor } from '../page.js'
import { localeOf } from './locale.js'
import { sendProblem } from '../problem.js'
import { verbatim, type Text } from '../text.js'

export interface ErrorLink {
  href: string
  /** An English message, translated with the page. */
  label: Text
}

export const errorsPlugin = fp(
  async (app) => {
    const episodes = new Episodes()
    // A request that reached the database and succeeded ends an outage: the next failure is news again.
    app.addHook('onResponse', async (req, reply) => {
      if (reply.statusCode < 500 && reply.getHeader('x-page-cache') !== 'hit') episodes.end(req)
    })

    app.setNotFoundHandler(async (req, reply) =>
      sendError(
        req,
        reply,
        404,
        msg('Page not found'),
        msg('There is nothing at this address. It may have been moved or deleted.'),
      ),
    )

    app.setErrorHandler(async (error: FastifyError, req, reply) => {
      if (error.validation) {
        const first = error.validation[0]
        const field = first ? fieldOf(first) : 'input'
        return sendError(
          req,
          reply,
          400,
          msg('Bad request'),
          first ? describe(first, error.validationContext, field) : verbatim(error.message),
          [],
          field,
        )
      }
      if (error.code?.startsWith('FST_CSRF')) return sendFormExpired(req, reply)
      const unavailable = unavailability(error)
      if (unavailable) {
        const { title, message, retryAfterS } = UNAVAILABLE[unavailable]
        episodes.report(unavailable, error, req)
        reply.header('retry-after', String(retryAfterS))
        return sendError(req, reply, 503, title, message)
      }
      const status = error.statusCode ?? 500
      if (status < 500) {
        // The rate limit answers before the locale hook has run: take the language from the request.
        if (status === 429 && req.locale === DEFAULT_LOCALE) req.locale = localeOf(req)
        // Fastify's and its plugins' own words stay as they are in English; other languages get ours.
        const ours = STATUS_MESSAGES[status]
        const message =
          ours !== undefined && req.locale !== DEFAULT_LOCALE ? ours : verbatim(error.message)
        return sendError(req, reply, status, statusTitle(status), message)
      }
      req.log.error({ err: error }, 'request failed')
      return sendError(req, reply, 500, msg('Something went wrong'), {
        message: msg('The error has been logged (request {id}). Please try again in a moment.'),
        values: { id: req.id },
      })
    })
  },
  { name: 'errors', dependencies: ['assets'] },
)

/**
 * Fastify's answer to a URL its router cannot take apart (a bad percent-escape, a path segment longer
 * than `maxParamLength`), which it sends before any hook runs. The API answers problem details: 404 for a
 * segment too long to name anything, 400 for a malformed one; pages keep Fastify's short JSON.
 */
export function frameworkErrors(
  error: FastifyError,
  req: FastifyRequest,
  reply: FastifyReply,
): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
  if (req.url.startsWith('/api/')) {
    sendProblem(req, reply, {
      status: tooLong ? 404 : 400,
      code: tooLong ? 'not_found' : 'bad_request',
      detail: tooLong
        ? 'A path segment is longer than any id, slug or name here.'
        : 'The URL has a malformed percent-escape.',
    })
    return
  }
  const status = error.statusCode ?? 400
  void reply
    .code(status)
    .send({ error: 'Bad Request', code: error.code, message: error.message, statusCode: status })
}

/** Why the forum cannot answer right now, as opposed to a bug: each answers 503 with Retry-After. */
export type Unavailability = 'busy' | 'database_down' | 'storage_full'

const UNAVAILABLE: Record<Unavailability, { title: string; message: string; retryAfterS: number }> =
  {
    busy: {
      title: msg('The forum is busy'),
      message: msg(
        'Too many requests are waiting for the database right now. Please try again in 5 seconds.',
      ),
      retryAfterS: 5,
    },
    database_down: {
      title: msg('The forum is briefly unavailable'),
      message: msg(
        'The forum’s database is not answering right now (a restart, most likely). Nothing you sent was saved; please try again in 5 seconds.',
      ),
      retryAfterS: 5,
    },
    storage_full: {
      title: msg('The forum cannot save right now'),
      message: msg(
        'The forum’s disk is full, so nothing can be saved until its operators make room. Nothing you sent was saved; please try again in a minute.',
      ),
      retryAfterS: 60,
    },
  }

/** PostgreSQL's codes for a server that is going away, starting up or unreachable (class 08, 57P0x). */
const DATABASE_DOWN_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
])
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'])

/**
 * Errors that mean "not now", not "broken":
 * - busy: no PostgreSQL connection came free in time (pg-pool), PostgreSQL cancelled a statement at its
 *   timeout (57014), or SQLite stayed locked past its busy timeout;
 * - database_down: PostgreSQL is restarting, shutting down or unreachable, or the connection a query ran
 *   on broke under it (pg's "Connection terminated" errors);
 * - storage_full: SQLITE_FULL, or PostgreSQL's disk_full (53100).
 * Clients and load balancers back off on 503 instead of reporting a bug.
 */
export function unavailability(error: unknown): Unavailability | null {
  if (!(error instanceof Error)) return null
  const code = (error as { code?: unknown }).code
  if (code === '57014' || code === 'SQLITE_BUSY') return 'busy'
  if (/timeout exceeded when trying to connect/i.test(error.message)) return 'busy'
  if (code === 'SQLITE_FULL' || code === '53100') return 'storage_full'
  if (typeof code === 'string' && (DATABASE_DOWN_CODES.has(code) || NETWORK_CODES.has(code)))
    return 'database_down'
  if (
    /^Connection terminated|Client has encountered a connection error|Client was closed and is not queryable/i.test(
      error.message,
    )
  )
    return 'database_down'
  return null
}

/**
 * Logs each outage once: the first failure of a kind with its error, at `error` level; the rest of the
 * episode at `debug`; and a line when a request succeeds again.
 */
class Episodes {
  private readonly open = new Map<Unavailability, { since: number; count: number }>()

  report(kind: Unavailability, error: unknown, req: FastifyRequest): void {
    const episode = this.open.get(kind)
    if (episode) {
      episode.count++
      req.log.debug({ err: error, kind }, 'still unavailable')
      return
    }
    this.open.set(kind, { since: Date.now(), count: 1 })
    // busy is routine under load: a warning; the other two need an operator.
    const level = kind === 'busy' ? 'warn' : 'error'
    req.log[level]({ err: error, kind }, `unavailable: ${kind.replace('_', ' ')}`)
  }

  end(req: FastifyRequest): void {
    if (this.open.size === 0) return
    for (const [kind, { since, count }] of this.open)
      if (kind !== 'busy')
        req.log.info(
          { kind, failedRequests: count, seconds: Math.round((Date.now() - since) / 1000) },
          `available again after ${kind.replace('_', ' ')}`,
        )
    this.open.clear()
  }
}

/**
 * The answer to a form whose token is missing, stale or from another site (403): the same words from the
 * CSRF check and from the multipart routes that check the token themselves before reading a file.
 */
export function sendFormExpired(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(
    req,
    reply,
    403,
    msg('Form expired'),
    msg('This form has expired or came from another site. Go back, reload the page and try again.'),
  )
}

/**
 * Sends an error as JSON for the API (in English) and as a page everywhere else (in the page's
 * language): `title`, `message` and the links' labels are English messages, translated here.
 * @example sendError(req, reply, 404, msg('Tag not found'), { message: msg('There is no tag named “{slug}”.'), values: { slug } })
 */
export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: Text,
  message: Text,
  links: ErrorLink[] = [],
  field?: string,
): FastifyReply {
  if (status >= 500) reply.header('cache-control', 'no-store')
  if (req.url.startsWith('/api/'))
    return sendProblem(req, reply, {
      status,
      code: codeFor(status),
      detail: translateMessage(DEFAULT_LOCALE, message),
      ...(field ? { field } : {}),
    })
  const locale = req.locale
  return sendPage(reply, status, ErrorPage, {
    site: siteFor(req),
    status,
    title: translateMessage(locale, title),
    message: translateMessage(locale, message),
    links: links.map((link) => ({ href: link.href, label: translateMessage(locale, link.label) })),
  })
}

interface ValidationIssue {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

function fieldOf(v: ValidationIssue): string {
  if (typeof v.params.missingProperty === 'string') return v.params.missingProperty
  if (typeof v.params.additionalProperty === 'string') return v.params.additionalProperty
  return v.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'input'
}

/**
 * What is wrong with one input, as one sentence per kind of input and problem ("Query parameter
 * “page” must be a number."), so each language can say it in its own order.
 */
function describe(v: ValidationIssue, context: string | undefined, field: string): Message {
  const where = ['querystring', 'params', 'body', 'headers'].includes(context ?? '')
    ? (context as string)
    : 'other'
  const values = { where, field }
  if (v.keyword === 'additionalProperties')
    return { message: VALIDATION.additionalProperties, values }
  if (v.keyword === 'enum' && Array.isArray(v.params.allowedValues))
    return {
      message: VALIDATION.enum,
      values: { ...values, allowed: v.params.allowedValues.join(', ') },
    }
  if (v.keyword === 'type' && (v.params.type === 'integer' || v.params.type === 'number'))
    return { message: VALIDATION.number, values }
  if (v.keyword === 'minimum' && typeof v.params.limit === 'number')
    return { message: VALIDATION.minimum, values: { ...values, limit: String(v.params.limit) } }
  if (v.keyword === 'maximum' && typeof v.params.limit === 'number')
    return { message: VALIDATION.maximum, values: { ...values, limit: String(v.params.limit) } }
  if (v.keyword === 'pattern') return { message: VALIDATION.pattern, values }
  if (v.message === undefined) return { message: VALIDATION.invalid, values }
  return { message: VALIDATION.other, values: { ...values, detail: v.message } }
}

const VALIDATION = {
  additionalProperties: msg(
    '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” is not accepted here.',
  ),
  enum: msg(
    '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” must be one of {allowed}.',
  ),
  number: msg(
    '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” must be a number.',
  ),
  minimum: msg(
    '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” must be {limit} or more.',
  ),
  maximum: msg(
    '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” must be {limit} or less.',
  ),
  pattern: msg(
    '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” contains characters that are not allowed here.',
  ),
  invalid: msg(
    '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” is not valid.',
  ),
  other: msg(
    '{where, select, querystring {Query parameter} params {Path segment} body {Field} headers {Header} other {Parameter}} “{field}” {detail}.',
  ),
}

function statusTitle(status: number): string {
  return (
    {
      400: msg('Bad request'),
      403: msg('Not allowed'),
      404: msg('Page not found'),
      405: msg('Method not allowed'),
      413: msg('Too large'),
      415: msg('Unsupported type'),
      429: msg('Too many requests'),
    }[status] ?? msg('Request failed')
  )
}

/** What a refusal by Fastify or a plugin says in languages other than English (English keeps theirs). */
const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: msg('The request could not be read. Go back, reload the page and try again.'),
  404: msg('There is nothing at this address. It may have been moved or deleted.'),
  405: msg('This address does not answer that kind of request.'),
  413: msg('What you sent is larger than this page accepts.'),
  415: msg('This page does not accept that kind of content.'),
  429: msg('Too many requests in a short time. Please wait a minute and try again.'),
}

function codeFor(status: number): string {
  return (
    {
      400: 'bad_request',
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not_found',
      409: 'conflict',
      413: 'too_large',
      415: 'unsupported_type',
      422: 'invalid',
      429: 'rate_limited',
      503: 'busy',
    }[status] ?? (status >= 500 ? 'internal' : 'error')
  )
}
