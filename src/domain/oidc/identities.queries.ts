import type { Executor } from '../../db/schema.js'

export interface IdentityRow {
  id: number
  userId: number
  providerId: string
  subject: string
  email: string | null
  createdAt: number
  lastUsedAt: number
}

const COLUMNS = [
  'id',
  'user_id as userId',
  'provider_id as providerId',
  'subject',
  'email',
  'created_at as createdAt',
  'last_used_at as lastUsedAt',
] as const

export function findIdentity(
  db: Executor,
  providerId: string,
  subject: string,
): Promise<IdentityRow | undefined> {
  return db
    .selectFrom('user_identities')
    .select(COLUMNS)
    .where('provider_id', '=', providerId)
    .where('subject', '=', subject)
    .executeTakeFirst()
}

export function listIdentities(db: Executor, userId: number): Promise<IdentityRow[]> {
  return db
    .selectFrom('user_identities')
    .select(COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function insertIdentity(
  db: Executor,
  row: {
    userId: number
    providerId: string
    subject: string
    email: string | null
    emailVerified: boolean
    now: number
  },
): Promise<void> {
  await db
    .insertInto('user_identities')
    .values({
      user_id: row.userId,
      provider_id: row.providerId,
      subject: row.subject,
      email: row.email,
      email_verified: row.emailVerified ? 1 : 0,
      created_at: row.now,
      last_used_at: row.now,
    })
    .execute()
}

/** Records a sign-in with the login, and what the provider says the email is now. */
export async function touchIdentity(
  db: Executor,
  id: number,
  fields: { email: string | null; emailVerified: boolean; now: number },
): Promise<void> {
  await db
    .updateTable('user_identities')
    .set({
      email: fields.email,
      email_verified: fields.emailVerified ? 1 : 0,
      last_used_at: fields.now,
    })
    .where('id', '=', id)
    .execute()
}

/** Deletes one of the account's logins; false when it has no such login. */
export async function deleteIdentity(db: Executor, userId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('user_identities')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Deletes every login linked to an account and its flows in progress (the account's deletion). */
export async function eraseLinkedLogins(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('oidc_logins').where('link_user_id', '=', userId).execute()
  await db.deleteFrom('user_identities').where('user_id', '=', userId).execute()
}
