/**
 * TOTP (RFC 6238) through otplib: SHA-1, 6 digits, 30-second steps, the defaults every authenticator
 * app reads. A code is accepted for the current step and one step either side (clock drift), and only
 * for a step later than the last one accepted, so a code cannot be used twice.
 */
import { generateSecret, generateURI, verify } from 'otplib'

export const TOTP_PERIOD_S = 30

/** A new random secret (160 bits), base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 })
}

/** The `otpauth://` address an authenticator app scans from the QR code. */
export function totpUri(issuer: string, account: string, secret: string): string {
  return generateURI({ issuer, label: account, secret })
}

/** Whether `code` looks like a TOTP code (six digits, spaces ignored). */
export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ''))
}

/**
 * The time step `code` belongs to when it is valid within ±1 step and later than `afterStep`; null
 * otherwise.
 */
export async function matchTotp(
  secret: string,
  code: string,
  afterStep: number,
  now = Date.now(),
): Promise<number | null> {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now / 1000),
    epochTolerance: TOTP_PERIOD_S,
    afterTimeStep: afterStep > 0 ? afterStep : undefined,
  }).catch(() => null)
  return result?.valid && 'timeStep' in result ? result.timeStep : null
}
