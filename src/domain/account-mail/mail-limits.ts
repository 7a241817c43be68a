/**
 * How much account mail a stranger can cause (SECURITY.md "Mail"). Every request that may send a
 * message counts against its address (IP) before any lookup; a message counts against the address it
 * goes to, so no one can fill an inbox however many IPs they use. Per address the limits are keyed by
 * the email itself, which is also what a mail-bomb aims at.
 */
import { AttemptLimiter } from '../shared/index.js'

const HOUR = 3_600_000

/** A fresh set of limits with empty counters (tests start from one). */
export function createMailLimits() {
  return {
    /** Requests that may send mail (forgot password, send again, change address) from one IP. */
    ip: new AttemptLimiter({ max: 20, windowMs: HOUR }),
    /** Password-reset messages to one address. */
    reset: new AttemptLimiter({ max: 3, windowMs: HOUR }),
    /** Confirmation messages ("send again", change of address) to one address. */
    verify: new AttemptLimiter({ max: 3, windowMs: HOUR }),
    /** "Someone tried to register with your address" messages to one address. */
    accountExists: new AttemptLimiter({ max: 1, windowMs: 24 * HOUR }),
  }
}

export const mailLimits = createMailLimits()

export function addressKey(email: string): string {
  return email.trim().toLowerCase()
}
