/**
 * Errors of the API as RFC 9457 problem details (`application/problem+json`): the same codes and
 * statuses as docs/errors.md, the message a person can read in `detail`, the field in `field`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported type',
  422: 'Invalid input',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
}

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8'

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  problem: { status: number; code: string; detail: string; field?: string },
): FastifyReply {
  if (problem.status >= 500) reply.header('cache-control', 'no-store')
  return reply
    .code(problem.status)
    .type(PROBLEM_TYPE)
    .send({
      type: `urn:quorum:error:${problem.code}`,
      title: TITLES[problem.status] ?? 'Request failed',
      status: problem.status,
      detail: problem.detail,
      code: problem.code,
      ...(problem.field !== undefined ? { field: problem.field } : {}),
      instance: req.url,
    })
}
