/** /admin/people (moderators and admins): find accounts by username, email or IP address. */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { listPeople } from '../../../domain/admin/index.js'
import { AdminPeoplePage } from '../../../views/pages/admin-people-page.js'
import { sendPage, siteFor } from '../../page.js'
import { refuseUnless } from '../../staff-gate.js'

const PeopleQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
)
type PeopleQuery = Static<typeof PeopleQuery>

const LIMIT = 100

export const adminPeopleRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: PeopleQuery }>(
    '/admin/people',
    { schema: { querystring: PeopleQuery } },
    async (req, reply) => {
      const refused = refuseUnless(req, reply, 'staff')
      if (refused) return refused
      const query = (req.query.q ?? '').trim()
      return sendPage(reply, 200, AdminPeoplePage, {
        site: siteFor(req),
        query,
        people: await listPeople(req.db, { query, limit: LIMIT }),
        limit: LIMIT,
      })
    },
  )
}
