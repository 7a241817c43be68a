/** What an API request may do: its scopes, and the one check each operation makes before acting. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ApiScope } from '../../../domain/api-tokens/index.js'
import { sendProblem } from '../../problem.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** What this API request may do: a token's scopes, or every scope a session's role allows. */
    apiScopes: ApiScope[]
    /** How the API request was authenticated. */
    apiAuth: 'token' | 'session' | null
  }
}

/** Refuses the request unless its token or session holds `scope`; true when refused. */
export function refuseWithoutScope(
  req: FastifyRequest,
  reply: FastifyReply,
  scope: ApiScope,
): boolean {
  if (!req.viewer) {
    reply.header('www-authenticate', 'Bearer realm="quorum"')
    sendProblem(req, reply, {
      status: 401,
      code: 'unauthenticated',
      detail:
        'Send a personal access token: Authorization: Bearer <token> (make one at /settings/tokens).',
    })
    return true
  }
  if (!req.apiScopes.includes(scope)) {
    sendProblem(req, reply, {
      status: 403,
      code: 'forbidden',
      detail: `This needs the “${scope}” scope, which this token does not have.`,
    })
    return true
  }
  return false
}
