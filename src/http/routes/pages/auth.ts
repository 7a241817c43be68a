/** Register, sign in, sign out, and the password change on /settings. */
import type { FastifyPluginAsync } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { deleteSession } from '../../../domain/sessions/index.js'
import { guardedSignUp, signUpStamp } from '../../../domain/trust/index.js'
import { beginSignIn } from '../../../domain/two-factor/index.js'
import { changePassword } from '../../../domain/users/index.js'
import { allowProviderForms, providerButtons } from './oidc.js'
import { emptyForm } from '../../../views/forms.js'
import { LoginPage } from '../../../views/pages/login-page.js'
import { RegisterPage } from '../../../views/pages/register-page.js'
import { formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { ensureCsrfToken } from '../../plugins/session.js'
import { sendToSecondStep } from './two-factor.js'
import { sendSettingsPage } from './avatar-settings.js'
import { LoginForm, NextField, PasswordForm, RegisterForm, safeNext } from '../../schemas/forms.js'
import { msg } from '../../../domain/shared/index.js'
import { translate } from '../../../i18n/index.js'

/** The notice /settings shows after the avatar forms redirect to it (`?avatar=saved`). */
const AVATAR_NOTICES: Record<string, string> = {
  saved: msg('Avatar updated: your posts and profile show the new image.'),
  removed: msg(
    'Uploaded avatar removed: your posts and profile show the avatar drawn from your name.',
  ),
}

const NextQuery = Type.Object({
  next: Type.Optional(NextField),
  /** Set by a password reset of an account with a second factor, which signs nobody in. */
  reset: Type.Optional(Type.Literal('1')),
})

/** `invite`: the code of an invitation link (/admin/invites), filled into the form. */
const RegisterQuery = Type.Object({ invite: Type.Optional(Type.String({ maxLength: 100 })) })

export const authRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: Static<typeof RegisterQuery> }>(
    '/register',
    { schema: { querystring: RegisterQuery } },
    async (req, reply) => {
      if (req.viewer) return reply.redirect('/', 303)
      ensureCsrfToken(req, reply)
      const { registration } = await req.server.siteSettings.get()
      return sendPage(reply, 200, RegisterPage, {
        site: siteFor(req),
        form: emptyForm({ username: '', email: '', invite: req.query.invite ?? '' }),
        registration,
        stamp: await signUpStamp(req.db),
      })
    },
  )

  app.post<{ Body: RegisterForm }>(
    '/register',
    { schema: { body: RegisterForm } },
    async (req, reply) => {
      const values = {
        username: req.body.username ?? '',
        email: req.body.email ?? '',
        invite: req.body.invite ?? '',
      }
      const settings = await req.server.siteSettings.get()
      const result = await guardedSignUp(
        req.db,
        {
          username: values.username,
          email: values.email,
          password: req.body.password ?? '',
          ip: req.ip,
          userAgent: req.headers['user-agent'],
          honeypot: req.body.website ?? '',
          stamp: req.body.started ?? '',
          invite: values.invite,
        },
        settings,
      )
      if (!result.ok) {
        req.log.info(
          { username: values.username, ip: req.ip, code: result.failure.code },
          'registration refused',
        )
        if (result.failure.code === 'rate_limited')
          reply.header('retry-after', String(result.failure.retryAfterS))
        ensureCsrfToken(req, reply)
        // The form comes back filled in (never the password), with a fresh stamp to send it again.
        return sendPage(reply, STATUS[result.failure.code], RegisterPage, {
          site: siteFor(req),
          form: { values, ...formErrors(result.failure, req.locale) },
          registration: settings.registration,
          stamp: await signUpStamp(req.db),
        })
      }
      // A new address and one that has an account get the same answer, and no session: a cookie in
      // one answer and not the other would say which it was (issue 28 finding 10).
      req.log.info({ ip: req.ip, created: result.value.created }, 'registration accepted')
      return reply.redirect('/register/check-email', 303)
    },
  )

  app.get<{ Querystring: Static<typeof NextQuery> }>(
    '/login',
    { schema: { querystring: NextQuery } },
    async (req, reply) => {
      const next = safeNext(req.query.next, app.config.publicUrl)
      if (req.viewer) return reply.redirect(next, 303)
      ensureCsrfToken(req, reply)
      allowProviderForms(reply, app.config.oidcProviders)
      return sendPage(reply, 200, LoginPage, {
        site: siteFor(req),
        form: emptyForm({ login: '' }),
        next: req.query.next ? next : null,
        providers: providerButtons(app.config.oidcProviders),
        notice:
          req.query.reset === '1'
            ? 'Your password is changed. Sign in with it, then with your second factor.'
            : null,
      })
    },
  )

  app.post<{ Body: LoginForm }>('/login', { schema: { body: LoginForm } }, async (req, reply) => {
    const login = req.body.login ?? ''
    const next = safeNext(req.body.next, app.config.publicUrl)
    const result = await beginSignIn(req.db, {
      login,
      password: req.body.password ?? '',
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    })
    if (!result.ok) {
      req.log.warn({ login, ip: req.ip, code: result.failure.code }, 'sign-in failed')
      if (result.failure.code === 'rate_limited')
        reply.header('retry-after', String(result.failure.retryAfterS))
      // A fresh anonymous token: the old one was bound to no session either, but never reuse a form's.
      ensureCsrfToken(req, reply)
      const status = STATUS[result.failure.code]
      allowProviderForms(reply, app.config.oidcProviders)
      return sendPage(reply, status, LoginPage, {
        site: siteFor(req),
        form: { values: { login }, ...formErrors(result.failure, req.locale) },
        next: req.body.next ? next : null,
        providers: providerButtons(app.config.oidcProviders),
      })
    }
    if (result.value.kind === 'second-step') {
      req.log.info({ userId: result.value.viewer.id, ip: req.ip }, 'password right, second step')
      return sendToSecondStep(req, reply, result.value.ticket, next)
    }
    req.log.info({ userId: result.value.viewer.id, ip: req.ip }, 'signed in')
    return reply.startSession(result.value.token).redirect(next, 303)
  })

  app.post('/logout', async (req, reply) => {
    const token = req.cookies[req.server.sessionCookieName]
    if (token) await deleteSession(req.db, token)
    return reply.endSession().redirect('/', 303)
  })

  app.get<{ Querystring: { avatar?: string } }>('/settings', async (req, reply) => {
    if (!req.viewer) return reply.redirect('/login?next=/settings', 303)
    const notice = AVATAR_NOTICES[req.query.avatar ?? '']
    return sendSettingsPage(req, reply, 200, {
      notice: notice === undefined ? null : translate(req.locale, notice),
    })
  })

  app.post<{ Body: PasswordForm }>(
    '/settings/password',
    { schema: { body: PasswordForm } },
    async (req, reply) => {
      if (!req.viewer)
        return sendFailure(req, reply, {
          code: 'forbidden',
          reason: msg('Sign in to change your password.'),
        })
      const result = await changePassword(req.db, req.viewer, {
        currentPassword: req.body.current_password ?? '',
        newPassword: req.body.new_password ?? '',
        keepSessionHash: req.sessionIdHash,
      })
      if (!result.ok)
        return sendSettingsPage(req, reply, STATUS[result.failure.code], {
          form: { values: {}, ...formErrors(result.failure, req.locale) },
        })
      req.log.info(
        { userId: req.viewer.id, endedSessions: result.value.endedSessions },
        'password changed',
      )
      return sendSettingsPage(req, reply, 200, {
        notice: translate(req.locale, 'Password changed; your other sessions were signed out.'),
      })
    },
  )
}
