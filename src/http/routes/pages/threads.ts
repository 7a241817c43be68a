import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { getDraft } from '../../../domain/drafts/index.js'
import { getThreadPage, getThreadViewerState } from '../../../domain/threads/index.js'
import { getThreadSignaturePanels } from '../../../domain/signatures/index.js'
import { onCacheHit } from '../../plugins/page-cache.js'
import { recordView } from '../../plugins/views.js'
import { ThreadPage } from '../../../views/pages/thread-page.js'
import { sendError } from '../../plugins/errors.js'
import { sendPage, siteFor } from '../../page.js'
import { threadPath } from '../../../domain/format/index.js'
import { getWatchState, markThreadRead } from '../../../domain/watching/index.js'
import { msg } from '../../../domain/shared/index.js'
import { translate } from '../../../i18n/index.js'

const ThreadParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  slug: Type.Optional(Type.String({ maxLength: 300 })),
})
type ThreadParams = Static<typeof ThreadParams>

/** `?held=approval|duplicate`: the author's new post waits for a moderator (post-answers.ts). */
const ThreadQuery = Type.Object({
  held: Type.Optional(Type.Union([Type.Literal('approval'), Type.Literal('duplicate')])),
})
type ThreadQuery = Static<typeof ThreadQuery>

/** What the author is told when their new post waits for a moderator. */
const HELD_NOTICES = {
  approval: msg(
    'Thanks! Posts from new accounts wait for a moderator before others can see them; yours will appear once approved.',
  ),
  duplicate: msg(
    'Your post repeats text posted just before, so it waits for a moderator before others can see it.',
  ),
} as const

export const threadRoutes: FastifyPluginAsync = async (app) => {
  const show = async (
    req: FastifyRequest<{ Params: ThreadParams; Querystring: ThreadQuery }>,
    reply: FastifyReply,
  ) => {
    const id = /^[1-9]\d{0,9}$/.test(req.params.id) ? Number(req.params.id) : NaN
    const data =
      Number.isSafeInteger(id) && id <= 2_147_483_647
        ? await getThreadPage(req.readDb, id, req.viewer)
        : undefined
    if (!data)
      return sendError(
        req,
        reply,
        404,
        msg('Thread not found'),
        msg('This thread does not exist or has been deleted.'),
        [{ href: '/tags', label: msg('Browse tags') }],
      )
    // A stale or mistyped slug redirects to the canonical address, as titles can change.
    if (req.params.slug !== undefined && req.params.slug !== data.thread.slug) {
      return reply.redirect(threadPath(id, data.thread.slug), 301)
    }
    recordView(req, id)
    onCacheHit(req, (hit) => recordView(hit, id)) // a cached copy of this page still counts the view
    const viewer = req.viewer ? await getThreadViewerState(req.readDb, req.viewer, id) : undefined
    const watch = req.viewer ? await getWatchState(req.readDb, req.viewer, 'thread', id) : undefined
    // The read position behind "N new" on lists; signed-in views only (their pages are never cached).
    if (req.viewer) await markThreadRead(req.db, req.viewer, data.thread)
    const signatures = await getThreadSignaturePanels(req.readDb, id)
    // The reply the viewer was writing, from the primary: it may have been saved a moment ago.
    const draft = viewer?.canReply === true ? await getDraft(req.db, req.viewer, id) : undefined
    const held = req.viewer ? req.query.held : undefined
    return sendPage(reply, 200, ThreadPage, {
      site: siteFor(req),
      data,
      viewer,
      signatures,
      watch,
      ...(draft !== undefined ? { draft } : {}),
      ...(held !== undefined ? { notice: translate(req.locale, HELD_NOTICES[held]) } : {}),
    })
  }
  const schema = { params: ThreadParams, querystring: ThreadQuery }
  app.get<{ Params: ThreadParams; Querystring: ThreadQuery }>('/threads/:id', { schema }, show)
  app.get<{ Params: ThreadParams; Querystring: ThreadQuery }>(
    '/threads/:id/:slug',
    { schema },
    show,
  )
}
