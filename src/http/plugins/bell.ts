/**
 * The bell's unread count: one indexed count for each GET of a signed-in viewer that asks for a page
 * (not JSON, not a stream). Anonymous requests never pay for it, and their cached pages carry no bell;
 * a page answering a POST (a form with errors) shows the bell without its count. Staff also get the
 * number of posts waiting at /review.
 */
import fp from 'fastify-plugin'
import { countPendingReviewItems } from '../../domain/moderation/index.js'
import { countUnread } from '../../domain/notifications/index.js'
import { isStaff } from '../../domain/shared/index.js'
import { wantsJson } from '../failure.js'

export const bellPlugin = fp(
  async (app) => {
    app.addHook('preHandler', async (req) => {
      if (!req.viewer || req.method !== 'GET' || wantsJson(req)) return
      if (req.url.startsWith('/assets/') || req.url.startsWith('/events')) return
      req.unreadNotifications = await countUnread(req.db, req.viewer.id)
      // Staff see how many posts wait at /review ("Review (3)" in the header).
      if (isStaff(req.viewer)) req.pendingReview = await countPendingReviewItems(req.db)
    })
  },
  { name: 'bell', dependencies: ['db', 'viewer', 'session'] },
)
