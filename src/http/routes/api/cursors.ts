/**
 * The API's list cursors: opaque to clients (base64url JSON of where a list stopped), checked on the
 * way back in, and the `Link: <…>; rel="next"` header (RFC 8288) of a list that has a next page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ListCursor } from '../../../domain/thread-lists/index.js'
import { sendProblem } from '../../problem.js'

export const encodeCursor = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url')

/** The cursor's value; null when none was sent; false when it is not one this API gave out. */
export function decodeCursor<T>(
  text: string | undefined,
  valid: (v: unknown) => v is T,
): T | null | false {
  if (text === undefined) return null
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    return valid(value) ? value : false
  } catch {
    return false
  }
}

export const isListCursor = (v: unknown): v is ListCursor =>
  Array.isArray(v) && v.length === 3 && v.every((n) => Number.isSafeInteger(n))

export const isPageCursor = (v: unknown): v is { page: number } =>
  typeof v === 'object' &&
  v !== null &&
  Number.isInteger((v as { page: unknown }).page) &&
  (v as { page: number }).page >= 1 &&
  (v as { page: number }).page <= 1000

/** Sets the Link header of a list that has a next page (RFC 8288). */
export function linkNext(req: FastifyRequest, reply: FastifyReply, next: string | null): void {
  if (next === null) return
  const url = new URL(req.url, req.server.config.publicUrl)
  url.searchParams.set('cursor', next)
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`)
}

export const badCursor = (req: FastifyRequest, reply: FastifyReply) =>
  sendProblem(req, reply, {
    status: 400,
    code: 'bad_request',
    detail: 'Query parameter “cursor” is not one this API gave out: start again without it.',
    field: 'cursor',
  })
