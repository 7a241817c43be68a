/** What every API operation declares about its error answers, and the 404 the profile reads share. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { sendProblem } from '../../problem.js'
import { Problem } from '../../schemas/api.js'

/** The 404 of an operation on a person who does not exist. */
export const noSuchPerson = (req: FastifyRequest, reply: FastifyReply, username: string) =>
  sendProblem(req, reply, {
    status: 404,
    code: 'not_found',
    detail: `Nobody here is called “${username}”.`,
  })

/**
 * Error answers an operation may give, by status: those named, and the ones any request can meet (a
 * malformed address or body 400, a bad token 401, the rate limit 429, an unavailable database 503).
 */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(
    [...new Set([...statuses, 400, 401, 429, 503])].map((s) => [
      s,
      {
        description: 'Problem details',
        content: { 'application/problem+json': { schema: Problem } },
      },
    ]),
  )
