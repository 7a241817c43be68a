/**
 * Declares who is asking: `req.viewer` (null when anonymous) and the CSRF token forms embed. The
 * session plugin fills them in; until a request has a session both stay null.
 */
import fp from 'fastify-plugin'
import type { Viewer } from '../../domain/shared/index.js'

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null
    csrfToken: string | null
    /** The signed-in viewer's unread notifications, for the bell (null until counted). */
    unreadNotifications: number | null
    /** Staff: posts waiting at /review (null for everyone else, or until counted). */
    pendingReview: number | null
  }
}

export const viewerPlugin = fp(
  async (app) => {
    app.decorateRequest('viewer', null)
    app.decorateRequest('csrfToken', null)
    app.decorateRequest('unreadNotifications', null)
    app.decorateRequest('pendingReview', null)
  },
  { name: 'viewer' },
)
