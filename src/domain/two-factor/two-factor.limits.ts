/**
 * Attempt limits of the second step and of the password confirmations on the security settings;
 * replaceable in tests (as users' `authLimits`). A six-digit code has a million values and three are
 * valid at a time, so ten guesses per account in 15 minutes leave a guesser about one chance in
 * 33,000 per window; the per-address limit stops one machine trying many accounts.
 */
import { AttemptLimiter } from '../shared/index.js'

const FIFTEEN_MINUTES = 15 * 60_000

export const twoFactorLimits = createTwoFactorLimits()

export function createTwoFactorLimits() {
  return {
    /** Codes (TOTP or recovery) and passkey answers for one account, right or wrong. */
    account: new AttemptLimiter({ max: 10, windowMs: FIFTEEN_MINUTES }),
    /** The same from one address, whatever the account. */
    ip: new AttemptLimiter({ max: 50, windowMs: FIFTEEN_MINUTES }),
    /** Passwords typed to confirm a change (turn TOTP off, new recovery codes), per account. */
    password: new AttemptLimiter({ max: 10, windowMs: FIFTEEN_MINUTES }),
    /** Passkey challenges handed out to one address (each is a row until it expires). */
    challenges: new AttemptLimiter({ max: 60, windowMs: FIFTEEN_MINUTES }),
  }
}

/** Counts one attempt against each pair, or none when any is held: then the longest wait. */
export function takeEach(
  pairs: readonly (readonly [AttemptLimiter, string])[],
  now: number,
): number {
  const wait = Math.max(0, ...pairs.map(([limiter, key]) => limiter.retryAfterS(key, now)))
  if (wait === 0) for (const [limiter, key] of pairs) limiter.hit(key, now)
  return wait
}
