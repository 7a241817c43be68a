/**
 * Confirming an address: "check your email" after sign-up, the page a link opens (one Confirm
 * button, so a mail scanner following the link confirms nothing), "Send again", and the change of
 * address under /settings/email.
 */
import type { FastifyPluginAsync } from 'fastify'
import {
  checkEmailLink,
  confirmEmailLink,
  findMailUser,
  requestEmailChange,
  resendVerification,
} from '../../../domain/account-mail/index.js'
import type { TokenCheck } from '../../../domain/account-mail/index.js'
import { emptyForm, type FormState } from '../../../views/forms.js'
import {
  CheckEmailPage,
  ConfirmEmailPage,
  EmailConfirmedPage,
  EmailSettingsPage,
  LinkProblemPage,
} from '../../../views/pages/email-pages.js'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { ensureCsrfToken } from '../../plugins/session.js'
import { ConfirmForm, EmailChangeForm, TokenQuery } from '../../schemas/forms.js'
import { msg } from '../../../domain/shared/index.js'
import { translate } from '../../../i18n/index.js'

export const emailVerificationRoutes: FastifyPluginAsync = async (app) => {
  app.get('/register/check-email', async (req, reply) =>
    sendPage(reply, 200, CheckEmailPage, { site: siteFor(req) }),
  )

  app.get<{ Querystring: TokenQuery }>(
    '/email/confirm',
    { schema: { querystring: TokenQuery } },
    async (req, reply) => {
      const token = req.query.token ?? ''
      const check = await checkEmailLink(req.db, token)
      if (check.state !== 'valid') return linkProblem(req, reply, check)
      ensureCsrfToken(req, reply)
      return sendPage(reply.header('cache-control', 'no-store'), 200, ConfirmEmailPage, {
        site: siteFor(req),
        token,
        email: check.row.email,
        change: check.row.purpose === 'change-email',
      })
    },
  )

  app.post<{ Body: ConfirmForm }>(
    '/email/confirm',
    { schema: { body: ConfirmForm } },
    async (req, reply) => {
      const done = await confirmEmailLink(req.db, req.body.token ?? '')
      if (done.kind === 'link') return linkProblem(req, reply, done.check)
      req.log.info({ ip: req.ip, kind: done.kind }, 'email confirmed')
      // The viewer's own address: the banner goes with this very page.
      if (req.viewer?.id === done.userId) req.emailUnverified = false
      return sendPage(reply, 200, EmailConfirmedPage, { site: siteFor(req), email: done.email })
    },
  )

  app.post('/email/verify/send', async (req, reply) => {
    if (!req.viewer)
      return sendFailure(req, reply, {
        code: 'forbidden',
        reason: msg('Sign in to confirm your address.'),
      })
    const result = await resendVerification(req.db, req.viewer, req.ip)
    if (!result.ok) return sendFailure(req, reply, result.failure)
    req.log.info({ userId: req.viewer.id, ip: req.ip }, 'verification sent again')
    return emailSettings(
      req,
      reply,
      200,
      emptyForm({ email: '' }),
      translate(req.locale, 'We are sending a new link to {email}.', { email: result.value.email }),
    )
  })

  app.get('/settings/email', async (req, reply) => {
    if (!req.viewer) return reply.redirect('/login?next=/settings/email', 303)
    return emailSettings(req, reply, 200, emptyForm({ email: '' }), null)
  })

  app.post<{ Body: EmailChangeForm }>(
    '/settings/email',
    { schema: { body: EmailChangeForm } },
    async (req, reply) => {
      if (!req.viewer)
        return sendFailure(req, reply, {
          code: 'forbidden',
          reason: msg('Sign in to change your address.'),
        })
      const email = req.body.email ?? ''
      const result = await requestEmailChange(req.db, req.viewer, {
        newEmail: email,
        password: req.body.password ?? '',
        ip: req.ip,
      })
      if (!result.ok) {
        if (result.failure.code === 'rate_limited')
          reply.header('retry-after', String(result.failure.retryAfterS))
        return emailSettings(
          req,
          reply,
          STATUS[result.failure.code],
          {
            values: { email },
            ...formErrors(result.failure, req.locale),
          },
          null,
        )
      }
      req.log.info({ userId: req.viewer.id, ip: req.ip }, 'email change asked')
      return emailSettings(
        req,
        reply,
        200,
        emptyForm({ email: '' }),
        translate(
          req.locale,
          'We are sending a link to {email}. Your address changes when you open it.',
          { email: result.value.email },
        ),
      )
    },
  )
}

async function emailSettings(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  form: FormState<{ email: string }>,
  notice: string | null,
): Promise<FastifyReply> {
  const user = req.viewer ? await findMailUser(req.db, req.viewer.id) : undefined
  return sendPage(reply, status, EmailSettingsPage, {
    site: siteFor(req),
    email: user?.email ?? null,
    verified: (user?.emailVerifiedAt ?? null) !== null,
    form,
    notice,
  })
}

function linkProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  check: Exclude<TokenCheck, { state: 'valid' }>,
): FastifyReply {
  return sendPage(reply, 410, LinkProblemPage, {
    site: siteFor(req),
    state: check.state,
    again: req.viewer
      ? {
          href: '/settings/email',
          label: translate(req.locale, 'Send a new link from your email settings'),
        }
      : {
          href: '/login?next=/settings/email',
          label: translate(req.locale, 'Sign in to send a new link'),
        },
  })
}
