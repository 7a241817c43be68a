/**
 * The composer's @mention autocomplete: usernames that start with what follows the `@`, for signed-in
 * people only, at most {@link MAX_MENTION_SUGGESTIONS}, names only (never an address), and limited per
 * person so the endpoint cannot be used to list every account quickly.
 */
import type { Executor } from '../../db/schema.js'
import { AttemptLimiter, fail, msg, ok, type Result, type Viewer } from '../shared/index.js'
import { listUsernamesByPrefix } from './notifications.queries.js'

export const MAX_MENTION_SUGGESTIONS = 8

/** Lookups per person a minute: typing a name takes a few; listing every account takes thousands. */
export const mentionSuggestLimiter = new AttemptLimiter({ max: 60, windowMs: 60_000 })

/**
 * Usernames for `@prefix`. A prefix that no username could start with (not letters, digits, - or _,
 * or longer than a name) matches nobody, without a query.
 * @example const names = await suggestMentions(db, viewer, 'ab') // ok(['abby', 'Abel_k'])
 */
export async function suggestMentions(
  db: Executor,
  viewer: Viewer | null,
  prefix: string,
  now = Date.now(),
): Promise<Result<string[]>> {
  if (!viewer) return fail.forbidden(msg('Sign in to mention people.'))
  const wait = mentionSuggestLimiter.take(`user:${viewer.id}`, now)
  if (wait > 0) return fail.rateLimited(wait)
  if (!/^[A-Za-z0-9_-]{1,30}$/.test(prefix)) return ok([])
  return ok(await listUsernamesByPrefix(db, prefix.toLowerCase(), MAX_MENTION_SUGGESTIONS))
}
