/**
 * Recovery codes: ten random codes of 10 characters (50 bits) from an alphabet without look-alikes,
 * shown once as `xxxxx-xxxxx` and stored as SHA-256. A fast hash is enough for 50 random bits behind a
 * per-account attempt limit; lookups are by hash, so no stored code is compared character by character.
 */
import { createHash, randomInt } from 'node:crypto'

export const RECOVERY_CODE_COUNT = 10
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789' // no i, l, o, 0, 1

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
}

/** Case, spaces and dashes do not matter when a code is typed. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '')
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(`recovery:${normaliseRecoveryCode(code)}`)
    .digest('hex')
}
