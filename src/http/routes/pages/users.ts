import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import {
  countProfilePosts,
  getProfile,
  listProfilePosts,
  listUserThreads,
  type ProfileTab,
} from '../../../domain/users/index.js'
import { ProfilePage, profilePageHref } from '../../../views/pages/profile-page.js'
import { sendError } from '../../plugins/errors.js'
import { sendPage, siteFor } from '../../page.js'
import { pageWindow } from '../../paging.js'
import { PageQuery } from '../../schemas/listing.js'
import { msg } from '../../../domain/shared/index.js'

const UserParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) })
type UserParams = Static<typeof UserParams>
type PageQuery = Static<typeof PageQuery>

/**
 * The person a profile URL names, or undefined having answered: 404 for nobody, 301 to the name's
 * own spelling (`/users/ADA/answers` → `/users/ada/answers`).
 */
async function profileFor(
  req: FastifyRequest<{ Params: UserParams }>,
  reply: FastifyReply,
  tab: 'questions' | ProfileTab,
) {
  const profile = await getProfile(req.db, req.params.username)
  if (!profile) {
    await sendError(req, reply, 404, msg('No such person'), {
      message: msg('Nobody here is called “{username}”.'),
      values: { username: req.params.username },
    })
    return undefined
  }
  if (profile.username !== req.params.username) {
    await reply.redirect(profilePageHref(profile.username, 1, tab), 301)
    return undefined
  }
  return profile
}

export const userRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: UserParams; Querystring: PageQuery }>(
    '/users/:username',
    { schema: { params: UserParams, querystring: PageQuery } },
    async (req, reply) => {
      const profile = await profileFor(req, reply, 'questions')
      if (!profile) return reply
      const window = pageWindow(req, reply, {
        page: req.query.page ?? 1,
        total: profile.counts.threads,
        what: `${profile.username}’s list of threads`,
        lastHref: (n) => profilePageHref(profile.username, n),
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

  // The Answers and Activity tabs: the person's replies (accepted ones marked), or everything they
  // wrote, newest first, 20 a page.
  for (const tab of ['answers', 'activity'] as const) {
    app.get<{ Params: UserParams; Querystring: PageQuery }>(
      `/users/:username/${tab}`,
      { schema: { params: UserParams, querystring: PageQuery } },
      async (req, reply) => {
        const profile = await profileFor(req, reply, tab)
        if (!profile) return reply
        const window = pageWindow(req, reply, {
          page: req.query.page ?? 1,
          total: await countProfilePosts(req.db, profile.id, tab),
          what: `${profile.username}’s ${tab}`,
          lastHref: (n) => profilePageHref(profile.username, n, tab),
        })
        if (!window) return reply
        const posts = await listProfilePosts(req.db, profile.id, tab, {
          limit: window.limit,
          offset: window.offset,
        })
        return sendPage(reply, 200, ProfilePage, {
          site: siteFor(req),
          profile,
          tab,
          posts,
          paging: window.paging,
        })
      },
    )
  }
}
