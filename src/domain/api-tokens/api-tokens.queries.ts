/** The SQL of personal access tokens. */
import type { Executor } from '../../db/schema.js'
import type { ApiScope, ApiTokenView } from './api-tokens.types.js'

const scopesOf = (text: string) => text.split(' ').filter(Boolean) as ApiScope[]

export async function insertToken(
  db: Executor,
  row: {
    userId: number
    name: string
    tokenHash: string
    prefix: string
    scopes: ApiScope[]
    now: number
    expiresAt: number | null
  },
): Promise<number> {
  const inserted = await db
    .insertInto('api_tokens')
    .values({
      user_id: row.userId,
      name: row.name,
      token_hash: row.tokenHash,
      prefix: row.prefix,
      scopes: row.scopes.join(' '),
      created_at: row.now,
      expires_at: row.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/** The person's live tokens (not revoked, not expired), newest first. */
export async function listLiveTokens(
  db: Executor,
  userId: number,
  now: number,
): Promise<ApiTokenView[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select([
      'id',
      'name',
      'prefix',
      'scopes',
      'created_at as createdAt',
      'expires_at as expiresAt',
      'last_used_at as lastUsedAt',
      'last_used_ip as lastUsedIp',
    ])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, scopes: scopesOf(r.scopes) }))
}

export async function revokeOwnToken(
  db: Executor,
  userId: number,
  tokenId: number,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** A live token's owner and scopes, by the token's hash. */
export async function findTokenOwner(db: Executor, tokenHash: string, now: number) {
  const row = await db
    .selectFrom('api_tokens as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select([
      'k.id as tokenId',
      'k.scopes',
      'k.last_used_at as lastUsedAt',
      'k.last_used_ip as lastUsedIp',
      'u.id',
      'u.username',
      'u.title',
      'u.role',
      'u.trust_level as trustLevel',
      'u.silenced_until as silencedUntil',
      'u.suspended_until as suspendedUntil',
      'u.deleted_at as deletedAt',
      'u.email',
      'u.email_verified_at as emailVerifiedAt',
    ])
    .where('k.token_hash', '=', tokenHash)
    .where('k.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('k.expires_at', 'is', null), eb('k.expires_at', '>', now)]))
    .executeTakeFirst()
  return row ? { ...row, scopes: scopesOf(row.scopes) } : undefined
}

export async function touchToken(db: Executor, tokenId: number, now: number, ip: string) {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now, last_used_ip: ip })
    .where('id', '=', tokenId)
    .execute()
}
