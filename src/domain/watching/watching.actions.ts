/**
 * Setting a watch level, the defaults (asking watches a thread, replying tracks it, unless the person
 * chose a level before), and the level that decides what a person hears of a thread.
 */
import type { Executor } from '../../db/schema.js'
import { fail, ok, type Result, type Viewer } from '../shared/index.js'
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
  isWatchLevel,
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
  if (!viewer) return fail.forbidden('Sign in to watch threads and tags.')
  if (!isWatchLevel(input.level))
    return fail.invalid('level', 'Choose watching, tracking, normal or muted.')
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
 * The default level after a person's post, in the post's transaction: `watching` for the asker,
 * `tracking` for a replier. A level the person already holds (chosen, or an earlier default) stays.
 */
export async function watchByDefault(
  trx: Executor,
  userId: number,
  threadId: number,
  level: 'watching' | 'tracking',
  now: number,
): Promise<void> {
  await upsertThreadWatch(trx, { userId, threadId, level, now }, true)
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
