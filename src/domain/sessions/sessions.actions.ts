/**
 * What a person does with their own sessions: list them (to recognise each), end one, end all but the
 * one in use. Every write names the owner, so another person's session is never reached.
 */
import { createHash } from 'node:crypto'
import type { Executor } from '../../db/schema.js'
import { fail, ok, type Result, type Viewer } from '../shared/index.js'
import { describeUserAgent } from './device.js'
import { deleteUserSession, deleteUserSessions, listUserSessionRows } from './sessions.queries.js'
import type { SessionView } from './sessions.types.js'

/**
 * The id a page uses for a session: derived from the stored hash, so neither the token nor the hash
 * (which the CSRF tokens are bound to) leaves the server.
 */
export function publicSessionId(idHash: string): string {
  return createHash('sha256').update(`session-id:${idHash}`).digest('hex').slice(0, 32)
}

/** The viewer's active sessions, most recently seen first, the one in use marked. */
export async function listSessions(
  db: Executor,
  viewer: Viewer,
  currentIdHash: string | null,
  now = Date.now(),
): Promise<SessionView[]> {
  const rows = await listUserSessionRows(db, viewer.id, now)
  return rows.map((row) => ({
    id: publicSessionId(row.idHash),
    device: describeUserAgent(row.userAgent),
    userAgent: row.userAgent,
    ip: row.ip,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.idHash === currentIdHash,
  }))
}

/**
 * Signs out one of the viewer's own sessions by its public id (`current` when it was the one in use).
 * Another person's session, or one that ended already, is `not_found`: the answer says nothing about
 * whose it was.
 */
export async function endSessionById(
  db: Executor,
  viewer: Viewer,
  sessionId: string,
  currentIdHash: string | null,
  now = Date.now(),
): Promise<Result<{ current: boolean }>> {
  const rows = await listUserSessionRows(db, viewer.id, now)
  const row = rows.find((r) => publicSessionId(r.idHash) === sessionId)
  if (!row) return fail.notFound('session')
  await deleteUserSession(db, viewer.id, row.idHash)
  return ok({ current: row.idHash === currentIdHash })
}

/** Signs out every session of the viewer but the one in use; how many ended. */
export async function endOtherSessions(
  db: Executor,
  viewer: Viewer,
  currentIdHash: string | null,
): Promise<number> {
  // Without a current session (it cannot happen for a signed-in request) nothing is kept.
  return deleteUserSessions(db, viewer.id, currentIdHash ?? undefined)
}
