/**
 * Passkey routes. The passkey script (src/client/passkeys.ts) asks for options as JSON, runs the
 * browser's WebAuthn ceremony, puts the answer in the form's `response` field and posts the form as
 * usual: success redirects, a refusal comes back as the page with the message.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import type { Result } from '../../../domain/shared/index.js'
import {
  finishPasskeyRegistration,
  finishPasskeySecondStep,
  finishPasskeySignIn,
  passkeyRegistrationOptions,
  passkeySecondStepOptions,
  passkeySignInOptions,
  relyingPartyOf,
  removePasskey,
} from '../../../domain/two-factor/index.js'
import { LoginPage } from '../../../views/pages/login-page.js'
import { formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { ensureCsrfToken } from '../../plugins/session.js'
import { formBody, NextField, PostParams, safeNext } from '../../schemas/forms.js'
import { providerButtons } from './oidc.js'
import {
  finishInBrowser,
  notSignedIn,
  pendingTicket,
  sendSecondStepFailure,
  sendSecurityFailure,
  sendSecurityPage,
} from './two-factor.js'
import { translate } from '../../../i18n/index.js'

const RESPONSE_MAX = 20_000
const RegisterForm = formBody(['name', 'response'], RESPONSE_MAX)
type RegisterForm = Static<typeof RegisterForm>
const AssertionForm = Type.Object(
  { ...formBody(['response'], RESPONSE_MAX).properties, next: Type.Optional(NextField) },
  { additionalProperties: false },
)
type AssertionForm = Static<typeof AssertionForm>
const NextQuery = Type.Object({ next: Type.Optional(NextField) })
type NextQuery = Static<typeof NextQuery>
const EmptyForm = formBody([])

export const passkeyRoutes: FastifyPluginAsync = async (app) => {
  const rp = relyingPartyOf(app.config.publicUrl)

  app.post(
    '/settings/security/passkeys/options',
    { schema: { body: EmptyForm } },
    async (req, reply) => {
      if (!req.viewer) return notSignedIn(req, reply)
      return sendOptions(req, reply, await passkeyRegistrationOptions(req.db, req.viewer, rp))
    },
  )

  app.post<{ Body: RegisterForm }>(
    '/settings/security/passkeys',
    { schema: { body: RegisterForm } },
    async (req, reply) => {
      if (!req.viewer) return notSignedIn(req, reply)
      const name = req.body.name ?? ''
      const result = await finishPasskeyRegistration(
        req.db,
        req.viewer,
        { response: parseJson(req.body.response), name },
        rp,
      )
      if (!result.ok) return sendSecurityFailure(req, reply, result.failure, null, { name })
      req.log.info({ userId: req.viewer.id }, 'passkey added')
      const { recoveryCodes } = result.value
      return sendSecurityPage(req, reply, 200, {
        notice:
          recoveryCodes === null
            ? translate(req.locale, 'Passkey added.')
            : translate(req.locale, 'Passkey added. Save your recovery codes now.'),
        ...(recoveryCodes === null ? {} : { recoveryCodes }),
      })
    },
  )

  app.post<{ Params: PostParams }>(
    '/settings/security/passkeys/:id/delete',
    { schema: { params: PostParams, body: EmptyForm } },
    async (req, reply) => {
      if (!req.viewer) return notSignedIn(req, reply)
      const result = await removePasskey(req.db, req.viewer, Number(req.params.id))
      if (!result.ok) return sendFailure(req, reply, result.failure)
      req.log.info({ userId: req.viewer.id }, 'passkey removed')
      return reply.redirect('/settings/security', 303)
    },
  )

  app.post('/login/passkey/options', { schema: { body: EmptyForm } }, async (req, reply) => {
    return sendOptions(req, reply, await passkeySignInOptions(req.db, rp, req.ip))
  })

  app.post<{ Body: AssertionForm }>(
    '/login/passkey',
    { schema: { body: AssertionForm } },
    async (req, reply) => {
      const next = safeNext(req.body.next, app.config.publicUrl)
      const response = parseJson(req.body.response)
      const result = await finishPasskeySignIn(
        req.db,
        { response, ip: req.ip, userAgent: req.headers['user-agent'] },
        rp,
      )
      if (result.ok) {
        req.log.info({ userId: result.value.userId, ip: req.ip }, 'signed in (passkey)')
        return finishInBrowser(req, reply, result.value.token).redirect(next, 303)
      }
      req.log.warn({ ip: req.ip, code: result.failure.code }, 'passkey sign-in refused')
      if (result.failure.code === 'rate_limited')
        reply.header('retry-after', String(result.failure.retryAfterS))
      ensureCsrfToken(req, reply)
      const { errors, formError } = formErrors(result.failure, req.locale)
      return sendPage(reply, STATUS[result.failure.code], LoginPage, {
        site: siteFor(req),
        form: {
          values: { login: '' },
          errors: {},
          formError: formError ?? Object.values(errors)[0],
        },
        next: req.body.next ? next : null,
        providers: providerButtons(app.config.oidcProviders),
      })
    },
  )

  app.post(
    '/login/two-factor/passkey/options',
    { schema: { body: EmptyForm } },
    async (req, reply) => {
      return sendOptions(
        req,
        reply,
        await passkeySecondStepOptions(req.db, pendingTicket(req), rp, req.ip),
      )
    },
  )

  app.post<{ Querystring: NextQuery; Body: AssertionForm }>(
    '/login/two-factor/passkey',
    { schema: { querystring: NextQuery, body: AssertionForm } },
    async (req, reply) => {
      const next = safeNext(req.query.next, app.config.publicUrl)
      const result = await finishPasskeySecondStep(
        req.db,
        {
          ticket: pendingTicket(req),
          response: parseJson(req.body.response),
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        },
        rp,
      )
      if (result.ok) {
        req.log.info({ userId: result.value.userId, ip: req.ip }, 'signed in (passkey second step)')
        return finishInBrowser(req, reply, result.value.token).redirect(next, 303)
      }
      req.log.warn({ ip: req.ip, code: result.failure.code }, 'passkey second step refused')
      return sendSecondStepFailure(req, reply, result.failure, req.query.next ? next : null)
    },
  )
}

/** WebAuthn options as JSON for the passkey script, or the failure as JSON. */
function sendOptions(req: FastifyRequest, reply: FastifyReply, result: Result<unknown>) {
  if (!result.ok) return sendFailure(req, reply, result.failure)
  return reply.header('cache-control', 'no-store').send(result.value)
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '')
  } catch {
    return null
  }
}
