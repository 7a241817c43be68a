import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { getThreadPage, getThreadViewerState } from '../../../domain/threads/index.js'
import { getThreadSignaturePanels } from '../../../domain/signatures/index.js'
import { onCacheHit } from '../../plugins/page-cache.js'
import { recordView } from '../../plugins/views.js'
import { ThreadPage } from '../../../views/pages/thread-page.js'
import { sendError } from '../../plugins/errors.js'
import { sendPage, siteFor } from '../../page.js'
import { threadPath } from '../../../domain/format/index.js'
import { getWatchState } from '../../../domain/watching/index.js'

const ThreadParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  slug: Type.Optional(Type.String({ maxLength: 300 })),
})
type ThreadParams = Static<typeof ThreadParams>

export const threadRoutes: FastifyPluginAsync = async (app) => {
  const show = async (req: FastifyRequest<{ Params: ThreadParams }>, reply: FastifyReply) => {
    const id = /^[1-9]\d{0,9}$/.test(req.params.id) ? Number(req.params.id) : NaN
    const data =
      Number.isSafeInteger(id) && id <= 2_147_483_647
        ? await getThreadPage(req.db, id, req.viewer)
        : undefined
    if (!data)
      return sendError(
        req,
        reply,
        404,
        'Thread not found',
        'This thread does not exist or has been deleted.',
        [{ href: '/tags', label: 'Browse tags' }],
      )
    // A stale or mistyped slug redirects to the canonical address, as titles can change.
    if (req.params.slug !== undefined && req.params.slug !== data.thread.slug) {
      return reply.redirect(threadPath(id, data.thread.slug), 301)
    }
    recordView(req, id)
    onCacheHit(req, (hit) => recordView(hit, id)) // a cached copy of this page still counts the view
    const viewer = req.viewer ? await getThreadViewerState(req.db, req.viewer, id) : undefined
    const watch = req.viewer ? await getWatchState(req.db, req.viewer, 'thread', id) : undefined
    const signatures = await getThreadSignaturePanels(req.db, id)
    return sendPage(reply, 200, ThreadPage, { site: siteFor(req), data, viewer, signatures, watch })
  }
  app.get<{ Params: ThreadParams }>('/threads/:id', { schema: { params: ThreadParams } }, show)
  app.get<{ Params: ThreadParams }>(
    '/threads/:id/:slug',
    { schema: { params: ThreadParams } },
    show,
  )
}
