/**
 * The security settings: turning TOTP on (a code from the new secret proves the app has it) and off
 * (the password proves the owner is at the keyboard), and recovery codes, shown once.
 */
import type { Db, Executor } from '../../db/schema.js'
import { fail, msg, ok, refundAttempt, type Result, type Viewer } from '../shared/index.js'
import { isPasswordCorrect } from '../users/index.js'
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js'
import { openSecret, sealSecret } from './secret-box.js'
import { matchTotp, newTotpSecret, totpUri } from './totp.js'
import { takeEach, twoFactorLimits } from './two-factor.limits.js'
import {
  claimTotpStep,
  countPasskeys,
  countUnusedRecoveryCodes,
  deleteRecoveryCodes,
  deleteTotp,
  findTotp,
  listPasskeys,
  replaceRecoveryCodes,
  savePendingTotp,
} from './two-factor.queries.js'
import type { SecurityOverview, TotpSetup } from './two-factor.types.js'

export async function getSecurityOverview(db: Db, viewer: Viewer): Promise<SecurityOverview> {
  const [totp, unusedRecoveryCodes, passkeys] = await Promise.all([
    findTotp(db, viewer.id),
    countUnusedRecoveryCodes(db, viewer.id),
    listPasskeys(db, viewer.id),
  ])
  return {
    totpEnabled: totp !== undefined && totp.enabledAt !== null,
    unusedRecoveryCodes,
    passkeys: passkeys.map(({ id, name, createdAt, lastUsedAt }) => ({
      id,
      name,
      createdAt,
      lastUsedAt,
    })),
  }
}

/** Whether signing in to this account takes a second step (TOTP on, or a passkey registered). */
export async function hasSecondFactor(db: Executor, userId: number): Promise<boolean> {
  const totp = await findTotp(db, userId)
  return (totp !== undefined && totp.enabledAt !== null) || (await countPasskeys(db, userId)) > 0
}

/** A new secret to scan, kept server-side (encrypted) until a code from it turns TOTP on. */
export async function startTotpSetup(
  db: Db,
  viewer: Viewer,
  issuer: string,
  now = Date.now(),
): Promise<Result<TotpSetup>> {
  const existing = await findTotp(db, viewer.id)
  if (existing !== undefined && existing.enabledAt !== null)
    return fail.conflict(msg('Two-factor codes are already on; turn them off first.'))
  const secret = newTotpSecret()
  await savePendingTotp(db, viewer.id, await sealSecret(db, secret), now)
  return ok({ secret, uri: totpUri(issuer, viewer.username, secret) })
}

/** The secret being set up, to show again with a refused code; never once TOTP is on. */
export async function findTotpSetup(
  db: Db,
  viewer: Viewer,
  issuer: string,
): Promise<TotpSetup | undefined> {
  const row = await findTotp(db, viewer.id)
  if (!row || row.enabledAt !== null) return undefined
  const secret = await openSecret(db, row.secretEnc)
  return { secret, uri: totpUri(issuer, viewer.username, secret) }
}

/** Turns TOTP on when `code` comes from the pending secret; returns ten new recovery codes. */
export async function enableTotp(
  db: Db,
  viewer: Viewer,
  code: string,
  now = Date.now(),
): Promise<Result<{ recoveryCodes: string[] }>> {
  const wait = await takeEach([[twoFactorLimits.account, `user:${viewer.id}`]], now)
  if (wait > 0) return fail.rateLimited(wait)
  const row = await findTotp(db, viewer.id)
  if (!row) return fail.invalid('code', msg('Start again: there is no code being set up.'))
  if (row.enabledAt !== null) return fail.conflict(msg('Two-factor codes are already on.'))
  const step = await matchTotp(await openSecret(db, row.secretEnc), code, row.lastStep, now)
  if (step === null)
    return fail.invalid(
      'code',
      msg('That code does not match. Enter the 6 digits your app shows now.'),
    )
  const recoveryCodes = newRecoveryCodes()
  const claimed = await db.transaction().execute(async (trx) => {
    if (!(await claimTotpStep(trx, viewer.id, step, now))) return false
    await replaceRecoveryCodes(trx, viewer.id, recoveryCodes.map(hashRecoveryCode), now)
    return true
  })
  if (!claimed)
    return fail.invalid('code', msg('That code was used already; wait for the next one.'))
  await refundAttempt([twoFactorLimits.account, `user:${viewer.id}`], now)
  return ok({ recoveryCodes })
}

/** Turns TOTP off after the password; recovery codes go too when no passkey is left. */
export async function disableTotp(
  db: Db,
  viewer: Viewer,
  password: string,
  now = Date.now(),
): Promise<Result<null>> {
  const checked = await confirmPassword(db, viewer, password, now)
  if (!checked.ok) return checked
  await db.transaction().execute(async (trx) => {
    await deleteTotp(trx, viewer.id)
    if ((await countPasskeys(trx, viewer.id)) === 0) await deleteRecoveryCodes(trx, viewer.id)
  })
  return ok(null)
}

/** Ten new recovery codes after the password; the old ones stop working. */
export async function regenerateRecoveryCodes(
  db: Db,
  viewer: Viewer,
  password: string,
  now = Date.now(),
): Promise<Result<{ recoveryCodes: string[] }>> {
  const checked = await confirmPassword(db, viewer, password, now)
  if (!checked.ok) return checked
  if (!(await hasSecondFactor(db, viewer.id)))
    return fail.conflict(msg('Turn on two-factor codes or add a passkey first.'))
  const recoveryCodes = newRecoveryCodes()
  await replaceRecoveryCodes(db, viewer.id, recoveryCodes.map(hashRecoveryCode), now)
  return ok({ recoveryCodes })
}

async function confirmPassword(
  db: Db,
  viewer: Viewer,
  password: string,
  now: number,
): Promise<Result<null>> {
  // Counted before argon2, so parallel guesses cannot all pass one check.
  const key = `user:${viewer.id}`
  const wait = await takeEach([[twoFactorLimits.password, key]], now)
  if (wait > 0) return fail.rateLimited(wait)
  if (!(await isPasswordCorrect(db, viewer.id, password)))
    return fail.invalid('password', msg('That is not your password.'))
  await refundAttempt([twoFactorLimits.password, key], now)
  return ok(null)
}
