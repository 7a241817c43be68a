/**
 * Signing in with an OpenID Connect provider, and linking and unlinking logins.
 *
 * 1. `startOidcSignIn`: a random key for the browser's cookie; a row (by the key's hash) keeps the flow's
 *    state, nonce and PKCE verifier; the person goes to the provider.
 * 2. `completeOidcCallback`: the row is taken (used once), the code exchanged and the ID token checked.
 *    A known login signs in; a signed-in person linking gets the login added; anyone else is new here
 *    and gets a second row (a new key) holding who the provider vouched for.
 * 3. `createAccountFromLogin` (a username) or `linkLoginWithPassword` (the password of an existing
 *    account: an account is never linked on the strength of a matching email alone).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../../db/schema.js'
import { createSession } from '../sessions/index.js'
import { hasSecondFactor } from '../two-factor/index.js'
import { loadSiteSettings } from '../site-settings/index.js'
import {
  AttemptLimiter,
  fail,
  msg,
  ok,
  takeAttempts,
  type Result,
  type Viewer,
} from '../shared/index.js'
import {
  authLimits,
  createMemberWithoutPassword,
  findSignUpBlock,
  hasPassword,
  checkLogin,
  usernameProblem,
  type SignedIn,
} from '../users/index.js'
import {
  deleteIdentity,
  findIdentity,
  insertIdentity,
  listIdentities,
  touchIdentity,
} from './identities.queries.js'
import { canUnlink } from './oidc.policy.js'
import type {
  CallbackOutcome,
  LoginsOverview,
  OidcProviderConfig,
  OidcResult,
  PendingAccount,
} from './oidc.types.js'
import { deleteExpiredLogins, findLogin, insertLogin, takeLogin } from './oidc-logins.queries.js'
import {
  authorizationUrl,
  classifyError,
  discover,
  exchangeCode,
  newFlowSecrets,
} from './provider-client.js'

/** How long a person has at the provider. */
export const FLOW_TTL_MS = 10 * 60_000
/** How long a new person has to choose a username once the provider vouched for them. */
export const PENDING_TTL_MS = 30 * 60_000

/** Sign-ins one address may start in 15 minutes (each writes a row and may call the provider). */
export const oidcLimits = { start: new AttemptLimiter({ max: 30, windowMs: 15 * 60_000 }) }

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

export interface StartInput {
  redirectUri: string
  /** Already checked by safeNext. */
  next: string
  /** The signed-in person linking a login to their account; null for a sign-in. */
  linkUserId: number | null
  ip: string
}

/** Starts a sign-in: the key for the cookie and the provider's URL to send the browser to. */
export async function startOidcSignIn(
  db: Db,
  provider: OidcProviderConfig,
  input: StartInput,
  now = Date.now(),
): Promise<OidcResult<{ key: string; url: string }> | Result<never>> {
  const wait = oidcLimits.start.take(input.ip, now)
  if (wait > 0) return fail.rateLimited(wait)
  let url: string
  const secrets = newFlowSecrets()
  try {
    url = await authorizationUrl(await discover(provider), input.redirectUri, secrets)
  } catch (error) {
    return { ok: false, problem: classifyError(error), detail: String(error) }
  }
  const key = randomBytes(32).toString('base64url')
  await deleteExpiredLogins(db, now)
  await insertLogin(db, {
    idHash: hashKey(key),
    providerId: provider.id,
    ...secrets,
    next: input.next,
    linkUserId: input.linkUserId,
    subject: null,
    email: null,
    emailVerified: false,
    preferredUsername: null,
    createdAt: now,
    expiresAt: now + FLOW_TTL_MS,
  })
  return ok({ key, url })
}

export interface CallbackInput {
  /** The cookie's key; undefined when the browser sent none. */
  key: string | undefined
  /** The exact redirect URI with the provider's query string. */
  callbackUrl: URL
  /** Who is signed in in this browser now. */
  viewerId: number | null
}

function done<T>(value: T): OidcResult<T> {
  return { ok: true, value }
}

/** Handles the provider sending the person back. */
export async function completeOidcCallback(
  db: Db,
  provider: OidcProviderConfig,
  input: CallbackInput,
  now = Date.now(),
): Promise<OidcResult<CallbackOutcome>> {
  const flow = input.key ? await takeLogin(db, hashKey(input.key), now) : undefined
  if (!flow || flow.providerId !== provider.id || flow.subject !== null)
    return { ok: false, problem: 'expired', detail: 'no sign-in under way for this cookie' }
  let vouched
  try {
    vouched = await exchangeCode(await discover(provider), input.callbackUrl, flow)
  } catch (error) {
    return { ok: false, problem: classifyError(error), detail: String(error) }
  }
  const known = await findIdentity(db, provider.id, vouched.subject)

  if (flow.linkUserId !== null) {
    if (input.viewerId !== flow.linkUserId)
      return { ok: false, problem: 'expired', detail: 'signed out while linking' }
    if (known) {
      if (known.userId !== flow.linkUserId)
        return { ok: false, problem: 'taken', detail: `linked to user ${known.userId}` }
      return done({ kind: 'linked', already: true })
    }
    await insertIdentity(db, { userId: flow.linkUserId, providerId: provider.id, ...vouched, now })
    return done({ kind: 'linked', already: false })
  }

  if (known) {
    const token = await db.transaction().execute(async (trx) => {
      await touchIdentity(trx, known.id, { ...vouched, now })
      return createSession(trx, known.userId, now)
    })
    return done({ kind: 'signed_in', userId: known.userId, token, next: flow.next })
  }

  const key = randomBytes(32).toString('base64url')
  await insertLogin(db, {
    idHash: hashKey(key),
    providerId: provider.id,
    state: '',
    nonce: '',
    codeVerifier: '',
    next: flow.next,
    linkUserId: null,
    ...vouched,
    createdAt: now,
    expiresAt: now + PENDING_TTL_MS,
  })
  return done({ kind: 'needs_account', key })
}

/** Who the provider vouched for, while they choose a username; undefined when none is waiting. */
export async function findPendingAccount(
  db: Db,
  key: string | undefined,
  now = Date.now(),
): Promise<PendingAccount | undefined> {
  const row = key ? await findLogin(db, hashKey(key), now) : undefined
  if (!row || row.subject === null) return undefined
  const suggested = row.preferredUsername ?? ''
  return {
    providerId: row.providerId,
    email: row.email,
    emailVerified: row.emailVerified,
    suggestedUsername: usernameProblem(suggested) === null ? suggested : '',
    next: row.next,
  }
}

/**
 * Creates an account for the person the provider vouched for, with the username they chose, and signs
 * it in. The email goes on the account only when the provider verified it. Counted against the sign-up
 * limit of the address, like the registration form.
 */
export async function createAccountFromLogin(
  db: Db,
  input: { key: string | undefined; username: string; ip: string },
  now = Date.now(),
): Promise<Result<SignedIn & { next: string }>> {
  const pending = await findPendingAccount(db, input.key, now)
  if (!pending || !input.key) return fail.notFound('sign-in')
  // A provider's login makes a new account only while registration is open (docs/moderation.md);
  // sign-up blocks refuse it like the registration form, without saying what matched.
  if ((await loadSiteSettings(db)).registration !== 'open')
    return fail.forbidden(
      msg(
        'This forum is not open for sign-up: new accounts cannot be made here right now. If you have an account, sign in to it to link this login.',
      ),
    )
  if (await findSignUpBlock(db, { email: pending.email, ip: input.ip }))
    return fail.forbidden(
      msg(
        'We cannot accept a sign-up from here. If you think this is a mistake, please write to the people who run this forum.',
      ),
    )
  const problemText = usernameProblem(input.username.trim())
  if (problemText !== null) return fail.invalid('username', problemText)
  const wait = await takeAttempts([[authLimits.register, input.ip]], now)
  if (wait > 0) return fail.rateLimited(wait)
  const idHash = hashKey(input.key)
  try {
    return await db.transaction().execute(async (trx) => {
      const flow = await takeLogin(trx, idHash, now)
      if (!flow || flow.subject === null) return fail.notFound('sign-in')
      const created = await createMemberWithoutPassword(
        trx,
        { username: input.username, email: flow.emailVerified ? flow.email : null },
        now,
      )
      // Returning a failure commits the transaction, and with it the deleted row: put it back.
      if (!created.ok) throw new Refused(created)
      await insertIdentity(trx, {
        userId: created.value.id,
        providerId: flow.providerId,
        subject: flow.subject,
        email: flow.email,
        emailVerified: flow.emailVerified,
        now,
      })
      const token = await createSession(trx, created.value.id, now)
      return ok({ viewer: created.value, token, next: flow.next })
    })
  } catch (error) {
    if (error instanceof Refused) return error.result
    if (/unique|duplicate/i.test(String(error)))
      return fail.invalid('username', msg('That username is taken.'))
    throw error
  }
}

class Refused extends Error {
  constructor(readonly result: Result<never>) {
    super('refused')
  }
}

/**
 * Links the login the provider vouched for to an existing account, once the person has signed in to
 * it with its password (the sign-in limits apply), and signs them in.
 */
export async function linkLoginWithPassword(
  db: Db,
  input: { key: string | undefined; login: string; password: string; ip: string },
  now = Date.now(),
): Promise<Result<SignedIn & { next: string }>> {
  const pending = await findPendingAccount(db, input.key, now)
  if (!pending || !input.key) return fail.notFound('sign-in')
  const checked = await checkLogin(
    db,
    { login: input.login, password: input.password, ip: input.ip },
    now,
  )
  if (!checked.ok) return checked
  // A password alone must not add a way into an account that asks for more than a password.
  if (await hasSecondFactor(db, checked.value.id))
    return fail.invalid(
      'password',
      msg(
        'This account uses two-factor sign-in. Sign in with your password and code first, then link this provider under Settings, Sign-in providers.',
      ),
    )
  const idHash = hashKey(input.key)
  let linked: boolean
  try {
    linked = await db.transaction().execute(async (trx) => {
      const flow = await takeLogin(trx, idHash, now)
      if (!flow || flow.subject === null) return false
      await insertIdentity(trx, {
        userId: checked.value.id,
        providerId: flow.providerId,
        subject: flow.subject,
        email: flow.email,
        emailVerified: flow.emailVerified,
        now,
      })
      return true
    })
  } catch (error) {
    // The same login linked from another browser in the meantime: the unique index decides.
    if (/unique|duplicate/i.test(String(error)))
      return fail.conflict(msg('That login was linked to an account in the meantime.'))
    throw error
  }
  if (!linked) return fail.notFound('sign-in')
  const token = await createSession(db, checked.value.id, now)
  return ok({ viewer: checked.value, token, next: pending.next })
}

/** The account's logins with providers, and the providers it could link. */
export async function listLogins(
  db: Db,
  viewer: Viewer,
  providers: readonly OidcProviderConfig[],
): Promise<LoginsOverview> {
  const [rows, password] = await Promise.all([
    listIdentities(db, viewer.id),
    hasPassword(db, viewer.id),
  ])
  const nameOf = new Map(providers.map((p) => [p.id, p.name]))
  const usable = rows.filter((r) => nameOf.has(r.providerId)).length
  return {
    linked: rows.map((r) => ({
      id: r.id,
      providerId: r.providerId,
      providerName: nameOf.get(r.providerId) ?? r.providerId,
      email: r.email,
      createdAt: r.createdAt,
      lastUsedAt: r.lastUsedAt,
      canUnlink: canUnlink({
        hasPassword: password,
        usableLogins: usable,
        isUsable: nameOf.has(r.providerId),
      }),
    })),
    available: providers
      .filter((p) => !rows.some((r) => r.providerId === p.id))
      .map((p) => ({ id: p.id, name: p.name })),
    hasPassword: password,
  }
}

/** Unlinks one of the viewer's logins, unless it is the last way into the account. */
export async function unlinkLogin(
  db: Db,
  viewer: Viewer,
  identityId: number,
  providers: readonly OidcProviderConfig[],
): Promise<Result<{ providerId: string; providerName: string }>> {
  const overview = await listLogins(db, viewer, providers)
  const login = overview.linked.find((l) => l.id === identityId)
  if (!login) return fail.notFound('login')
  if (!login.canUnlink)
    return fail.forbidden(
      msg(
        '{providerName} is the only way into this account: set a password or link another login first.',
      ),
      { providerName: login.providerName },
    )
  if (!(await deleteIdentity(db, viewer.id, identityId))) return fail.notFound('login')
  return ok({ providerId: login.providerId, providerName: login.providerName })
}
