/** The SQL of invitations to register. */
import type { Executor } from '../../db/schema.js'

export async function insertInvitation(
  db: Executor,
  row: {
    codeHash: string
    email: string | null
    note: string | null
    createdBy: number
    createdAt: number
    expiresAt: number
  },
): Promise<number> {
  const inserted = await db
    .insertInto('invitations')
    .values({
      code_hash: row.codeHash,
      email: row.email,
      note: row.note,
      created_by: row.createdBy,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

const COLUMNS = [
  'i.id',
  'i.email',
  'i.note',
  'i.created_at as createdAt',
  'i.expires_at as expiresAt',
  'i.used_at as usedAt',
  'i.revoked_at as revokedAt',
  'c.username as createdBy',
  'u.username as usedBy',
] as const

/** The newest invitations first, with who made and who used them. */
export async function selectInvitations(db: Executor, limit: number) {
  return db
    .selectFrom('invitations as i')
    .leftJoin('users as c', 'c.id', 'i.created_by')
    .leftJoin('users as u', 'u.id', 'i.used_by')
    .select(COLUMNS)
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute()
}

export async function findInvitationById(db: Executor, id: number) {
  return db
    .selectFrom('invitations as i')
    .leftJoin('users as c', 'c.id', 'i.created_by')
    .leftJoin('users as u', 'u.id', 'i.used_by')
    .select(COLUMNS)
    .where('i.id', '=', id)
    .executeTakeFirst()
}

export async function findInvitationByHash(db: Executor, codeHash: string) {
  return db
    .selectFrom('invitations')
    .select([
      'id',
      'email',
      'expires_at as expiresAt',
      'used_at as usedAt',
      'revoked_at as revokedAt',
    ])
    .where('code_hash', '=', codeHash)
    .executeTakeFirst()
}

/** Marks an open invitation used; false when it was used, revoked or expired meanwhile. */
export async function markInvitationUsed(
  db: Executor,
  input: { id: number; userId: number; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ used_by: input.userId, used_at: input.now })
    .where('id', '=', input.id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', input.now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function markInvitationRevoked(
  db: Executor,
  id: number,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
