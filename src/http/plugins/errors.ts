/**
 * One place that turns errors into responses: a 404 page for unknown URLs, 400 naming the parameter for
 * malformed input, and a generic 500 (logged with its stack, never shown) for everything unexpected.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ErrorPage } from '../../views/pages/error-page.js'
import { sendPage, siteFor } from '../page.js'

export interface ErrorLink {
  href: string
  label: string
}

export const errorsPlugin = fp(
  async (app) => {
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
      if (error.code?.startsWith('FST_CSRF')) {
        return sendError(
          req,
          reply,
          403,
          'Form expired',
          'This form has expired or came from another site. Go back, reload the page and try again.',
        )
      }
      if (isOverload(error)) {
        req.log.warn({ err: error }, 'database busy')
        reply.header('retry-after', String(BUSY_RETRY_AFTER_S))
        return sendError(
          req,
          reply,
          503,
          'The forum is busy',
          `Too many requests are waiting for the database right now. Please try again in ${BUSY_RETRY_AFTER_S} seconds.`,
        )
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

/** Seconds a client is asked to wait when the database is saturated. */
const BUSY_RETRY_AFTER_S = 5

/**
 * Errors that mean "too much at once", not "broken": no PostgreSQL connection came free in time (pg-pool),
 * PostgreSQL cancelled a statement at its timeout (57014), or SQLite stayed locked past its busy timeout.
 * They answer 503 with Retry-After, so clients and load balancers back off instead of reporting a bug.
 */
export function isOverload(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (code === '57014' || code === 'SQLITE_BUSY') return true
  return /timeout exceeded when trying to connect/i.test(error.message)
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
  if (req.url.startsWith('/api/')) {
    return reply
      .code(status)
      .send({ error: { code: codeFor(status), message, ...(field ? { field } : {}) } })
  }
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
      403: 'forbidden',
      404: 'not_found',
      409: 'conflict',
      413: 'too_large',
      422: 'invalid',
      429: 'rate_limited',
      503: 'busy',
    }[status] ?? (status >= 500 ? 'internal' : 'error')
  )
}
