/**
 * Accounts: registration, signing in, password changes. Each returns a Result; expected failures name
 * the field they belong to, so the form can show the message next to it.
 */
import { suspensionMessage } from './standing.actions.js'
import type { Db, Executor } from '../../db/schema.js'
import { AttemptLimiter, refundAttempt, resetAttempts, takeAttempts } from '../shared/index.js'
import { fail, msg, ok, type Message, type Result } from '../shared/index.js'
import { deleteUserSessions } from '../sessions/index.js'
import { hashPassword, passwordProblem, timingDummyHash, verifyPassword } from './passwords.js'
import { isUsernameRetired } from './retired-names.queries.js'
import { emailProblem, usernameProblem } from './users.policy.js'
import {
  findCredentials,
  findEmailOwner,
  findPasswordHash,
  insertUser,
  isEmailTaken,
  isUsernameTaken,
  updateUser,
} from './users.queries.js'
import type { Role, TrustLevel } from '../shared/index.js'
import type { Viewer } from '../shared/index.js'

const FIFTEEN_MINUTES = 15 * 60_000
const HOUR = 60 * 60_000

/**
 * Sign-in and registration limits (SECURITY.md row 8, issue 28 findings 3, 7 and 10); replaceable in
 * tests. An account is one counter whichever of its names (username or email) is typed. Wrong passwords
 * hold the pair of account and address first, so a stranger guessing from one address cannot lock the
 * owner out elsewhere; the slower per-account limit stops guessing spread over many addresses.
 */
export const authLimits = createAuthLimits()

/** A fresh set of the limits above, with empty counters (tests start from one). */
export function createAuthLimits() {
  return {
    /** Wrong passwords for one account from one address. */
    source: new AttemptLimiter({ name: 'sign-in.source', max: 20, windowMs: FIFTEEN_MINUTES }),
    /** Wrong passwords for one account from all addresses together. */
    account: new AttemptLimiter({ name: 'sign-in.account', max: 100, windowMs: HOUR }),
    /** Wrong passwords from one address, whatever the account. */
    ip: new AttemptLimiter({ name: 'sign-in.ip', max: 50, windowMs: FIFTEEN_MINUTES }),
    /** Sign-up attempts (created or refused) from one address. */
    register: new AttemptLimiter({ name: 'sign-up.ip', max: 10, windowMs: HOUR }),
  }
}

export interface RegisterInput {
  username: string
  email: string
  password: string
  ip: string
  /** The browser's User-Agent, recorded on the new session. */
  userAgent?: string | undefined
}

export interface SignedIn {
  viewer: Viewer
  /** The new session's token, for the cookie. */
  token: string
}

/** A new account, or the one that already has the address given (issue 28 finding 10). */
export type Registered =
  | { kind: 'created'; user: { id: number; username: string; email: string } }
  | { kind: 'email-taken'; owner: { id: number; username: string; email: string } }

/**
 * Creates a member account (never signed in: the answer must not differ from an address that already
 * has one) and runs `created` in its transaction, where account mail queues the confirmation. An
 * address that has an account creates nothing and is reported as `email-taken`, after the same work
 * (the password hash) a new account costs; the caller answers both the same way. New accounts are
 * members: nobody becomes admin silently.
 */
export async function registerUser(
  db: Db,
  input: RegisterInput,
  created: (trx: Executor, user: { id: number; username: string; email: string }) => Promise<void>,
  now = Date.now(),
): Promise<Result<Registered>> {
  const username = input.username.trim()
  const email = input.email.trim()
  const problem =
    field('username', usernameProblem(username)) ??
    field('email', emailProblem(email)) ??
    field('password', passwordProblem(input.password, username))
  if (problem) return problem
  // Counted before the lookups and the hash, created or refused: parallel sign-ups cannot pass together,
  // and probing which emails have accounts costs the same as creating them.
  const wait = await takeAttempts([[authLimits.register, input.ip]], now)
  if (wait > 0) return fail.rateLimited(wait)
  // A deleted account's name is held for 30 days (retired-names.queries.ts), said the same way.
  if ((await isUsernameTaken(db, username)) || (await isUsernameRetired(db, username, now)))
    return fail.invalid('username', msg('That username is taken.'))
  const owner = await findEmailOwner(db, email)
  const passwordHash = await hashPassword(input.password)
  if (owner) return ok({ kind: 'email-taken', owner: { ...owner, email: owner.email ?? email } })
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await insertUser(trx, {
        username,
        email,
        passwordHash,
        role: 'member',
        title: null,
        createdAt: now,
        emailVerifiedAt: null,
      })
      await created(trx, { id, username, email })
      return ok({ kind: 'created' as const, user: { id, username, email } })
    })
  } catch (error) {
    // Two sign-ups racing for one name or address: the unique index decides; answer like the checks above.
    if (!/unique|duplicate/i.test(String(error))) throw error
    if (await isUsernameTaken(db, username))
      return fail.invalid('username', msg('That username is taken.'))
    const winner = await findEmailOwner(db, email)
    if (!winner) throw error
    return ok({ kind: 'email-taken', owner: { ...winner, email: winner.email ?? email } })
  }
}

export interface LoginInput {
  login: string
  password: string
  ip: string
  /** The browser's User-Agent, recorded on the new session. */
  userAgent?: string | undefined
}

/**
 * Checks a password, with its limits, opening no session (two-factor's beginSignIn opens it, or asks for
 * the second step first). Unknown accounts and wrong passwords get the same answer in about the same
 * time (row 9); a held account stays held even for the right password (row 8).
 */
export async function checkLogin(
  db: Db,
  input: LoginInput,
  now = Date.now(),
): Promise<Result<Viewer>> {
  const login = input.login.trim().toLowerCase()
  const user = login === '' ? undefined : await findCredentials(db, login)
  const account = user ? `user:${user.id}` : `login:${login}`
  const counted = [
    [authLimits.source, `${account} ${input.ip}`],
    [authLimits.account, account],
    [authLimits.ip, input.ip],
  ] as const
  const wait = await takeAttempts(counted, now)
  if (wait > 0) return fail.rateLimited(wait)
  const matches = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await timingDummyHash(), input.password).then(() => false)
  if (!user || !matches)
    return fail.invalid(
      'login',
      msg('That username or email and password do not match an account.'),
    )
  // The right password: this attempt does not count, and the owner's own address starts afresh.
  await resetAttempts(counted[0])
  await refundAttempt(counted[1], now)
  await refundAttempt(counted[2], now)
  // Suspended: told why and until when, only once the password proved who is asking.
  if (user.suspendedUntil !== null && user.suspendedUntil > now)
    return fail.forbidden(suspensionMessage(user.suspendedUntil, user.suspendReason))
  return ok({
    id: user.id,
    username: user.username,
    title: user.title,
    role: user.role,
    trustLevel: user.trustLevel,
    silencedUntil: user.silencedUntil,
  })
}

/**
 * What a typed password says of an account: `right`, `wrong`, `none` (the account has no password: it
 * signs in through a provider) or `gone` (no such account). The one place a stored hash is checked
 * outside sign-in.
 */
export async function matchPassword(
  db: Db,
  userId: number,
  password: string,
): Promise<'right' | 'wrong' | 'none' | 'gone'> {
  const stored = await findPasswordHash(db, userId)
  if (stored === undefined) return 'gone'
  if (stored === null) return 'none'
  return (await verifyPassword(stored, password)) ? 'right' : 'wrong'
}

/** Whether `password` is the account's password (for confirming a sensitive change). */
export async function isPasswordCorrect(
  db: Db,
  userId: number,
  password: string,
): Promise<boolean> {
  return (await matchPassword(db, userId, password)) === 'right'
}

/** Changes the viewer's password and signs out every other session (row 4). */
export async function changePassword(
  db: Db,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string; keepSessionHash: string | null },
): Promise<Result<{ endedSessions: number }>> {
  const current = await matchPassword(db, viewer.id, input.currentPassword)
  if (current === 'gone') return fail.notFound('account')
  // An account made through a sign-in provider has no password yet: it sets one without a current one.
  if (current === 'wrong')
    return fail.invalid('current_password', msg('That is not your current password.'))
  const problem = field('new_password', passwordProblem(input.newPassword, viewer.username))
  if (problem) return problem
  const passwordHash = await hashPassword(input.newPassword)
  const endedSessions = await db.transaction().execute(async (trx) => {
    await updateUser(trx, viewer.id, { passwordHash })
    return deleteUserSessions(trx, viewer.id, input.keepSessionHash ?? undefined)
  })
  return ok({ endedSessions })
}

/** Whether the account has a password (accounts made through a sign-in provider start without one). */
export async function hasPassword(db: Db, userId: number): Promise<boolean> {
  return typeof (await findPasswordHash(db, userId)) === 'string'
}

/**
 * Creates a member account without a password, in the caller's transaction: someone who signed up
 * through a sign-in provider (src/domain/oidc), which links the login in the same transaction. The
 * caller counts the attempt against `authLimits.register` first.
 */
export async function createMemberWithoutPassword(
  trx: Executor,
  input: { username: string; email: string | null },
  now = Date.now(),
): Promise<Result<Viewer>> {
  const username = input.username.trim()
  const problem = field('username', usernameProblem(username))
  if (problem) return problem
  if (await isUsernameTaken(trx, username))
    return fail.invalid('username', msg('That username is taken.'))
  if (input.email !== null && (await isEmailTaken(trx, input.email)))
    return fail.invalid(
      'username',
      msg('An account with this email exists already: sign in to it below to link this login.'),
    )
  const id = await insertUser(trx, {
    username,
    email: input.email,
    passwordHash: null,
    role: 'member',
    title: null,
    createdAt: now,
    // The oidc feature passes the email only when the provider says it verified it.
    emailVerifiedAt: input.email !== null ? now : null,
  })
  return ok({
    id,
    username,
    title: null,
    role: 'member' as Role,
    trustLevel: 'new',
    silencedUntil: null,
  })
}

/**
 * Creates an account from the CLI, where an operator may grant a role. A member account starts `new`
 * unless `trustLevel` says otherwise (an operator vouching for it, the test agent); staff start as
 * members, and the new-account limits never apply to them anyway.
 */
export async function createAccount(
  db: Db,
  input: {
    username: string
    email: string | null
    password: string
    role: Role
    title: string | null
    trustLevel?: TrustLevel
  },
  now = Date.now(),
): Promise<Result<{ id: number }>> {
  const problem =
    field('username', usernameProblem(input.username)) ??
    (input.email === null ? undefined : field('email', emailProblem(input.email))) ??
    field('password', passwordProblem(input.password, input.username))
  if (problem) return problem
  if (
    (await isUsernameTaken(db, input.username)) ||
    (await isUsernameRetired(db, input.username, now))
  )
    return fail.conflict(msg('The username {username} is taken.'), { username: input.username })
  if (input.email !== null && (await isEmailTaken(db, input.email)))
    return fail.conflict(msg('An account uses {email} already.'), { email: input.email })
  // An operator made it and typed the address: it counts as confirmed.
  const id = await insertUser(db, {
    ...input,
    trustLevel: input.trustLevel ?? (input.role === 'member' ? 'new' : 'member'),
    passwordHash: await hashPassword(input.password),
    createdAt: now,
    emailVerifiedAt: input.email === null ? null : now,
  })
  return ok({ id })
}

function field(name: string, problem: Message | null): Result<never> | undefined {
  return problem === null ? undefined : fail.invalid(name, problem)
}
