import type { Executor } from '../../db/schema.js'
import type { Role, TrustLevel } from '../shared/index.js'
import type { Viewer } from '../shared/index.js'

export interface Credentials extends Viewer {
  passwordHash: string | null
  suspendedUntil: number | null
  suspendReason: string | null
}

/** A person by username or email (both case-insensitive), with the password hash. */
export function findCredentials(db: Executor, login: string): Promise<Credentials | undefined> {
  const key = login.trim().toLowerCase()
  return db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'title',
      'role',
      'trust_level as trustLevel',
      'silenced_until as silencedUntil',
      'suspended_until as suspendedUntil',
      'suspend_reason as suspendReason',
      'password_hash as passwordHash',
    ])
    .where((eb) => eb.or([eb('username_key', '=', key), eb('email_key', '=', key)]))
    .executeTakeFirst()
}

export async function findPasswordHash(
  db: Executor,
  userId: number,
): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.password_hash
}

export async function isUsernameTaken(db: Executor, username: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('users')
      .select('id')
      .where('username_key', '=', username.toLowerCase())
      .executeTakeFirst()) !== undefined
  )
}

export async function isEmailTaken(db: Executor, email: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('users')
      .select('id')
      .where('email_key', '=', email.toLowerCase())
      .executeTakeFirst()) !== undefined
  )
}

/** The account that has `email` (case-insensitive), if any. */
export function findEmailOwner(
  db: Executor,
  email: string,
): Promise<{ id: number; username: string; email: string | null } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'email'])
    .where('email_key', '=', email.toLowerCase())
    .executeTakeFirst()
}

export interface NewMember {
  username: string
  email: string | null
  passwordHash: string | null
  role: Role
  title: string | null
  createdAt: number
  emailVerifiedAt: number | null
  /** Absent: the column's default, `new` (docs/moderation.md). */
  trustLevel?: TrustLevel
}

export async function insertUser(db: Executor, u: NewMember): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      username: u.username,
      username_key: u.username.toLowerCase(),
      email: u.email,
      email_key: u.email?.toLowerCase() ?? null,
      password_hash: u.passwordHash,
      role: u.role,
      title: u.title,
      created_at: u.createdAt,
      email_verified_at: u.emailVerifiedAt,
      ...(u.trustLevel !== undefined ? { trust_level: u.trustLevel } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateUser(
  db: Executor,
  userId: number,
  fields: { passwordHash?: string; title?: string | null; role?: Role },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(fields.passwordHash !== undefined ? { password_hash: fields.passwordHash } : {}),
      ...(fields.title !== undefined ? { title: fields.title } : {}),
      ...(fields.role !== undefined ? { role: fields.role } : {}),
    })
    .where('id', '=', userId)
    .execute()
}

export function findUserIdByName(
  db: Executor,
  username: string,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('users')
    .select('id')
    .where('username_key', '=', username.toLowerCase())
    .executeTakeFirst()
}

/** The first `limit` people by id: who gives an import's boosts before reader accounts are made. */
export async function listFirstUserIds(db: Executor, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').orderBy('id').limit(limit).execute()
  return rows.map((r) => r.id)
}

/** The interface language a person chose in /settings/language (`en`, `de`), or null: as the browser asks. */
export async function setUserLocale(
  db: Executor,
  userId: number,
  locale: string | null,
): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute()
}

/**
 * The language chosen by the account with this address (null: none chosen, or no such account): the
 * language of the mail sent to it.
 */
export async function findLocaleByEmail(db: Executor, email: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('locale')
    .where('email_key', '=', email.toLowerCase())
    .executeTakeFirst()
  return row?.locale ?? null
}

/** What /settings/language shows as chosen. */
export async function findUserLocale(db: Executor, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('locale')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.locale ?? null
}
