import type { FastifyPluginAsync } from 'fastify'
import { listTags } from '../../../domain/tags/index.js'
import { listHomeThreads, listUnreadCounts } from '../../../domain/watching/index.js'
import { HomePage } from '../../../views/pages/home-page.js'
import { sendPage, siteFor } from '../../page.js'

export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async (req, reply) => {
    const [latest, tags] = await Promise.all([
      listHomeThreads(req.readDb, req.viewer, 20),
      listTags(req.readDb, 12),
    ])
    // Signed-in only ("3 new"): anonymous pages stay identical for everyone, and cached.
    const unread = await listUnreadCounts(req.db, req.viewer, latest)
    return sendPage(reply, 200, HomePage, { site: siteFor(req), latest, tags, unread })
  })
}
