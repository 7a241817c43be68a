/** Reading a link's token: valid, or why not (the page says which, and offers to ask again). */
import type { Executor } from '../../db/schema.js'
import { findAccountToken, type TokenRow } from './account-mail.queries.js'
import { hashAccountToken, hashesMatch, isTokenShaped, type TokenPurpose } from './tokens.js'

export type TokenCheck =
  | { state: 'valid'; row: TokenRow }
  /** Expired, already used, or never issued (altered): each gets its own words, none a 500. */
  | { state: 'expired' | 'used' | 'unknown'; purpose: TokenPurpose | null }

export async function checkToken(
  db: Executor,
  token: string,
  purposes: readonly TokenPurpose[],
  now: number,
): Promise<TokenCheck> {
  if (!isTokenShaped(token)) return { state: 'unknown', purpose: null }
  const hash = hashAccountToken(token)
  const row = await findAccountToken(db, hash)
  if (!row || !hashesMatch(row.tokenHash, hash) || !purposes.includes(row.purpose))
    return { state: 'unknown', purpose: null }
  if (row.usedAt !== null) return { state: 'used', purpose: row.purpose }
  if (row.expiresAt <= now) return { state: 'expired', purpose: row.purpose }
  return { state: 'valid', row }
}
