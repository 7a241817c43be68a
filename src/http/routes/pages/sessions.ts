/** /settings/sessions: the person's sessions, signing one out, signing out everywhere else. */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { endOtherSessions, endSessionById, listSessions } from '../../../domain/sessions/index.js'
import { SessionsPage } from '../../../views/pages/sessions-page.js'
import { sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { SessionForm } from '../../schemas/forms.js'
import { msg } from '../../../domain/shared/index.js'
import { translate } from '../../../i18n/index.js'

const PAGE = '/settings/sessions'

const EndedQuery = Type.Object(
  { ended: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })) },
  { additionalProperties: false },
)

export const sessionRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: Static<typeof EndedQuery> }>(
    PAGE,
    { schema: { querystring: EndedQuery } },
    async (req, reply) => {
      if (!req.viewer) return reply.redirect(`/login?next=${PAGE}`, 303)
      const ended = Number(req.query.ended ?? 0)
      return sendPage(reply, 200, SessionsPage, {
        site: siteFor(req),
        sessions: await listSessions(req.db, req.viewer, req.sessionIdHash),
        notice:
          ended > 0
            ? translate(
                req.locale,
                msg(
                  '{count, plural, one {Signed out of one session.} other {Signed out of {count, number} sessions.}}',
                ),
                { count: ended },
              )
            : null,
      })
    },
  )

  app.post<{ Body: SessionForm }>(
    `${PAGE}/end`,
    { schema: { body: SessionForm } },
    async (req, reply) => {
      if (!req.viewer)
        return sendFailure(req, reply, {
          code: 'forbidden',
          reason: msg('Sign in to manage sessions.'),
        })
      const result = await endSessionById(
        req.db,
        req.viewer,
        req.body.session ?? '',
        req.sessionIdHash,
      )
      if (!result.ok) {
        req.log.warn(
          { userId: req.viewer.id, ip: req.ip },
          'sign-out of an unknown session refused',
        )
        return sendFailure(req, reply, result.failure)
      }
      req.log.info({ userId: req.viewer.id, ip: req.ip }, 'signed out one session')
      if (result.value.current) return reply.endSession().redirect('/', 303)
      return reply.redirect(`${PAGE}?ended=1`, 303)
    },
  )

  app.post(`${PAGE}/end-others`, async (req, reply) => {
    if (!req.viewer)
      return sendFailure(req, reply, {
        code: 'forbidden',
        reason: msg('Sign in to manage sessions.'),
      })
    const ended = await endOtherSessions(req.db, req.viewer, req.sessionIdHash)
    req.log.info({ userId: req.viewer.id, ip: req.ip, ended }, 'signed out everywhere else')
    return reply.redirect(`${PAGE}?ended=${ended}`, 303)
  })
}
