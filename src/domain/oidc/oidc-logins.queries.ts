/**
 * Sign-ins under way. A row is found by the SHA-256 of the random key in the browser's cookie and used
 * once: `takeLogin` deletes it as it reads it, so two requests with one cookie cannot both go on.
 */
import type { Executor } from '../../db/schema.js'

export interface LoginRow {
  providerId: string
  state: string
  nonce: string
  codeVerifier: string
  next: string
  linkUserId: number | null
  subject: string | null
  email: string | null
  emailVerified: boolean
  preferredUsername: string | null
}

export interface NewLogin {
  idHash: string
  providerId: string
  state: string
  nonce: string
  codeVerifier: string
  next: string
  linkUserId: number | null
  subject: string | null
  email: string | null
  emailVerified: boolean
  preferredUsername: string | null
  createdAt: number
  expiresAt: number
}

export async function insertLogin(db: Executor, row: NewLogin): Promise<void> {
  await db
    .insertInto('oidc_logins')
    .values({
      id_hash: row.idHash,
      provider_id: row.providerId,
      state: row.state,
      nonce: row.nonce,
      code_verifier: row.codeVerifier,
      next: row.next,
      link_user_id: row.linkUserId,
      subject: row.subject,
      email: row.email,
      email_verified: row.emailVerified ? 1 : 0,
      preferred_username: row.preferredUsername,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
    })
    .execute()
}

const COLUMNS = [
  'provider_id as providerId',
  'state',
  'nonce',
  'code_verifier as codeVerifier',
  'next',
  'link_user_id as linkUserId',
  'subject',
  'email',
  'email_verified as emailVerified',
  'preferred_username as preferredUsername',
] as const

function toRow(r: Omit<LoginRow, 'emailVerified'> & { emailVerified: number }): LoginRow {
  return { ...r, emailVerified: r.emailVerified === 1 }
}

/** Reads a live login without using it up (the page that asks for a username). */
export async function findLogin(
  db: Executor,
  idHash: string,
  now: number,
): Promise<LoginRow | undefined> {
  const row = await db
    .selectFrom('oidc_logins')
    .select(COLUMNS)
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row && toRow(row)
}

/** Deletes a login and returns it when it was still live: each one is used once. */
export async function takeLogin(
  db: Executor,
  idHash: string,
  now: number,
): Promise<LoginRow | undefined> {
  const row = await db
    .deleteFrom('oidc_logins')
    .where('id_hash', '=', idHash)
    .returning([...COLUMNS, 'expires_at as expiresAt'])
    .executeTakeFirst()
  if (row === undefined || Number(row.expiresAt) <= now) return undefined
  const { expiresAt: _expiresAt, ...rest } = row
  return toRow(rest)
}

export async function deleteExpiredLogins(db: Executor, now: number): Promise<void> {
  await db.deleteFrom('oidc_logins').where('expires_at', '<=', now).execute()
}
