/**
 * Server-side sessions. The cookie holds a random 256-bit token; the table holds only its SHA-256, so a
 * copy of the database gives no usable sessions (SECURITY.md row 5). Logout deletes the row (row 3).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Executor } from '../../db/schema.js'
import type { Viewer } from '../shared/index.js'

export const SESSION_TTL_MS = 30 * 24 * 3_600_000
/** Sliding expiry is refreshed at most this often, so reads rarely write. */
const TOUCH_EVERY_MS = 12 * 3_600_000

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Creates a session and returns the token for the cookie. */
export async function createSession(
  db: Executor,
  userId: number,
  now = Date.now(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: now + SESSION_TTL_MS,
    })
    .execute()
  return token
}

export interface SessionViewer {
  viewer: Viewer
  idHash: string
  /** The account has an address it has not confirmed yet (account mail's banner and gate). */
  emailUnverified: boolean
}

/** The person behind a token, or undefined when it is unknown or expired. */
export async function findSessionViewer(
  db: Executor,
  token: string,
  now = Date.now(),
): Promise<SessionViewer | undefined> {
  if (token.length < 20 || token.length > 100) return undefined
  const idHash = hashToken(token)
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      'u.id',
      'u.username',
      'u.title',
      'u.role',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'u.email',
      'u.email_verified_at as emailVerifiedAt',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst()
  if (!row || row.expiresAt <= now) return undefined
  if (now - row.lastSeenAt > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: now + SESSION_TTL_MS })
      .where('id_hash', '=', idHash)
      .execute()
  }
  return {
    viewer: { id: row.id, username: row.username, title: row.title, role: row.role },
    idHash,
    emailUnverified: row.email !== null && row.emailVerifiedAt === null,
  }
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute()
}

/** Ends every session of a person except, optionally, the one in use. */
export async function deleteUserSessions(
  db: Executor,
  userId: number,
  keepIdHash?: string,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepIdHash) query = query.where('id_hash', '!=', keepIdHash)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function deleteExpiredSessions(db: Executor, now = Date.now()): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
}
