/**
 * Who may open the admin pages: `admin` pages are for admins, `staff` pages for moderators and admins.
 * A signed-out visitor of a page is sent to sign in first; anyone else, and any refused POST, gets 403.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isAdmin, isStaff } from '../domain/shared/index.js'
import { sendFailure } from './failure.js'
import { msg } from '../domain/shared/index.js'

/** The refusal to send, or undefined when the viewer may go on. */
export function refuseUnless(
  req: FastifyRequest,
  reply: FastifyReply,
  who: 'admin' | 'staff',
): FastifyReply | undefined {
  if (who === 'admin' ? isAdmin(req.viewer) : isStaff(req.viewer)) return undefined
  if (!req.viewer && req.method === 'GET')
    return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303)
  return sendFailure(req, reply, {
    code: 'forbidden',
    reason:
      who === 'admin'
        ? msg('Only admins can use this page.')
        : msg('Only moderators and admins can use this page.'),
  })
}
