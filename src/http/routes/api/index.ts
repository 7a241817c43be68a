/**
 * The public API under /api/v1 (docs/api.md): JSON over the same domain functions the pages call.
 * This scope adds what only the API has: bearer tokens (src/domain/api-tokens), problem details for every
 * error (http/problem.ts), ETag/304 on reads (@fastify/etag), CORS for anonymous reads, and the OpenAPI
 * 3.1 document @fastify/swagger writes from the routes' TypeBox schemas (served at /api/v1/openapi.json,
 * read at /api/docs).
 */
import etag from '@fastify/etag'
import swagger from '@fastify/swagger'
import type { FastifyPluginAsync } from 'fastify'
import { authenticateToken, scopesFor, type ApiScope } from '../../../domain/api-tokens/index.js'
import { sendProblem } from '../../problem.js'
import { apiDocsRoutes } from './docs.js'
import { apiListRoutes } from './lists.js'
import { apiModerationRoutes } from './moderation.js'
import { apiNotificationRoutes } from './notifications.js'
import { apiReadRoutes } from './reads.js'
import { apiStaffRoutes } from './staff.js'
import { problems } from './responses.js'
import { apiWriteRoutes } from './writes.js'
import './scopes.js'

export const API_PREFIX = '/api/v1'
/** The name and window of the per-client limit app.ts registers (RATE_LIMIT_PER_MINUTE a minute). */
const RATE_POLICY = 'per-client'
const RATE_WINDOW_S = 60

export const apiRoutes: FastifyPluginAsync = async (app) => {
  app.decorateRequest('apiScopes', null as unknown as ApiScope[])
  app.decorateRequest('apiAuth', null)
  /** The OpenAPI document, once the API's routes are registered (for /api/docs). */
  let document: () => unknown = () => ({})
  await app.register(
    async (api) => {
      document = () => api.swagger()
      await api.register(swagger, {
        openapi: {
          openapi: '3.1.0',
          info: {
            title: 'Quorum API',
            version: '1.0.0',
            description:
              'Read and write a Quorum forum. Errors are RFC 9457 problem details; lists page with cursors. See /api/docs.',
          },
          servers: [{ url: `${app.config.publicUrl}${API_PREFIX}` }],
          components: {
            securitySchemes: {
              bearer: {
                type: 'http',
                scheme: 'bearer',
                description: 'A personal access token from /settings/tokens',
              },
            },
          },
        },
        // The document lists paths relative to the server URL above.
        transform: ({ schema, url }) => ({ schema, url: url.slice(API_PREFIX.length) || '/' }),
      })
      await api.register(etag, { weak: true })
      // Any request with a body may be too large (413) or of a type no parser reads (415), whatever
      // the operation: every write declares both, so its answers stay within the document.
      const bodyProblems = problems(413, 415)
      api.addHook('onRoute', (route) => {
        const methods = [route.method].flat()
        const response = route.schema?.response as Record<string, unknown> | undefined
        if (!response || methods.every((m) => m === 'GET' || m === 'HEAD')) return
        for (const status of [413, 415]) response[status] ??= bodyProblems[status]
      })

      api.addHook('onRequest', async (req, reply) => {
        const header = req.headers.authorization
        if (header === undefined) {
          req.apiAuth = req.viewer ? 'session' : null
          req.apiScopes = req.viewer ? scopesFor(req.viewer) : []
          return
        }
        const token = /^Bearer +([!-~]{1,200})$/.exec(header)?.[1]
        const auth =
          token === undefined ? undefined : await authenticateToken(req.db, token, req.ip)
        if (!auth) {
          reply.header('www-authenticate', 'Bearer realm="quorum", error="invalid_token"')
          return sendProblem(req, reply, {
            status: 401,
            code: 'unauthenticated',
            detail: 'This token is unknown, revoked or expired.',
          })
        }
        req.viewer = auth.viewer
        req.apiScopes = auth.scopes
        req.apiAuth = 'token'
        req.emailUnverified = auth.emailUnverified
        req.sessionIdHash = null
      })

      // No operation takes a NUL character in its address, and PostgreSQL can neither store nor compare
      // text holding one: refused before a route looks anything up with it.
      api.addHook('preValidation', async (req, reply) => {
        if (/%00/i.test(req.url))
          return sendProblem(req, reply, {
            status: 400,
            code: 'bad_request',
            detail: 'The address holds a NUL character (%00), which no operation takes.',
            field: 'url',
          })
      })

      // Anonymous reads may come from any site's scripts; nothing with credentials does.
      api.addHook('onSend', async (req, reply) => {
        if ((req.method === 'GET' || req.method === 'HEAD') && req.apiAuth === null)
          reply.header('access-control-allow-origin', '*')
        reply.header('vary', 'authorization, cookie, accept-encoding')
        // The site's limit (RATE_LIMIT_PER_MINUTE) in the IETF draft's fields as well
        // (draft-ietf-httpapi-ratelimit-headers: RateLimit-Policy and RateLimit, structured fields).
        const limit = reply.getHeader('x-ratelimit-limit')
        if (limit !== undefined) {
          const remaining = Number(reply.getHeader('x-ratelimit-remaining') ?? 0)
          const reset = Number(reply.getHeader('x-ratelimit-reset') ?? RATE_WINDOW_S)
          reply.header('ratelimit-policy', `"${RATE_POLICY}";q=${String(limit)};w=${RATE_WINDOW_S}`)
          reply.header('ratelimit', `"${RATE_POLICY}";r=${remaining};t=${reset}`)
        }
      })

      api.setNotFoundHandler((req, reply) =>
        sendProblem(req, reply, {
          status: 404,
          code: 'not_found',
          detail: `There is no API operation at ${req.method} ${req.url.split('?')[0]}. See ${API_PREFIX}/openapi.json.`,
        }),
      )

      api.get('/openapi.json', { schema: { hide: true } }, async (_req, reply) =>
        reply.type('application/json; charset=utf-8').send(api.swagger()),
      )
      await api.register(apiReadRoutes)
      await api.register(apiListRoutes)
      await api.register(apiWriteRoutes)
      await api.register(apiNotificationRoutes)
      await api.register(apiModerationRoutes)
      await api.register(apiStaffRoutes)
    },
    { prefix: API_PREFIX },
  )
  await app.register(apiDocsRoutes, { document: () => document() })
}
