/**
 * Server-side sessions. The cookie holds a random 256-bit token; the table holds only its SHA-256, so a
 * copy of the database gives no usable sessions (SECURITY.md row 5). Logout deletes the row (row 3).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Executor } from '../../db/schema.js'
import type { Viewer } from '../shared/index.js'

export const SESSION_TTL_MS = 30 * 24 * 3_600_000
/**
 * Last seen (with the sliding expiry, the address and the browser) is written at most this often per
 * session, so a person's requests cost one write every few minutes, not one each.
 */
export const TOUCH_EVERY_MS = 5 * 60_000
/** The longest User-Agent kept: enough for any real browser's, short of a header someone padded. */
export const USER_AGENT_MAX = 512

/** Where a request comes from: recorded on the session so its owner can recognise it. */
export interface SessionClient {
  userAgent?: string | undefined
  ip?: string | undefined
}

function clientColumns(client: SessionClient): { user_agent: string | null; ip: string | null } {
  return {
    user_agent: client.userAgent ? client.userAgent.slice(0, USER_AGENT_MAX) : null,
    ip: client.ip ? client.ip.slice(0, 64) : null,
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The client facts a request did carry: a touch never replaces a recorded one with nothing. */
function knownColumns(client: SessionClient): { user_agent?: string; ip?: string } {
  const { user_agent, ip } = clientColumns(client)
  return { ...(user_agent !== null ? { user_agent } : {}), ...(ip !== null ? { ip } : {}) }
}

/** Creates a session and returns the token for the cookie. */
export async function createSession(
  db: Executor,
  userId: number,
  now = Date.now(),
  client: SessionClient = {},
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  // Expired rows are refused on read; each sign-in also sweeps them out (one range on sessions_expiry).
  await deleteExpiredSessions(db, now)
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: now + SESSION_TTL_MS,
      ...clientColumns(client),
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

/**
 * The person behind a token, or undefined when it is unknown or expired. Every TOUCH_EVERY_MS (and at
 * the first request of a session opened without them) it records last seen, the address and the
 * browser, and slides the expiry.
 */
export async function findSessionViewer(
  db: Executor,
  token: string,
  now = Date.now(),
  client: SessionClient = {},
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
      'u.trust_level as trustLevel',
      'u.silenced_until as silencedUntil',
      'u.suspended_until as suspendedUntil',
      'u.locale',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      's.user_agent as userAgent',
      'u.email',
      'u.email_verified_at as emailVerifiedAt',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst()
  if (!row || row.expiresAt <= now) return undefined
  // A suspended person's sessions end with the suspension; this also refuses any left behind.
  if (row.suspendedUntil !== null && row.suspendedUntil > now) return undefined
  const unrecorded = row.userAgent === null && Boolean(client.userAgent)
  if (now - row.lastSeenAt >= TOUCH_EVERY_MS || unrecorded) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: now + SESSION_TTL_MS, ...knownColumns(client) })
      .where('id_hash', '=', idHash)
      .execute()
  }
  return {
    viewer: {
      id: row.id,
      username: row.username,
      title: row.title,
      role: row.role,
      trustLevel: row.trustLevel,
      silencedUntil: row.silencedUntil,
      locale: row.locale,
    },
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

async function deleteExpiredSessions(db: Executor, now = Date.now()): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
}

export interface SessionRow {
  idHash: string
  createdAt: number
  lastSeenAt: number
  userAgent: string | null
  ip: string | null
}

/** A person's sessions that have not expired, the most recently seen first. */
export function listUserSessionRows(
  db: Executor,
  userId: number,
  now = Date.now(),
): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .select([
      'id_hash as idHash',
      'created_at as createdAt',
      'last_seen_at as lastSeenAt',
      'user_agent as userAgent',
      'ip',
    ])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
}

/** Ends one session, only when it belongs to `userId`; how many rows went (0 or 1). */
export async function deleteUserSession(
  db: Executor,
  userId: number,
  idHash: string,
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id_hash', '=', idHash)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
