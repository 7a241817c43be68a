/** All SQL of two-factor sign-in: TOTP secrets, recovery codes, passkeys and sign-in challenges. */
import type { Executor, SignInChallengesTable } from '../../db/schema.js'

export interface TotpRow {
  secretEnc: string
  enabledAt: number | null
  lastStep: number
}

export async function findTotp(db: Executor, userId: number): Promise<TotpRow | undefined> {
  const row = await db
    .selectFrom('totp_secrets')
    .select(['secret_enc as secretEnc', 'enabled_at as enabledAt', 'last_step as lastStep'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row && { ...row, lastStep: Number(row.lastStep), enabledAt: numberOrNull(row.enabledAt) }
}

/** Starts (or restarts) setting TOTP up: a new secret, not enabled until a code from it is confirmed. */
export async function savePendingTotp(
  db: Executor,
  userId: number,
  secretEnc: string,
  now: number,
): Promise<void> {
  await db.deleteFrom('totp_secrets').where('user_id', '=', userId).execute()
  await db
    .insertInto('totp_secrets')
    .values({ user_id: userId, secret_enc: secretEnc, enabled_at: null, created_at: now })
    .execute()
}

/**
 * Records `step` as used when it is later than the last used one: one statement, so two requests with
 * the same code cannot both pass. True when this call recorded it.
 */
export async function claimTotpStep(
  db: Executor,
  userId: number,
  step: number,
  enableAt?: number,
): Promise<boolean> {
  const result = await db
    .updateTable('totp_secrets')
    .set({ last_step: step, ...(enableAt === undefined ? {} : { enabled_at: enableAt }) })
    .where('user_id', '=', userId)
    .where('last_step', '<', step)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function deleteTotp(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('totp_secrets').where('user_id', '=', userId).execute()
}

export async function replaceRecoveryCodes(
  db: Executor,
  userId: number,
  hashes: readonly string[],
  now: number,
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: now })))
    .execute()
}

export async function deleteRecoveryCodes(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
}

/** Marks an unused code used; true when this call used it (single use, even under races). */
export async function useRecoveryCode(
  db: Executor,
  userId: number,
  codeHash: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countUnusedRecoveryCodes(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface PasskeyRow {
  id: number
  credentialId: string
  publicKey: string
  counter: number
  transports: string[]
  name: string
  createdAt: number
  lastUsedAt: number | null
}

const PASSKEY_COLUMNS = [
  'id',
  'user_id as userId',
  'credential_id as credentialId',
  'public_key as publicKey',
  'counter',
  'transports',
  'name',
  'created_at as createdAt',
  'last_used_at as lastUsedAt',
] as const

export async function listPasskeys(db: Executor, userId: number): Promise<PasskeyRow[]> {
  const rows = await db
    .selectFrom('passkeys')
    .select(PASSKEY_COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute()
  return rows.map(passkeyOf)
}

export async function findPasskeyByCredential(
  db: Executor,
  credentialId: string,
): Promise<(PasskeyRow & { userId: number }) | undefined> {
  const row = await db
    .selectFrom('passkeys')
    .select(PASSKEY_COLUMNS)
    .where('credential_id', '=', credentialId)
    .executeTakeFirst()
  return row && { ...passkeyOf(row), userId: row.userId }
}

export async function insertPasskey(
  db: Executor,
  row: {
    userId: number
    credentialId: string
    publicKey: string
    counter: number
    transports: string[]
    name: string
    now: number
  },
): Promise<void> {
  await db
    .insertInto('passkeys')
    .values({
      user_id: row.userId,
      credential_id: row.credentialId,
      public_key: row.publicKey,
      counter: row.counter,
      transports: JSON.stringify(row.transports),
      name: row.name,
      created_at: row.now,
    })
    .execute()
}

export async function touchPasskey(
  db: Executor,
  id: number,
  counter: number,
  now: number,
): Promise<void> {
  await db
    .updateTable('passkeys')
    .set({ counter, last_used_at: now })
    .where('id', '=', id)
    .execute()
}

/** Deletes one of the owner's passkeys; true when there was one. */
export async function deletePasskey(db: Executor, userId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('passkeys')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export async function countPasskeys(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('passkeys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export type ChallengePurpose = SignInChallengesTable['purpose']

export async function insertChallenge(
  db: Executor,
  row: { idHash: string; purpose: ChallengePurpose; userId: number | null; expiresAt: number },
  now: number,
): Promise<void> {
  await db
    .insertInto('sign_in_challenges')
    .values({
      id_hash: row.idHash,
      purpose: row.purpose,
      user_id: row.userId,
      expires_at: row.expiresAt,
      created_at: now,
    })
    .execute()
}

/** A live challenge of that purpose: its user (null for a passwordless sign-in). */
export async function findChallenge(
  db: Executor,
  idHash: string,
  purpose: ChallengePurpose,
  now: number,
): Promise<{ userId: number | null } | undefined> {
  const row = await db
    .selectFrom('sign_in_challenges')
    .select('user_id as userId')
    .where('id_hash', '=', idHash)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row
}

/**
 * Deletes a live challenge of that purpose and returns its user: whoever deletes it first has used it,
 * so a challenge acts once however many requests race for it.
 */
export async function takeChallenge(
  db: Executor,
  idHash: string,
  purpose: ChallengePurpose,
  now: number,
): Promise<{ userId: number | null } | undefined> {
  const found = await findChallenge(db, idHash, purpose, now)
  if (!found) return undefined
  const result = await db
    .deleteFrom('sign_in_challenges')
    .where('id_hash', '=', idHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1 ? found : undefined
}

export async function deleteExpiredChallenges(db: Executor, now: number): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('expires_at', '<=', now).execute()
}

function passkeyOf(row: {
  id: number
  credentialId: string
  publicKey: string
  counter: number | string
  transports: string
  name: string
  createdAt: number | string
  lastUsedAt: number | string | null
}): PasskeyRow {
  return {
    id: row.id,
    credentialId: row.credentialId,
    publicKey: row.publicKey,
    counter: Number(row.counter),
    transports: parseTransports(row.transports),
    name: row.name,
    createdAt: Number(row.createdAt),
    lastUsedAt: numberOrNull(row.lastUsedAt),
  }
}

function parseTransports(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : []
  } catch {
    return []
  }
}

function numberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value)
}

/** Deletes every second factor of an account and its pending challenges (the account's deletion). */
export async function eraseSecondFactors(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('user_id', '=', userId).execute()
  await db.deleteFrom('passkeys').where('user_id', '=', userId).execute()
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  await db.deleteFrom('totp_secrets').where('user_id', '=', userId).execute()
}
