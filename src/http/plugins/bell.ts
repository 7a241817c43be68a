/**
 * The bell's unread count: one indexed count for each request of a signed-in viewer that can render a
 * page. Anonymous requests never pay for it, and their cached pages carry no bell.
 */
import fp from 'fastify-plugin'
import { countUnread } from '../../domain/notifications/index.js'

export const bellPlugin = fp(
  async (app) => {
    app.addHook('preHandler', async (req) => {
      if (!req.viewer || req.url.startsWith('/assets/') || req.url.startsWith('/events')) return
      req.unreadNotifications = await countUnread(req.db, req.viewer.id)
    })
  },
  { name: 'bell', dependencies: ['db', 'viewer', 'session'] },
)
