/** /notifications (the list, mark all read), /watch (a thread's or tag's level) and /settings/watching. */
import type { FastifyPluginAsync } from 'fastify'
import type { Static } from '@sinclair/typebox'
import {
  countNotifications,
  listNotifications,
  markAllNotificationsRead,
} from '../../../domain/notifications/index.js'
import { listUserWatches, setWatchLevel } from '../../../domain/watching/index.js'
import { NotificationsPage } from '../../../views/pages/notifications-page.js'
import { WatchingPage } from '../../../views/pages/watching-page.js'
import { sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { pageWindow } from '../../paging.js'
import { formBody, safeNext } from '../../schemas/forms.js'
import { PageQuery } from '../../schemas/listing.js'

const WatchForm = formBody(['target', 'id', 'level', 'next'], 500)
type WatchForm = Static<typeof WatchForm>
const ReadAllForm = formBody([])

export const notificationRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: Static<typeof PageQuery> }>(
    '/notifications',
    { schema: { querystring: PageQuery } },
    async (req, reply) => {
      if (!req.viewer) return reply.redirect('/login?next=/notifications', 303)
      const total = await countNotifications(req.db, req.viewer.id)
      const window = pageWindow(req, reply, {
        page: req.query.page ?? 1,
        total,
        what: 'Your notifications',
        lastHref: (n) => (n > 1 ? `/notifications?page=${n}` : '/notifications'),
      })
      if (!window) return reply
      const groups = await listNotifications(req.db, req.viewer, window)
      return sendPage(reply, 200, NotificationsPage, {
        site: siteFor(req),
        groups,
        paging: window.paging,
      })
    },
  )

  app.post('/notifications/read-all', { schema: { body: ReadAllForm } }, async (req, reply) => {
    const result = await markAllNotificationsRead(req.db, req.viewer)
    if (!result.ok) return sendFailure(req, reply, result.failure)
    return reply.redirect('/notifications', 303)
  })

  app.post<{ Body: WatchForm }>('/watch', { schema: { body: WatchForm } }, async (req, reply) => {
    const { target, id, level, next } = req.body
    const parsed = /^[1-9]\d{0,9}$/.test(id ?? '') ? Number(id) : 0
    const numericId = parsed <= 2_147_483_647 ? parsed : 0
    const result = await setWatchLevel(req.db, req.viewer, {
      target: target === 'tag' ? 'tag' : 'thread',
      id: numericId,
      level,
    })
    if (!result.ok) return sendFailure(req, reply, result.failure)
    return reply.redirect(safeNext(next, app.config.publicUrl), 303)
  })

  app.get('/settings/watching', async (req, reply) => {
    if (!req.viewer) return reply.redirect('/login?next=/settings/watching', 303)
    const watches = await listUserWatches(req.db, req.viewer.id)
    return sendPage(reply, 200, WatchingPage, { site: siteFor(req), watches })
  })
}
