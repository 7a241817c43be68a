/**
 * Signing in with a second step. After the right password, an account with TOTP or a passkey gets no
 * session yet: a pending sign-in (a random ticket for the browser's cookie, its hash in
 * `sign_in_challenges`, 10 minutes) that a code, a recovery code or a passkey turns into a session.
 */
import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/schema.js'
import { createSession, hashToken } from '../sessions/index.js'
import { fail, msg, ok, refundAttempt, type Result, type Viewer } from '../shared/index.js'
import { checkLogin, type LoginInput } from '../users/index.js'
import { hashRecoveryCode } from './recovery-codes.js'
import { openSecret } from './secret-box.js'
import { isTotpShaped, matchTotp } from './totp.js'
import { hasSecondFactor } from './two-factor.actions.js'
import { takeEach, twoFactorLimits } from './two-factor.limits.js'
import {
  claimTotpStep,
  countPasskeys,
  deleteExpiredChallenges,
  findChallenge,
  findTotp,
  insertChallenge,
  takeChallenge,
  useRecoveryCode,
} from './two-factor.queries.js'
import type { SecondStepMethods } from './two-factor.types.js'

export const SECOND_STEP_TTL_MS = 10 * 60_000

export type SignInOutcome =
  | { kind: 'signed-in'; viewer: Viewer; token: string }
  | { kind: 'second-step'; viewer: Viewer; ticket: string }

/**
 * The password, then either a session or, for an account with a second factor, a pending sign-in.
 * @example const r = await beginSignIn(db, { login, password, ip }); if (r.ok && r.value.kind === 'second-step') ...
 */
export async function beginSignIn(
  db: Db,
  input: LoginInput,
  now = Date.now(),
): Promise<Result<SignInOutcome>> {
  const checked = await checkLogin(db, input, now)
  if (!checked.ok) return checked
  const viewer = checked.value
  if (!(await hasSecondFactor(db, viewer.id))) {
    const token = await createSession(db, viewer.id, now, {
      ip: input.ip,
      userAgent: input.userAgent,
    })
    return ok({ kind: 'signed-in', viewer, token })
  }
  const ticket = await startSecondStep(db, viewer.id, now)
  return ok({ kind: 'second-step', viewer, ticket })
}

/**
 * Opens a pending sign-in for an account whose owner has passed a first step, and returns the ticket
 * for the browser's cookie. For every way in that can end in a session (a password, a reset link, an
 * identity provider) when `hasSecondFactor` says the account has one.
 */
export async function startSecondStep(db: Db, userId: number, now = Date.now()): Promise<string> {
  const ticket = randomBytes(32).toString('base64url')
  await deleteExpiredChallenges(db, now)
  await insertChallenge(
    db,
    {
      idHash: hashToken(ticket),
      purpose: 'second-step',
      userId,
      expiresAt: now + SECOND_STEP_TTL_MS,
    },
    now,
  )
  return ticket
}

/** The methods a pending sign-in may finish with, or undefined when the ticket is unknown or old. */
export async function findSecondStep(
  db: Db,
  ticket: string,
  now = Date.now(),
): Promise<SecondStepMethods | undefined> {
  const userId = await pendingUser(db, ticket, now)
  if (userId === undefined) return undefined
  const [totp, passkeys] = await Promise.all([findTotp(db, userId), countPasskeys(db, userId)])
  return { totp: totp !== undefined && totp.enabledAt !== null, passkey: passkeys > 0 }
}

export interface SecondStepInput {
  ticket: string
  code: string
  ip: string
  /** Recorded on the new session, as the password sign-in does. */
  userAgent?: string | undefined
}

/**
 * Finishes a pending sign-in with a TOTP code (±1 step, never the same step twice) or a recovery code
 * (used up). Every attempt counts against the account and the address before any check.
 */
export async function finishSecondStep(
  db: Db,
  input: SecondStepInput,
  now = Date.now(),
): Promise<Result<{ userId: number; token: string }>> {
  const userId = await pendingUser(db, input.ticket, now)
  if (userId === undefined) return expired()
  const wait = await takeEach(
    [
      [twoFactorLimits.account, `user:${userId}`],
      [twoFactorLimits.ip, input.ip],
    ],
    now,
  )
  if (wait > 0) return fail.rateLimited(wait)
  const code = input.code.trim()
  if (code === '')
    return fail.invalid('code', msg('Enter a code from your app or a recovery code.'))
  const accepted = isTotpShaped(code)
    ? await acceptTotp(db, userId, code, now)
    : await useRecoveryCode(db, userId, hashRecoveryCode(code), now)
  if (!accepted)
    return fail.invalid(
      'code',
      msg('That code is not right, or was used already. Try the next one.'),
    )
  return completeSignIn(db, input.ticket, userId, now, client(input))
}

/** Ends a pending sign-in with a session; the ticket acts once. */
export async function completeSignIn(
  db: Db,
  ticket: string,
  userId: number,
  now: number,
  sessionClient: SessionClient = {},
): Promise<Result<{ userId: number; token: string }>> {
  const taken = await takeChallenge(db, hashToken(ticket), 'second-step', now)
  if (taken?.userId !== userId) return expired()
  await refundAttempt([twoFactorLimits.account, `user:${userId}`], now)
  return ok({ userId, token: await createSession(db, userId, now, sessionClient) })
}

/** The account a live pending sign-in belongs to. */
export async function pendingUser(
  db: Db,
  ticket: string,
  now: number,
): Promise<number | undefined> {
  if (ticket.length < 20 || ticket.length > 100) return undefined
  const found = await findChallenge(db, hashToken(ticket), 'second-step', now)
  return found?.userId ?? undefined
}

async function acceptTotp(db: Db, userId: number, code: string, now: number): Promise<boolean> {
  const row = await findTotp(db, userId)
  if (!row || row.enabledAt === null) return false
  const step = await matchTotp(await openSecret(db, row.secretEnc), code, row.lastStep, now)
  return step !== null && (await claimTotpStep(db, userId, step))
}

function expired(): Result<never> {
  return fail.invalid('code', msg('This sign-in has expired. Sign in with your password again.'))
}

interface SessionClient {
  ip?: string | undefined
  userAgent?: string | undefined
}

/** What a new session records of the browser that opened it (the sessions page shows it). */
export function client(input: { ip: string; userAgent?: string | undefined }): SessionClient {
  return { ip: input.ip, userAgent: input.userAgent }
}
