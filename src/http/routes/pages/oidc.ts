/**
 * Sign-in with OpenID Connect providers (src/domain/oidc): the start (a form POST), the provider's
 * callback, the first-visit page (a username, or the password of an existing account), and
 * /settings/logins (linked providers, link another, unlink).
 *
 * The flow's key lives in a short-lived cookie scoped to /auth/oidc (HttpOnly, SameSite=Lax so it comes
 * back on the provider's top-level redirect, Secure over https); the database keeps only its hash.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { OidcProviderConfig } from '../../../config.js'
import {
  completeOidcCallback,
  createAccountFromLogin,
  findPendingAccount,
  linkLoginWithPassword,
  listLogins,
  providerOrigins,
  PENDING_TTL_MS,
  FLOW_TTL_MS,
  startOidcSignIn,
  unlinkLogin,
  type OidcProblem,
} from '../../../domain/oidc/index.js'
import type { ProviderButton } from '../../../views/components/provider-buttons.js'
import { LoginsSettingsPage } from '../../../views/pages/logins-settings-page.js'
import { OidcAccountPage, type OidcAccountValues } from '../../../views/pages/oidc-account-page.js'
import { failureMessage, formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { sendError } from '../../plugins/errors.js'
import { CONTENT_SECURITY_POLICY } from '../../plugins/security-headers.js'
import { ensureCsrfToken } from '../../plugins/session.js'
import { formBody, NextField, safeNext } from '../../schemas/forms.js'
import { msg } from '../../../domain/shared/index.js'
import { translateMessage } from '../../../i18n/index.js'

/** The providers as the sign-in page's buttons show them. */
export function providerButtons(providers: readonly OidcProviderConfig[]): ProviderButton[] {
  return providers.map(({ id, name }) => ({ id, name }))
}

/**
 * For a page with "Sign in with" (or "Link") buttons: the CSP's `form-action` also allows the
 * providers' origins, since browsers apply it to the redirect that follows the form's POST.
 */
export function allowProviderForms(
  reply: FastifyReply,
  providers: readonly OidcProviderConfig[],
): FastifyReply {
  if (providers.length === 0) return reply
  const origins = [...new Set(providers.flatMap(providerOrigins))]
  return reply.header(
    'content-security-policy',
    CONTENT_SECURITY_POLICY.replace(
      "form-action 'self'",
      `form-action 'self' ${origins.join(' ')}`,
    ),
  )
}

const ProviderParams = Type.Object({ id: Type.String({ maxLength: 40 }) })
type ProviderParams = Static<typeof ProviderParams>
const StartForm = Type.Object(
  { ...formBody([], 10).properties, next: Type.Optional(NextField) },
  { additionalProperties: false },
)
type StartForm = Static<typeof StartForm>
const AccountForm = formBody(['username'], 200)
type AccountForm = Static<typeof AccountForm>
const LinkForm = formBody(['login', 'password'], 2000)
type LinkForm = Static<typeof LinkForm>
const UnlinkForm = formBody(['id'], 20)
type UnlinkForm = Static<typeof UnlinkForm>
const LoginsQuery = Type.Object({
  linked: Type.Optional(Type.String({ maxLength: 40 })),
  already: Type.Optional(Type.String({ maxLength: 40 })),
  unlinked: Type.Optional(Type.String({ maxLength: 40 })),
})
type LoginsQuery = Static<typeof LoginsQuery>

const PROBLEMS: Record<OidcProblem, { status: number; title: string; message: string }> = {
  expired: {
    status: 400,
    title: msg('This sign-in has expired'),
    message: msg(
      'It was not started in this browser, was used already, or took longer than 10 minutes. Start again.',
    ),
  },
  unavailable: {
    status: 503,
    title: msg('{provider} could not be reached'),
    message: msg(
      '{provider} did not answer, or answered with an error. Try again in a few minutes, or sign in another way.',
    ),
  },
  rejected: {
    status: 400,
    title: msg('{provider}’s answer could not be verified'),
    message: msg(
      'The sign-in was refused because its answer did not check out (a link used twice, or one not meant for this sign-in). Start again.',
    ),
  },
  cancelled: {
    status: 400,
    title: msg('Sign-in cancelled'),
    message: msg('{provider} did not sign you in. Start again, or sign in another way.'),
  },
  taken: {
    status: 409,
    title: msg('That login belongs to another account'),
    message: msg(
      'This {provider} login is linked to another account here. Sign in with it to use that account, or unlink it there first.',
    ),
  },
}

export const oidcRoutes: FastifyPluginAsync = async (app) => {
  const providers = app.config.oidcProviders
  const https = app.config.publicUrl.startsWith('https:')
  const cookieName = https ? '__Secure-quorum_oidc' : 'quorum_oidc'
  const cookieOptions = {
    path: '/auth/oidc',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: https,
  }
  const redirectUri = (id: string) => `${app.config.publicUrl}/auth/oidc/${id}/callback`
  const providerById = (id: string) => providers.find((p) => p.id === id)

  function sendProblem(
    req: FastifyRequest,
    reply: FastifyReply,
    problem: OidcProblem,
    provider: OidcProviderConfig,
  ): FastifyReply {
    const { status, title, message } = PROBLEMS[problem]
    const links = req.viewer
      ? [
          { href: '/settings/logins', label: msg('Back to your sign-in providers') },
          { href: '/', label: msg('Home') },
        ]
      : [
          { href: '/login', label: msg('Back to sign in') },
          { href: '/', label: msg('Home') },
        ]
    reply.header('cache-control', 'no-store')
    // "the provider" when it is not known any more (PLACEHOLDER), in the page's language.
    const name =
      provider === PLACEHOLDER ? translateMessage(req.locale, PLACEHOLDER.name) : provider.name
    const named = (message: string) => ({ message, values: { provider: name } })
    return sendError(req, reply, status, named(title), named(message), links)
  }

  app.post<{ Params: ProviderParams; Body: StartForm }>(
    '/auth/oidc/:id/start',
    { schema: { params: ProviderParams, body: StartForm } },
    async (req, reply) => {
      const provider = providerById(req.params.id)
      if (!provider) return sendFailure(req, reply, { code: 'not_found', what: 'sign-in provider' })
      const linking = req.viewer !== null && req.viewer !== undefined
      const next = linking ? '/settings/logins' : safeNext(req.body.next, app.config.publicUrl)
      const started = await startOidcSignIn(req.db, provider, {
        redirectUri: redirectUri(provider.id),
        next,
        linkUserId: req.viewer?.id ?? null,
        ip: req.ip,
      })
      if (!started.ok) {
        if ('failure' in started) return sendFailure(req, reply, started.failure)
        req.log.error(
          { provider: provider.id, ip: req.ip, problem: started.problem, detail: started.detail },
          'sign-in provider unavailable',
        )
        return sendProblem(req, reply, started.problem, provider)
      }
      return reply
        .setCookie(cookieName, started.value.key, {
          ...cookieOptions,
          maxAge: FLOW_TTL_MS / 1000,
        })
        .redirect(started.value.url, 303)
    },
  )

  app.get<{ Params: ProviderParams }>(
    '/auth/oidc/:id/callback',
    { schema: { params: ProviderParams } },
    async (req, reply) => {
      const provider = providerById(req.params.id)
      if (!provider) return sendFailure(req, reply, { code: 'not_found', what: 'sign-in provider' })
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
      // The exact redirect URI from PUBLIC_URL, never from the Host header, with the provider's answer.
      const callbackUrl = new URL(`${redirectUri(provider.id)}${query}`)
      reply.clearCookie(cookieName, cookieOptions)
      const result = await completeOidcCallback(req.db, provider, {
        key: req.cookies[cookieName],
        callbackUrl,
        viewerId: req.viewer?.id ?? null,
      })
      if (!result.ok) {
        const log = {
          provider: provider.id,
          ip: req.ip,
          problem: result.problem,
          detail: result.detail,
        }
        if (result.problem === 'unavailable') req.log.error(log, 'sign-in provider unavailable')
        else req.log.warn(log, 'sign-in with provider refused')
        return sendProblem(req, reply, result.problem, provider)
      }
      const outcome = result.value
      switch (outcome.kind) {
        case 'signed_in':
          req.log.info({ userId: outcome.userId, ip: req.ip, provider: provider.id }, 'signed in')
          return reply.startSession(outcome.token).redirect(outcome.next, 303)
        case 'linked':
          req.log.info({ userId: req.viewer?.id, provider: provider.id }, 'login linked')
          return reply.redirect(
            `/settings/logins?${outcome.already ? 'already' : 'linked'}=${provider.id}`,
            303,
          )
        case 'needs_account':
          return reply
            .setCookie(cookieName, outcome.key, { ...cookieOptions, maxAge: PENDING_TTL_MS / 1000 })
            .redirect('/auth/oidc/account', 303)
      }
    },
  )

  async function sendAccountPage(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: OidcAccountValues,
    errors: ReturnType<typeof formErrors>,
  ): Promise<FastifyReply> {
    const pending = await findPendingAccount(req.db, req.cookies[cookieName])
    const provider = pending && providerById(pending.providerId)
    if (!pending || !provider) return sendProblem(req, reply, 'expired', PLACEHOLDER)
    ensureCsrfToken(req, reply)
    reply.header('cache-control', 'no-store')
    return sendPage(reply, status, OidcAccountPage, {
      site: siteFor(req),
      providerName: provider.name,
      email: pending.email,
      emailVerified: pending.emailVerified,
      form: {
        values: {
          username: values.username || pending.suggestedUsername,
          login: values.login || (pending.emailVerified ? (pending.email ?? '') : ''),
        },
        ...errors,
      },
    })
  }

  app.get('/auth/oidc/account', async (req, reply) =>
    sendAccountPage(req, reply, 200, { username: '', login: '' }, { errors: {} }),
  )

  app.post<{ Body: AccountForm }>(
    '/auth/oidc/account',
    { schema: { body: AccountForm } },
    async (req, reply) => {
      const username = req.body.username ?? ''
      const result = await createAccountFromLogin(req.db, {
        key: req.cookies[cookieName],
        username,
        ip: req.ip,
      })
      if (!result.ok) {
        if (result.failure.code === 'not_found')
          return sendProblem(req, reply, 'expired', PLACEHOLDER)
        if (result.failure.code === 'rate_limited')
          reply.header('retry-after', String(result.failure.retryAfterS))
        req.log.info({ username, ip: req.ip, code: result.failure.code }, 'registration refused')
        return sendAccountPage(
          req,
          reply,
          STATUS[result.failure.code],
          { username, login: '' },
          formErrors(result.failure, req.locale),
        )
      }
      req.log.info({ userId: result.value.viewer.id, ip: req.ip }, 'registered with a provider')
      reply.clearCookie(cookieName, cookieOptions)
      return reply.startSession(result.value.token).redirect(result.value.next, 303)
    },
  )

  app.post<{ Body: LinkForm }>(
    '/auth/oidc/link',
    { schema: { body: LinkForm } },
    async (req, reply) => {
      const login = req.body.login ?? ''
      const result = await linkLoginWithPassword(req.db, {
        key: req.cookies[cookieName],
        login,
        password: req.body.password ?? '',
        ip: req.ip,
      })
      if (!result.ok) {
        if (result.failure.code === 'not_found')
          return sendProblem(req, reply, 'expired', PLACEHOLDER)
        req.log.warn({ login, ip: req.ip, code: result.failure.code }, 'sign-in failed')
        if (result.failure.code === 'rate_limited')
          reply.header('retry-after', String(result.failure.retryAfterS))
        const errors = formErrors(result.failure, req.locale)
        return sendAccountPage(
          req,
          reply,
          STATUS[result.failure.code],
          { username: '', login },
          {
            ...errors,
            errors:
              result.failure.code === 'invalid'
                ? { login: failureMessage(result.failure, req.locale) }
                : {},
          },
        )
      }
      req.log.info({ userId: result.value.viewer.id, ip: req.ip }, 'signed in and linked a login')
      reply.clearCookie(cookieName, cookieOptions)
      return reply.startSession(result.value.token).redirect(result.value.next, 303)
    },
  )

  app.get<{ Querystring: LoginsQuery }>(
    '/settings/logins',
    { schema: { querystring: LoginsQuery } },
    async (req, reply) => {
      if (!req.viewer) return reply.redirect('/login?next=/settings/logins', 303)
      const nameOf = (id: string | undefined) => providerById(id ?? '')?.name
      const { linked, already, unlinked } = req.query
      const notice =
        (nameOf(linked) && `${nameOf(linked)} is linked: you can sign in with it now.`) ||
        (nameOf(already) && `${nameOf(already)} was linked to this account already.`) ||
        (unlinked !== undefined && `${nameOf(unlinked) ?? 'The login'} is unlinked.`) ||
        null
      allowProviderForms(reply, providers)
      return sendPage(reply, 200, LoginsSettingsPage, {
        site: siteFor(req),
        logins: await listLogins(req.db, req.viewer, providers),
        notice,
        problem: null,
      })
    },
  )

  app.post<{ Body: UnlinkForm }>(
    '/settings/logins/unlink',
    { schema: { body: UnlinkForm } },
    async (req, reply) => {
      if (!req.viewer)
        return sendFailure(req, reply, {
          code: 'forbidden',
          reason: msg('Sign in to change your logins.'),
        })
      const id = Number(req.body.id)
      const result = Number.isSafeInteger(id)
        ? await unlinkLogin(req.db, req.viewer, id, providers)
        : ({ ok: false, failure: { code: 'not_found', what: 'login' } } as const)
      if (!result.ok) {
        if (result.failure.code === 'not_found') return sendFailure(req, reply, result.failure)
        allowProviderForms(reply, providers)
        return sendPage(reply, STATUS[result.failure.code], LoginsSettingsPage, {
          site: siteFor(req),
          logins: await listLogins(req.db, req.viewer, providers),
          notice: null,
          problem: failureMessage(result.failure, req.locale),
        })
      }
      req.log.info({ userId: req.viewer.id, login: id }, 'login unlinked')
      return reply.redirect(`/settings/logins?unlinked=${result.value.providerId}`, 303)
    },
  )
}

/** For a problem page when the provider is not known any more: "the provider". */
const PLACEHOLDER: OidcProviderConfig = {
  id: '',
  issuer: '',
  clientId: '',
  clientSecret: '',
  name: msg('The provider'),
}
