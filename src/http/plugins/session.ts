/**
 * Sessions and CSRF (SECURITY.md rows 1–5, 10–11). The session cookie holds a random token (HttpOnly,
 * SameSite=Lax, Secure and __Host- prefixed over https); the database keeps only its hash. CSRF tokens
 * come from @fastify/csrf-protection, bound to the session, and are checked on every unsafe request,
 * which must also come from our own origin.
 */
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { SESSION_TTL_MS, findSessionViewer } from '../../domain/sessions/index.js'
import { getOrCreateSecret, msg } from '../../domain/shared/index.js'
import { sendFailure } from '../failure.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Hash of the current session's token, when signed in. */
    sessionIdHash: string | null
    /** The signed-in account has an address it has not confirmed (account mail). */
    emailUnverified: boolean
  }
  interface FastifyInstance {
    sessionCookieName: string
  }
  interface FastifyReply {
    startSession(token: string): FastifyReply
    endSession(): FastifyReply
  }
  interface FastifyContextConfig {
    /**
     * `'route'`: a multipart body is checked by the route itself, from the `_csrf` field it reads before
     * any file (http/uploads.ts), instead of by the hook below, which would need the whole body first.
     * `'signed'`: the request carries a signed token of its own that the route checks (the one-click
     * unsubscribe of RFC 8058, posted by mail programs that have no session and no page).
     * `'none'`: a POST that changes nothing and answers only its caller (the API's signature
     * extraction, which strangers call without a page): a forged one has nothing to gain.
     */
    csrf?: 'route' | 'signed' | 'none'
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const sessionPlugin = fp<{ https: boolean }>(
  async (app, { https }) => {
    const sessionCookie = https ? '__Host-quorum_session' : 'quorum_session'
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: https }
    await app.register(cookie)
    await app.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: https ? '__Host-quorum_csrf' : 'quorum_csrf',
      cookieOpts: cookieOptions,
      getUserInfo: userInfoOf,
      getToken: tokenOf,
      csrfOpts: { hmacKey: await getOrCreateSecret(app.db, 'csrf-hmac') },
    })
    app.decorate('sessionCookieName', sessionCookie)
    app.decorateRequest('sessionIdHash', null)
    app.decorateRequest('emailUnverified', false)
    app.decorateReply('startSession', function (this: FastifyReply, token: string) {
      return this.setCookie(sessionCookie, token, {
        ...cookieOptions,
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      })
    })
    app.decorateReply('endSession', function (this: FastifyReply) {
      return this.clearCookie(sessionCookie, cookieOptions)
    })

    app.addHook('onRequest', async (req, reply) => {
      if (req.url.startsWith('/assets/') || req.routeOptions.config.operations) return
      const token = req.cookies[sessionCookie]
      if (token) {
        const found = await findSessionViewer(req.db, token, Date.now(), clientOf(req))
        if (found) {
          req.viewer = found.viewer
          req.sessionIdHash = found.idHash
          req.emailUnverified = found.emailUnverified
        } else {
          reply.endSession() // expired or ended elsewhere: stop sending it
        }
      }
      // The one mapping answers: a page, JSON for the islands, problem details for the API.
      if (UNSAFE.has(req.method) && isCrossSite(req))
        return sendFailure(req, reply, {
          code: 'forbidden',
          reason: msg('Cross-site requests are not accepted.'),
        })
    })

    // Every unsafe request carries a token from a page we rendered for this session.
    app.addHook('preHandler', (req, reply, done) => {
      if (!UNSAFE.has(req.method)) return done()
      if (req.routeOptions.config.csrf === 'route' && isMultipartBody(req)) return done()
      if (req.routeOptions.config.csrf === 'signed' || req.routeOptions.config.csrf === 'none')
        return done()
      // An API request with a bearer token: no cookie vouches for it, so no cross-site form can forge it.
      if (req.apiAuth === 'token') return done()
      // An API request with no credentials at all: nothing vouches for it, and its route answers 401.
      if (!req.viewer && req.url.startsWith('/api/')) return done()
      app.csrfProtection(req, reply, done)
    })

    // Pages for signed-in people carry a token for their forms (logout, reply, boost, ...), whatever
    // rendered them: a GET, or a POST answered with a page (a preview, a form with errors, an error page).
    app.addHook('preHandler', async (req, reply) => {
      if (req.viewer && req.apiAuth !== 'token') req.csrfToken = csrfTokenFor(req, reply)
    })
  },
  { name: 'session', dependencies: ['db', 'viewer'] },
)

/** The browser and address a session records (TRUST_PROXY decides `req.ip`). */
export function clientOf(req: FastifyRequest): { userAgent: string | undefined; ip: string } {
  return { userAgent: req.headers['user-agent'], ip: req.ip }
}

/** Gives an anonymous form page (sign in, register) a CSRF token. */
export function ensureCsrfToken(req: FastifyRequest, reply: FastifyReply): string {
  req.csrfToken ??= csrfTokenFor(req, reply)
  return req.csrfToken
}

/**
 * Whether `token` is one this session's pages carry: the same check as the hook, for a route that reads
 * the token from a streamed body (config `csrf: 'route'`). @fastify/csrf-protection's check is
 * synchronous and answers through `reply.send` only when it fails, so a stand-in reply records that.
 */
export function isCsrfTokenValid(req: FastifyRequest, token: string | undefined): boolean {
  let valid = false
  const body = req.body
  req.body = { _csrf: token ?? '' }
  try {
    const verdict = { send: () => verdict } as unknown as FastifyReply
    req.server.csrfProtection(req, verdict, () => (valid = true))
  } finally {
    req.body = body
  }
  return valid
}

function isMultipartBody(req: FastifyRequest): boolean {
  return /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')
}

/** A new token bound to the current session (or to "anonymous"), as the check expects. */
export function csrfTokenFor(req: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: userInfoOf(req) })
}

/** The token from a form field (urlencoded or multipart) or, for the islands, the x-csrf-token header. */
function tokenOf(req: FastifyRequest): string | undefined {
  const field = (req.body as Record<string, unknown> | undefined)?._csrf
  if (typeof field === 'string') return field
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string')
    return field.value
  const header = req.headers['x-csrf-token']
  return typeof header === 'string' ? header : undefined
}

function userInfoOf(req: FastifyRequest): string {
  return req.sessionIdHash ?? 'anonymous'
}

/** Fetch metadata and Origin both say where a request came from; either one saying "elsewhere" is enough. */
function isCrossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') return true
  const origin = req.headers.origin
  if (origin === undefined || origin === 'null') return origin === 'null'
  try {
    return new URL(origin).host !== req.headers.host
  } catch {
    return true
  }
}
