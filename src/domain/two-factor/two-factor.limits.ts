/**
 * Attempt limits of the second step and of the password confirmations on the security settings;
 * replaceable in tests (as users' `authLimits`). A six-digit code has a million values and three are
 * valid at a time, so ten guesses per account in 15 minutes leave a guesser about one chance in
 * 33,000 per window; the per-address limit stops one machine trying many accounts.
 */
import { AttemptLimiter, takeAttempts, type AttemptPair } from '../shared/index.js'

const FIFTEEN_MINUTES = 15 * 60_000

export const twoFactorLimits = createTwoFactorLimits()

export function createTwoFactorLimits() {
  return {
    /** Codes (TOTP or recovery) and passkey answers for one account, right or wrong. */
    account: new AttemptLimiter({
      name: 'second-step.account',
      max: 10,
      windowMs: FIFTEEN_MINUTES,
    }),
    /** The same from one address, whatever the account. */
    ip: new AttemptLimiter({ name: 'second-step.ip', max: 50, windowMs: FIFTEEN_MINUTES }),
    /** Passwords typed to confirm a change (turn TOTP off, new recovery codes), per account. */
    password: new AttemptLimiter({
      name: 'confirm-password.account',
      max: 10,
      windowMs: FIFTEEN_MINUTES,
    }),
    /** Passkey challenges handed out to one address (each is a row until it expires). */
    challenges: new AttemptLimiter({
      name: 'passkey-challenges',
      max: 60,
      windowMs: FIFTEEN_MINUTES,
    }),
  }
}

/**
 * Counts one attempt against each pair, or none when any is held: then the longest wait. Shared by
 * every app process when REDIS_URL is set (domain/shared's takeAttempts).
 */
export function takeEach(pairs: readonly AttemptPair[], now: number): Promise<number> {
  return takeAttempts(pairs, now)
}
