/** Forgot password (/password/forgot) and the reset link (/password/reset?token=…). */
import type { FastifyPluginAsync } from 'fastify'
import {
  checkResetLink,
  findMailUser,
  requestPasswordReset,
  resetPassword,
} from '../../../domain/account-mail/index.js'
import { emptyForm } from '../../../views/forms.js'
import { LinkProblemPage } from '../../../views/pages/email-pages.js'
import { ForgotPasswordPage, ResetPasswordPage } from '../../../views/pages/password-pages.js'
import { formErrors, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { ensureCsrfToken } from '../../plugins/session.js'
import { ForgotForm, ResetForm, TokenQuery } from '../../schemas/forms.js'
import { msg } from '../../../domain/shared/index.js'

const ASK_AGAIN = { href: '/password/forgot', label: msg('Ask for a new link') }

export const passwordResetRoutes: FastifyPluginAsync = async (app) => {
  app.get('/password/forgot', async (req, reply) => {
    ensureCsrfToken(req, reply)
    return sendPage(reply, 200, ForgotPasswordPage, {
      site: siteFor(req),
      form: emptyForm({ login: '' }),
      sentTo: null,
    })
  })

  app.post<{ Body: ForgotForm }>(
    '/password/forgot',
    { schema: { body: ForgotForm } },
    async (req, reply) => {
      const login = (req.body.login ?? '').trim()
      const result = await requestPasswordReset(req.db, { login, ip: req.ip })
      if (!result.ok) {
        if (result.failure.code === 'rate_limited')
          reply.header('retry-after', String(result.failure.retryAfterS))
        ensureCsrfToken(req, reply)
        return sendPage(reply, STATUS[result.failure.code], ForgotPasswordPage, {
          site: siteFor(req),
          form: { values: { login }, ...formErrors(result.failure, req.locale) },
          sentTo: null,
        })
      }
      req.log.info({ ip: req.ip }, 'password reset asked')
      // The same page whether or not an account matched (no enumeration).
      return sendPage(reply, 200, ForgotPasswordPage, {
        site: siteFor(req),
        form: emptyForm({ login: '' }),
        sentTo: login,
      })
    },
  )

  app.get<{ Querystring: TokenQuery }>(
    '/password/reset',
    { schema: { querystring: TokenQuery } },
    async (req, reply) => {
      const token = req.query.token ?? ''
      const check = await checkResetLink(req.db, token)
      if (check.state !== 'valid')
        return sendPage(reply, 410, LinkProblemPage, {
          site: siteFor(req),
          state: check.state,
          again: ASK_AGAIN,
        })
      ensureCsrfToken(req, reply)
      return sendPage(reply.header('cache-control', 'no-store'), 200, ResetPasswordPage, {
        site: siteFor(req),
        token,
        username: (await usernameOf(req.db, check.row.userId)) ?? '',
        form: emptyForm({}),
      })
    },
  )

  app.post<{ Body: ResetForm }>(
    '/password/reset',
    { schema: { body: ResetForm } },
    async (req, reply) => {
      const token = req.body.token ?? ''
      const result = await resetPassword(req.db, { token, password: req.body.password ?? '' })
      if (!result.ok) {
        ensureCsrfToken(req, reply)
        return sendPage(reply, STATUS[result.failure.code], ResetPasswordPage, {
          site: siteFor(req),
          token,
          username: req.body.username ?? '',
          form: { values: {}, ...formErrors(result.failure, req.locale) },
        })
      }
      const done = result.value
      if (done.kind === 'link')
        return sendPage(reply, 410, LinkProblemPage, {
          site: siteFor(req),
          state: done.check.state,
          again: ASK_AGAIN,
        })
      req.log.info(
        { userId: done.userId, ip: req.ip, endedSessions: done.endedSessions },
        'password reset',
      )
      if (done.token === null) return reply.redirect('/login?reset=1', 303)
      return reply.startSession(done.token).redirect('/', 303)
    },
  )
}

async function usernameOf(
  db: Parameters<typeof findMailUser>[0],
  userId: number,
): Promise<string | undefined> {
  return (await findMailUser(db, userId))?.username
}
