/**
 * Single-use tokens for account mail: 256 random bits, written into a link as base64url; the database
 * keeps only their SHA-256 (hex). A link's token is looked up by that hash, and the stored hash is then
 * compared with the computed one in constant time: the lookup's own timing can depend only on a digest
 * the sender cannot choose, so it tells them nothing about stored tokens.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export type TokenPurpose = 'verify-email' | 'password-reset' | 'change-email'

/** How long each kind of link works. */
export const TOKEN_TTL_MS: Readonly<Record<TokenPurpose, number>> = {
  'verify-email': 24 * 3_600_000,
  'password-reset': 3_600_000,
  'change-email': 24 * 3_600_000,
}

/** A token as base64url text: 43 characters for 32 bytes. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export interface NewToken {
  /** Goes into the link, and nowhere else. */
  token: string
  /** Goes into the database. */
  hash: string
}

/** A fresh random token and its hash. */
export function newToken(): NewToken {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashAccountToken(token) }
}

export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Whether `token` has the shape of one we issue (anything else is not looked up at all). */
export function isTokenShaped(token: string): boolean {
  return TOKEN_PATTERN.test(token)
}

/** Constant-time equality of two hex digests. */
export function hashesMatch(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y)
}
