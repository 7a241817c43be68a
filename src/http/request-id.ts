/**
 * Request ids. Every request gets one: the caller's `X-Request-Id` when it is sane (1–128 visible ASCII
 * characters, as a proxy or load balancer in front would send), else a fresh UUID. Fastify logs it as
 * `reqId` on every line of the request, the errors plugin names it on a 500 page, and the response
 * carries it back as `X-Request-Id` (the request-id hook in app.ts), so one id follows a request from
 * the proxy's log through Quorum's.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const REQUEST_ID_HEADER = 'x-request-id'
const SANE = /^[\x21-\x7e]{1,128}$/

/** Fastify's `genReqId`: the incoming id when sane, otherwise a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER]
  return typeof given === 'string' && SANE.test(given) ? given : randomUUID()
}
