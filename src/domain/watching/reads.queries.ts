/**
 * The SQL of read positions: one row per person and thread (the thread's reply count when the person
 * last viewed its page), and the "N new" of the threads a person tracks or watches.
 */
import type { Executor } from '../../db/schema.js'
import type { WatchDefaults, WatchLevel } from './watching.types.js'

/**
 * Records that a person has seen a thread's page with `replyCount` replies. One statement per view, but
 * it writes only when the position moved: re-reading a thread with no new replies changes no row (the
 * update's WHERE is false), so it costs no WAL or journal write.
 */
export async function upsertThreadRead(
  db: Executor,
  row: { userId: number; threadId: number; replyCount: number; now: number },
): Promise<void> {
  await db
    .insertInto('thread_reads')
    .values({
      user_id: row.userId,
      thread_id: row.threadId,
      read_replies: row.replyCount,
      read_at: row.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'thread_id'])
        .doUpdateSet({ read_replies: row.replyCount, read_at: row.now })
        .where('thread_reads.read_replies', '<>', row.replyCount),
    )
    .execute()
}

/** The person's read positions on these threads (absent: never viewed). */
export async function listReadPositions(
  db: Executor,
  userId: number,
  threadIds: number[],
): Promise<Map<number, number>> {
  if (threadIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('thread_reads')
    .select(['thread_id', 'read_replies'])
    .where('user_id', '=', userId)
    .where('thread_id', 'in', threadIds)
    .execute()
  return new Map(rows.map((r) => [r.thread_id, r.read_replies]))
}

/**
 * The person's effective level on each of these threads, where it is other than normal: the thread's
 * own level, else the strongest of its tags' (muted first, then watching, then tracking).
 */
export async function listViewerThreadLevels(
  db: Executor,
  userId: number,
  threadIds: number[],
): Promise<Map<number, WatchLevel>> {
  if (threadIds.length === 0) return new Map()
  const tagRows = await db
    .selectFrom('tag_watches as w')
    .innerJoin('thread_tags as tt', 'tt.tag_id', 'w.tag_id')
    .select(['tt.thread_id', 'w.level'])
    .where('w.user_id', '=', userId)
    .where('tt.thread_id', 'in', threadIds)
    .where('w.level', '<>', 'normal')
    .execute()
  const rank: Record<WatchLevel, number> = { muted: 3, watching: 2, tracking: 1, normal: 0 }
  const levels = new Map<number, WatchLevel>()
  for (const r of tagRows) {
    const had = levels.get(r.thread_id)
    if (had === undefined || rank[r.level] > rank[had]) levels.set(r.thread_id, r.level)
  }
  const own = await db
    .selectFrom('thread_watches')
    .select(['thread_id', 'level'])
    .where('user_id', '=', userId)
    .where('thread_id', 'in', threadIds)
    .execute()
  for (const r of own) levels.set(r.thread_id, r.level)
  return levels
}

/** A person's chosen watch defaults (absent: never chosen). */
export async function findWatchDefaults(
  db: Executor,
  userId: number,
): Promise<WatchDefaults | undefined> {
  const row = await db
    .selectFrom('watch_defaults')
    .select(['on_ask', 'on_reply'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) return undefined
  return { onAsk: row.on_ask, onReply: row.on_reply } as WatchDefaults
}

export async function upsertWatchDefaults(
  db: Executor,
  userId: number,
  defaults: WatchDefaults,
): Promise<void> {
  const values = { on_ask: defaults.onAsk, on_reply: defaults.onReply }
  await db
    .insertInto('watch_defaults')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute()
}
