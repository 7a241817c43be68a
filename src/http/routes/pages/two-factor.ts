/**
 * The second step of signing in (/login/two-factor) and the security settings (/settings/security):
 * TOTP on and off, recovery codes. Passkeys have their routes in passkeys.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import type { Failure } from '../../../domain/shared/index.js'
import {
  disableTotp,
  enableTotp,
  findSecondStep,
  findTotpSetup,
  finishSecondStep,
  getSecurityOverview,
  regenerateRecoveryCodes,
  SECOND_STEP_TTL_MS,
  startTotpSetup,
} from '../../../domain/two-factor/index.js'
import { emptyForm, type FormState } from '../../../views/forms.js'
import { SecondStepPage } from '../../../views/pages/second-step-page.js'
import {
  SecuritySettingsPage,
  type SecuritySettingsPageProps,
  type SecurityValues,
} from '../../../views/pages/security-settings-page.js'
import { failureMessage, formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { ensureCsrfToken } from '../../plugins/session.js'
import { formBody, NextField, safeNext } from '../../schemas/forms.js'
import { msg } from '../../../domain/shared/index.js'
import { translate } from '../../../i18n/index.js'

const ISSUER = 'Quorum'
const NextQuery = Type.Object({ next: Type.Optional(NextField) })
type NextQuery = Static<typeof NextQuery>
const CodeForm = formBody(['code'], 200)
type CodeForm = Static<typeof CodeForm>
const PasswordOnlyForm = formBody(['password'], 2000)
type PasswordOnlyForm = Static<typeof PasswordOnlyForm>
const EmptyForm = formBody([])

/** The cookie that binds a pending sign-in to this browser (HttpOnly, 10 minutes). */
export function pendingCookieName(req: FastifyRequest): string {
  return isHttps(req) ? '__Host-quorum_2fa' : 'quorum_2fa'
}

/**
 * The /login POST's hook: the password was right and the account has a second factor, so the browser
 * gets the pending sign-in's ticket (no session yet) and goes to the code page, `next` kept.
 */
export function sendToSecondStep(
  req: FastifyRequest,
  reply: FastifyReply,
  ticket: string,
  next: string,
): FastifyReply {
  reply.setCookie(pendingCookieName(req), ticket, {
    ...pendingCookieOptions(req),
    maxAge: Math.floor(SECOND_STEP_TTL_MS / 1000),
  })
  const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`
  return reply.redirect(`/login/two-factor${query}`, 303)
}

/** Ends the pending sign-in in this browser and starts the session. */
export function finishInBrowser(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
): FastifyReply {
  return reply.clearCookie(pendingCookieName(req), pendingCookieOptions(req)).startSession(token)
}

export function pendingTicket(req: FastifyRequest): string {
  return req.cookies[pendingCookieName(req)] ?? ''
}

export const twoFactorRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: NextQuery }>(
    '/login/two-factor',
    { schema: { querystring: NextQuery } },
    async (req, reply) => {
      const next = safeNext(req.query.next, app.config.publicUrl)
      if (req.viewer) return reply.redirect(next, 303)
      const methods = await findSecondStep(req.db, pendingTicket(req))
      if (!methods) return reply.redirect(loginHref(next), 303)
      ensureCsrfToken(req, reply)
      return sendPage(reply, 200, SecondStepPage, {
        site: siteFor(req),
        methods,
        form: emptyForm({}),
        next: req.query.next ? next : null,
      })
    },
  )

  app.post<{ Querystring: NextQuery; Body: CodeForm }>(
    '/login/two-factor',
    { schema: { querystring: NextQuery, body: CodeForm } },
    async (req, reply) => {
      const next = safeNext(req.query.next, app.config.publicUrl)
      const ticket = pendingTicket(req)
      const result = await finishSecondStep(req.db, {
        ticket,
        code: req.body.code ?? '',
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      })
      if (result.ok) {
        req.log.info({ userId: result.value.userId, ip: req.ip }, 'signed in (second step)')
        return finishInBrowser(req, reply, result.value.token).redirect(next, 303)
      }
      req.log.warn({ ip: req.ip, code: result.failure.code }, 'second step refused')
      return sendSecondStepFailure(req, reply, result.failure, req.query.next ? next : null)
    },
  )

  app.get('/settings/security', async (req, reply) => {
    if (!req.viewer) return reply.redirect('/login?next=/settings/security', 303)
    return sendSecurityPage(req, reply, 200, {
      setup: (await findTotpSetup(req.db, req.viewer, ISSUER)) ?? null,
    })
  })

  app.post('/settings/security/totp/setup', { schema: { body: EmptyForm } }, async (req, reply) => {
    if (!req.viewer) return notSignedIn(req, reply)
    const result = await startTotpSetup(req.db, req.viewer, ISSUER)
    if (!result.ok) return sendSecurityFailure(req, reply, result.failure, 'code')
    return sendSecurityPage(req, reply, 200, { setup: result.value })
  })

  app.post<{ Body: CodeForm }>(
    '/settings/security/totp/enable',
    { schema: { body: CodeForm } },
    async (req, reply) => {
      if (!req.viewer) return notSignedIn(req, reply)
      const result = await enableTotp(req.db, req.viewer, req.body.code ?? '')
      if (!result.ok) return sendSecurityFailure(req, reply, result.failure, 'code')
      req.log.info({ userId: req.viewer.id }, 'two-factor codes turned on')
      return sendSecurityPage(req, reply, 200, {
        recoveryCodes: result.value.recoveryCodes,
        notice: translate(req.locale, 'Two-factor codes are on. Save your recovery codes now.'),
      })
    },
  )

  app.post<{ Body: PasswordOnlyForm }>(
    '/settings/security/totp/disable',
    { schema: { body: PasswordOnlyForm } },
    async (req, reply) => {
      if (!req.viewer) return notSignedIn(req, reply)
      const result = await disableTotp(req.db, req.viewer, req.body.password ?? '')
      if (!result.ok) return sendSecurityFailure(req, reply, result.failure, 'disable_password')
      req.log.info({ userId: req.viewer.id }, 'two-factor codes turned off')
      return sendSecurityPage(req, reply, 200, {
        notice: translate(req.locale, 'Two-factor codes are off.'),
      })
    },
  )

  app.post<{ Body: PasswordOnlyForm }>(
    '/settings/security/recovery-codes',
    { schema: { body: PasswordOnlyForm } },
    async (req, reply) => {
      if (!req.viewer) return notSignedIn(req, reply)
      const result = await regenerateRecoveryCodes(req.db, req.viewer, req.body.password ?? '')
      if (!result.ok) return sendSecurityFailure(req, reply, result.failure, 'recovery_password')
      req.log.info({ userId: req.viewer.id }, 'recovery codes replaced')
      return sendSecurityPage(req, reply, 200, {
        recoveryCodes: result.value.recoveryCodes,
        notice: translate(req.locale, 'New recovery codes made; the old ones no longer work.'),
      })
    },
  )
}

/** The code page again with the failure, or the sign-in page when the pending sign-in is gone. */
export async function sendSecondStepFailure(
  req: FastifyRequest,
  reply: FastifyReply,
  failure: Failure,
  next: string | null,
): Promise<FastifyReply> {
  const methods = await findSecondStep(req.db, pendingTicket(req))
  if (!methods) {
    reply.clearCookie(pendingCookieName(req), pendingCookieOptions(req))
    return reply.redirect(loginHref(next ?? '/'), 303)
  }
  if (failure.code === 'rate_limited') reply.header('retry-after', String(failure.retryAfterS))
  ensureCsrfToken(req, reply)
  return sendPage(reply, STATUS[failure.code], SecondStepPage, {
    site: siteFor(req),
    methods,
    form: { values: {}, ...formErrors(failure, req.locale) },
    next,
  })
}

interface SecurityPageParts {
  setup?: SecuritySettingsPageProps['setup']
  recoveryCodes?: string[]
  form?: FormState<SecurityValues>
  notice?: string
}

export async function sendSecurityPage(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  parts: SecurityPageParts,
): Promise<FastifyReply> {
  if (!req.viewer) return notSignedIn(req, reply)
  return sendPage(reply, status, SecuritySettingsPage, {
    site: siteFor(req),
    overview: await getSecurityOverview(req.db, req.viewer),
    setup: parts.setup ?? null,
    recoveryCodes: parts.recoveryCodes ?? null,
    form: parts.form ?? emptyForm({}),
    notice: parts.notice ?? null,
  })
}

/**
 * The settings page with a failure next to the form it came from: `field` names that form's field
 * (a password typed in two forms gets two names); null keeps the domain's field name.
 */
export async function sendSecurityFailure(
  req: FastifyRequest,
  reply: FastifyReply,
  failure: Failure,
  field: string | null,
  values: SecurityValues = {},
): Promise<FastifyReply> {
  if (!req.viewer) return notSignedIn(req, reply)
  if (failure.code === 'rate_limited') reply.header('retry-after', String(failure.retryAfterS))
  const errors =
    failure.code === 'invalid'
      ? { errors: { [field ?? failure.field]: failureMessage(failure, req.locale) } }
      : null
  const setup = field === 'code' ? await findTotpSetup(req.db, req.viewer, ISSUER) : undefined
  return sendSecurityPage(req, reply, STATUS[failure.code], {
    setup,
    form: { values, ...(errors ?? formErrors(failure, req.locale)) },
  })
}

export function notSignedIn(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendFailure(req, reply, {
    code: 'forbidden',
    reason: msg('Sign in to change your security.'),
  })
}

function loginHref(next: string): string {
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`
}

function isHttps(req: FastifyRequest): boolean {
  return req.server.config.publicUrl.startsWith('https:')
}

function pendingCookieOptions(req: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isHttps(req) }
}
