/** The SQL of account mail: the tokens table, and the few user columns its flows read and write. */
import type { Executor } from '../../db/schema.js'
import type { TokenPurpose } from './tokens.js'

export interface TokenRow {
  id: number
  tokenHash: string
  purpose: TokenPurpose
  userId: number
  email: string
  expiresAt: number
  usedAt: number | null
}

export async function insertAccountToken(
  db: Executor,
  row: {
    tokenHash: string
    purpose: TokenPurpose
    userId: number
    email: string
    createdAt: number
    expiresAt: number
  },
): Promise<number> {
  const inserted = await db
    .insertInto('account_tokens')
    .values({
      token_hash: row.tokenHash,
      purpose: row.purpose,
      user_id: row.userId,
      email: row.email,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export function findAccountToken(db: Executor, tokenHash: string): Promise<TokenRow | undefined> {
  return db
    .selectFrom('account_tokens')
    .select([
      'id',
      'token_hash as tokenHash',
      'purpose',
      'user_id as userId',
      'email',
      'expires_at as expiresAt',
      'used_at as usedAt',
    ])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
}

/**
 * Marks every unused token of this purpose for the user as used, and reports whether `id` was one of
 * them: of two requests racing with one link, exactly one sees true.
 */
export async function useAccountTokens(
  db: Executor,
  id: number,
  userId: number,
  purpose: TokenPurpose,
  now: number,
): Promise<boolean> {
  const claimed = await db
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) return false
  await db
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute()
  return true
}

export interface MailUser {
  id: number
  username: string
  email: string | null
  emailVerifiedAt: number | null
}

const MAIL_USER_COLUMNS = [
  'id',
  'username',
  'email',
  'email_verified_at as emailVerifiedAt',
] as const

/** A person by username or email (both case-insensitive), with their address. */
export function findMailUserByLogin(db: Executor, login: string): Promise<MailUser | undefined> {
  const key = login.trim().toLowerCase()
  return db
    .selectFrom('users')
    .select(MAIL_USER_COLUMNS)
    .where((eb) => eb.or([eb('username_key', '=', key), eb('email_key', '=', key)]))
    .executeTakeFirst()
}

export function findMailUser(db: Executor, userId: number): Promise<MailUser | undefined> {
  return db
    .selectFrom('users')
    .select(MAIL_USER_COLUMNS)
    .where('id', '=', userId)
    .executeTakeFirst()
}

export async function isEmailInUse(db: Executor, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email_key', '=', email.trim().toLowerCase())
    .executeTakeFirst()
  return row !== undefined
}

/** Records that the owner of `userId` confirmed `email` (only while it is still the account's). */
export async function markEmailVerified(
  db: Executor,
  userId: number,
  email: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: now })
    .where('id', '=', userId)
    .where('email_key', '=', email.toLowerCase())
    .where('email_verified_at', 'is', null)
    .execute()
}

/** Gives the account a new, confirmed address. */
export async function setVerifiedEmail(
  db: Executor,
  userId: number,
  email: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ email, email_key: email.toLowerCase(), email_verified_at: now })
    .where('id', '=', userId)
    .execute()
}
