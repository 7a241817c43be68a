/**
 * One place that turns errors into responses: a 404 page for unknown URLs, 400 naming the parameter for
 * malformed input, and a generic 500 (logged with its stack, never shown) for everything unexpected.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ErrorPage } from '../../views/pages/error-page.js'
import { sendPage, siteFor } from '../page.js'
import { sendProblem } from '../problem.js'

export interface ErrorLink {
  href: string
  label: string
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
        'Page not found',
        'There is nothing at this address. It may have been moved or deleted.',
      ),
    )

    app.setErrorHandler(async (error: FastifyError, req, reply) => {
      if (error.validation) {
        const first = error.validation[0]
        const field = first ? fieldOf(first) : 'input'
        const message = first ? describe(first) : error.message
        return sendError(
          req,
          reply,
          400,
          'Bad request',
          `${contextLabel(error.validationContext)} “${field}” ${message}.`,
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
      if (status < 500) return sendError(req, reply, status, statusTitle(status), error.message)
      req.log.error({ err: error }, 'request failed')
      return sendError(
        req,
        reply,
        500,
        'Something went wrong',
        `The error has been logged (request ${req.id}). Please try again in a moment.`,
      )
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
      title: 'The forum is busy',
      message:
        'Too many requests are waiting for the database right now. Please try again in 5 seconds.',
      retryAfterS: 5,
    },
    database_down: {
      title: 'The forum is briefly unavailable',
      message:
        'The forum’s database is not answering right now (a restart, most likely). Nothing you sent was saved; please try again in 5 seconds.',
      retryAfterS: 5,
    },
    storage_full: {
      title: 'The forum cannot save right now',
      message:
        'The forum’s disk is full, so nothing can be saved until its operators make room. Nothing you sent was saved; please try again in a minute.',
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
    'Form expired',
    'This form has expired or came from another site. Go back, reload the page and try again.',
  )
}

/** Sends an error as JSON for the API and as a page everywhere else. */
export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: string,
  message: string,
  links: ErrorLink[] = [],
  field?: string,
): FastifyReply {
  if (status >= 500) reply.header('cache-control', 'no-store')
  if (req.url.startsWith('/api/'))
    return sendProblem(req, reply, {
      status,
      code: codeFor(status),
      detail: message,
      ...(field ? { field } : {}),
    })
  return sendPage(reply, status, ErrorPage, { site: siteFor(req), status, title, message, links })
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

function describe(v: ValidationIssue): string {
  if (v.keyword === 'additionalProperties') return 'is not accepted here'
  if (v.keyword === 'enum' && Array.isArray(v.params.allowedValues))
    return `must be one of ${v.params.allowedValues.join(', ')}`
  if (v.keyword === 'type' && (v.params.type === 'integer' || v.params.type === 'number'))
    return 'must be a number'
  if (v.keyword === 'minimum' && typeof v.params.limit === 'number')
    return `must be ${v.params.limit} or more`
  if (v.keyword === 'maximum' && typeof v.params.limit === 'number')
    return `must be ${v.params.limit} or less`
  if (v.keyword === 'pattern') return 'contains characters that are not allowed here'
  return v.message ?? 'is not valid'
}

function contextLabel(context: string | undefined): string {
  return (
    { querystring: 'Query parameter', params: 'Path segment', body: 'Field', headers: 'Header' }[
      context ?? ''
    ] ?? 'Parameter'
  )
}

function statusTitle(status: number): string {
  return (
    {
      400: 'Bad request',
      403: 'Not allowed',
      404: 'Page not found',
      405: 'Method not allowed',
      413: 'Too large',
      415: 'Unsupported type',
      429: 'Too many requests',
    }[status] ?? 'Request failed'
  )
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
