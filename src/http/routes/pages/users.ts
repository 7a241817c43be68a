import type { FastifyPluginAsync } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { getProfile, listUserThreads } from '../../../domain/users/index.js'
import { ProfilePage } from '../../../views/pages/profile-page.js'
import { sendError } from '../../plugins/errors.js'
import { sendPage, siteFor } from '../../page.js'
import { PageQuery } from '../../schemas/listing.js'
import { PAGE_SIZE } from './tags.js'

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
      const page = req.query.page ?? 1
      const total = profile.counts.threads
      const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
      if (page > pageCount) {
        return sendError(
          req,
          reply,
          404,
          'No such page',
          `${profile.username} has ${pageCount} page${pageCount === 1 ? '' : 's'} of threads.`,
          [
            {
              href: `/users/${encodeURIComponent(profile.username)}${pageCount > 1 ? `?page=${pageCount}` : ''}`,
              label: `Go to the last page (${pageCount})`,
            },
          ],
        )
      }
      const threads = await listUserThreads(req.db, profile.id, {
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      })
      return sendPage(reply, 200, ProfilePage, {
        site: siteFor(req),
        profile,
        threads,
        paging: { page, pageCount, total, pageSize: PAGE_SIZE },
      })
    },
  )
}
