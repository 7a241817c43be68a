import type { FastifyPluginAsync } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { getProfile, listUserThreads } from '../../../domain/users/index.js'
import { ProfilePage } from '../../../views/pages/profile-page.js'
import { sendError } from '../../plugins/errors.js'
import { sendPage, siteFor } from '../../page.js'
import { pageWindow } from '../../paging.js'
import { PageQuery } from '../../schemas/listing.js'

const UserParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) })

export const userRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Static<typeof UserParams>; Querystring: Static<typeof PageQuery> }>(
    '/users/:username',
    { schema: { params: UserParams, querystring: PageQuery } },
    async (req, reply) => {
      const profile = await getProfile(req.db, req.params.username)
      if (!profile)
        return sendError(
          req,
          reply,
          404,
          'No such person',
          `Nobody here is called “${req.params.username}”.`,
        )
      if (profile.username !== req.params.username)
        return reply.redirect(`/users/${encodeURIComponent(profile.username)}`, 301)
      const home = `/users/${encodeURIComponent(profile.username)}`
      const window = pageWindow(req, reply, {
        page: req.query.page ?? 1,
        total: profile.counts.threads,
        what: `${profile.username}’s list of threads`,
        lastHref: (n) => (n > 1 ? `${home}?page=${n}` : home),
      })
      if (!window) return reply
      const threads = await listUserThreads(req.db, profile.id, {
        limit: window.limit,
        offset: window.offset,
      })
      return sendPage(reply, 200, ProfilePage, {
        site: siteFor(req),
        profile,
        threads,
        paging: window.paging,
      })
    },
  )
}
