/**
 * Setting a watch level, the defaults (asking watches a thread, replying tracks it, unless the person
 * chose a level before), and the level that decides what a person hears of a thread.
 */
import type { Executor } from '../../db/schema.js'
import { fail, msg, ok, type Result, type Viewer } from '../shared/index.js'
import {
  listHomeThreadsAfter,
  listLatestThreads,
  type ListCursor,
  type ThreadListItem,
} from '../thread-lists/index.js'
import {
  findTagWatch,
  findThreadWatch,
  listMutedTagIds,
  listThreadTagWatchLevels,
  listThreadWatchLevels,
  targetExists,
  upsertTagWatch,
  upsertThreadWatch,
} from './watching.queries.js'
import {
  findWatchDefaults,
  listReadPositions,
  listViewerThreadLevels,
  upsertThreadRead,
  upsertWatchDefaults,
} from './reads.queries.js'
import {
  STANDARD_WATCH_DEFAULTS,
  isDefaultWatchLevel,
  isWatchLevel,
  unreadOf,
  type WatchDefaults,
  type WatchLevel,
  type WatchState,
  type WatchTarget,
} from './watching.types.js'

export async function setWatchLevel(
  db: Executor,
  viewer: Viewer | null,
  input: { target: WatchTarget; id: number; level: string | undefined },
  now = Date.now(),
): Promise<Result<WatchState>> {
  if (!(await targetExists(db, input.target, input.id))) return fail.notFound(input.target)
  if (!viewer) return fail.forbidden(msg('Sign in to watch threads and tags.'))
  if (!isWatchLevel(input.level))
    return fail.invalid('level', msg('Choose watching, tracking, normal or muted.'))
  const level = input.level
  if (input.target === 'thread')
    await upsertThreadWatch(db, { userId: viewer.id, threadId: input.id, level, now })
  else await upsertTagWatch(db, { userId: viewer.id, tagId: input.id, level, now })
  return ok({ target: input.target, id: input.id, level })
}

/** The viewer's level on a thread or tag as its control shows it (normal when never set). */
export async function getWatchState(
  db: Executor,
  viewer: Viewer,
  target: WatchTarget,
  id: number,
): Promise<WatchState> {
  const level =
    target === 'thread'
      ? await findThreadWatch(db, viewer.id, id)
      : await findTagWatch(db, viewer.id, id)
  return { target, id, level: level ?? 'normal' }
}

/**
 * The default level after a person's post, in the post's transaction: the person's own default for
 * asking or replying (/settings/notifications), else `watching` for the asker and `tracking` for a
 * replier. A level the person already holds (chosen, or an earlier default) stays; a default of
 * `normal` writes nothing (no row is normal).
 */
export async function watchByDefault(
  trx: Executor,
  userId: number,
  threadId: number,
  on: 'ask' | 'reply',
  now: number,
): Promise<void> {
  const defaults = await getWatchDefaults(trx, userId)
  const level = on === 'ask' ? defaults.onAsk : defaults.onReply
  if (level === 'normal') return
  await upsertThreadWatch(trx, { userId, threadId, level, now }, true)
}

/** A person's watch defaults: their choice, else watching on ask and tracking on reply. */
export async function getWatchDefaults(db: Executor, userId: number): Promise<WatchDefaults> {
  return (await findWatchDefaults(db, userId)) ?? { ...STANDARD_WATCH_DEFAULTS }
}

/**
 * Saves the "when I ask / when I reply" form: each watching, tracking or normal. The field named in
 * the failure is the form's (`on_ask`, `on_reply`).
 */
export async function saveWatchDefaults(
  db: Executor,
  viewer: Viewer | null,
  form: { on_ask?: string | undefined; on_reply?: string | undefined },
): Promise<Result<WatchDefaults>> {
  if (!viewer) return fail.forbidden(msg('Sign in to choose your watch defaults.'))
  const message = msg('Choose watching, tracking or normal.')
  if (!isDefaultWatchLevel(form.on_ask)) return fail.invalid('on_ask', message)
  if (!isDefaultWatchLevel(form.on_reply)) return fail.invalid('on_reply', message)
  const defaults: WatchDefaults = { onAsk: form.on_ask, onReply: form.on_reply }
  await upsertWatchDefaults(db, viewer.id, defaults)
  return ok(defaults)
}

/**
 * Each person's effective level on a thread, for those who hold one other than normal: the thread's own
 * level, else the strongest of its tags' (muted first). Absent people are normal.
 */
export async function listEffectiveThreadLevels(
  db: Executor,
  threadId: number,
): Promise<Map<number, WatchLevel>> {
  const levels = await listThreadTagWatchLevels(db, threadId)
  for (const [userId, level] of await listThreadWatchLevels(db, threadId)) levels.set(userId, level)
  return levels
}

/** The home page's latest threads; a signed-in person's muted tags leave it. */
export async function listHomeThreads(
  db: Executor,
  viewer: Viewer | null,
  limit: number,
): Promise<ThreadListItem[]> {
  const muted = viewer ? await listMutedTagIds(db, viewer.id) : []
  return listLatestThreads(db, limit, muted)
}

/**
 * The home list by cursor (the API): the home page's order, its pins and its muted tags, continued after
 * `after`; `next` is where the following page starts.
 */
export async function listHomeThreadsByCursor(
  db: Executor,
  viewer: Viewer | null,
  page: { limit: number; after: ListCursor | null },
): Promise<{ threads: ThreadListItem[]; next: ListCursor | null }> {
  const muted = viewer ? await listMutedTagIds(db, viewer.id) : []
  return listHomeThreadsAfter(db, { ...page, excludeTagIds: muted })
}

/**
 * Records the viewer's read position on a thread: its reply count as their page showed it. Called for
 * signed-in views only (their pages are never cached), so an anonymous page costs no write.
 */
export async function markThreadRead(
  db: Executor,
  viewer: Viewer,
  thread: { id: number; replyCount: number },
  now = Date.now(),
): Promise<void> {
  await upsertThreadRead(db, {
    userId: viewer.id,
    threadId: thread.id,
    replyCount: thread.replyCount,
    now,
  })
}

/**
 * The "N new" of a list's rows for a signed-in viewer: replies since their last view, on the threads
 * they track or watch (their own level, else their tags'). Two indexed reads for the page, whatever
 * its length; threads without new replies are absent from the map.
 * @example const unread = await listUnreadCounts(db, viewer, threads) // Map { 12 => 3 }
 */
export async function listUnreadCounts(
  db: Executor,
  viewer: Viewer | null,
  threads: readonly { id: number; replyCount: number }[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>()
  if (!viewer || threads.length === 0) return counts
  const ids = threads.map((t) => t.id)
  const read = await listReadPositions(db, viewer.id, ids)
  if (read.size === 0) return counts
  const levels = await listViewerThreadLevels(db, viewer.id, ids)
  for (const thread of threads) {
    const n = unreadOf(
      levels.get(thread.id) ?? 'normal',
      thread.replyCount,
      read.get(thread.id) ?? null,
    )
    if (n > 0) counts.set(thread.id, n)
  }
  return counts
}
