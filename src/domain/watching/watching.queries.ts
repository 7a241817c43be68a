/** The SQL of watching: one row per person and thread, and per person and tag. */
import type { Executor } from '../../db/schema.js'
import { unreadOf, type WatchLevel, type WatchListItem } from './watching.types.js'

export async function findThreadWatch(
  db: Executor,
  userId: number,
  threadId: number,
): Promise<WatchLevel | undefined> {
  const row = await db
    .selectFrom('thread_watches')
    .select('level')
    .where('user_id', '=', userId)
    .where('thread_id', '=', threadId)
    .executeTakeFirst()
  return row?.level
}

export async function findTagWatch(
  db: Executor,
  userId: number,
  tagId: number,
): Promise<WatchLevel | undefined> {
  const row = await db
    .selectFrom('tag_watches')
    .select('level')
    .where('user_id', '=', userId)
    .where('tag_id', '=', tagId)
    .executeTakeFirst()
  return row?.level
}

/** Sets a thread watch; `onlyIfAbsent` leaves a level the person chose alone (the defaults). */
export async function upsertThreadWatch(
  db: Executor,
  row: { userId: number; threadId: number; level: WatchLevel; now: number },
  onlyIfAbsent = false,
): Promise<void> {
  await db
    .insertInto('thread_watches')
    .values({
      user_id: row.userId,
      thread_id: row.threadId,
      level: row.level,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      onlyIfAbsent
        ? oc.columns(['user_id', 'thread_id']).doNothing()
        : oc
            .columns(['user_id', 'thread_id'])
            .doUpdateSet({ level: row.level, updated_at: row.now }),
    )
    .execute()
}

export async function upsertTagWatch(
  db: Executor,
  row: { userId: number; tagId: number; level: WatchLevel; now: number },
): Promise<void> {
  await db
    .insertInto('tag_watches')
    .values({ user_id: row.userId, tag_id: row.tagId, level: row.level, updated_at: row.now })
    .onConflict((oc) =>
      oc.columns(['user_id', 'tag_id']).doUpdateSet({ level: row.level, updated_at: row.now }),
    )
    .execute()
}

/** Whether a live thread or a tag with this id exists (what a watch may point at). */
export async function targetExists(
  db: Executor,
  target: 'thread' | 'tag',
  id: number,
): Promise<boolean> {
  const row =
    target === 'thread'
      ? await db
          .selectFrom('threads')
          .select('id')
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
      : await db.selectFrom('tags').select('id').where('id', '=', id).executeTakeFirst()
  return row !== undefined
}

/** The tags a person muted (their threads leave the person's home list). */
export async function listMutedTagIds(db: Executor, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('tag_watches')
    .select('tag_id')
    .where('user_id', '=', userId)
    .where('level', '=', 'muted')
    .execute()
  return rows.map((r) => r.tag_id)
}

/** A person's watches other than normal, threads then tags, most recently changed first. */
export async function listUserWatches(db: Executor, userId: number): Promise<WatchListItem[]> {
  const threads = await db
    .selectFrom('thread_watches as w')
    .innerJoin('threads as t', 't.id', 'w.thread_id')
    .leftJoin('thread_reads as r', (j) =>
      j.onRef('r.thread_id', '=', 'w.thread_id').onRef('r.user_id', '=', 'w.user_id'),
    )
    .select([
      'w.thread_id as id',
      't.title',
      'w.level',
      'w.updated_at as updatedAt',
      't.reply_count as replyCount',
      'r.read_replies as readReplies',
    ])
    .where('w.user_id', '=', userId)
    .where('w.level', '<>', 'normal')
    .where('t.deleted_at', 'is', null)
    .orderBy('w.updated_at', 'desc')
    .limit(500)
    .execute()
  const tags = await db
    .selectFrom('tag_watches as w')
    .innerJoin('tags as g', 'g.id', 'w.tag_id')
    .select(['w.tag_id as id', 'g.name as title', 'g.slug', 'w.level', 'w.updated_at as updatedAt'])
    .where('w.user_id', '=', userId)
    .where('w.level', '<>', 'normal')
    .orderBy('w.updated_at', 'desc')
    .execute()
  return [
    ...threads.map(({ replyCount, readReplies, ...r }) => ({
      ...r,
      target: 'thread' as const,
      slug: '',
      updatedAt: Number(r.updatedAt),
      unread: unreadOf(r.level, replyCount, readReplies),
    })),
    ...tags.map((r) => ({
      ...r,
      target: 'tag' as const,
      updatedAt: Number(r.updatedAt),
      unread: 0,
    })),
  ]
}

/** Every explicit thread level on one thread, by person. */
export async function listThreadWatchLevels(
  db: Executor,
  threadId: number,
): Promise<Map<number, WatchLevel>> {
  const rows = await db
    .selectFrom('thread_watches')
    .select(['user_id', 'level'])
    .where('thread_id', '=', threadId)
    .execute()
  return new Map(rows.map((r) => [r.user_id, r.level]))
}

/**
 * The level each person holds on any of the thread's tags: muted wins over watching (a person who
 * muted one of its tags wants none of it), then watching, then tracking.
 */
export async function listThreadTagWatchLevels(
  db: Executor,
  threadId: number,
): Promise<Map<number, WatchLevel>> {
  const rows = await db
    .selectFrom('tag_watches as w')
    .innerJoin('thread_tags as tt', 'tt.tag_id', 'w.tag_id')
    .select(['w.user_id', 'w.level'])
    .where('tt.thread_id', '=', threadId)
    .where('w.level', '<>', 'normal')
    .execute()
  const rank: Record<WatchLevel, number> = { muted: 3, watching: 2, tracking: 1, normal: 0 }
  const levels = new Map<number, WatchLevel>()
  for (const r of rows) {
    const had = levels.get(r.user_id)
    if (had === undefined || rank[r.level] > rank[had]) levels.set(r.user_id, r.level)
  }
  return levels
}

/** Deletes every watch level, read position and watch default of a person (the account's deletion). */
export async function eraseWatches(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('thread_watches').where('user_id', '=', userId).execute()
  await db.deleteFrom('tag_watches').where('user_id', '=', userId).execute()
  await db.deleteFrom('thread_reads').where('user_id', '=', userId).execute()
  await db.deleteFrom('watch_defaults').where('user_id', '=', userId).execute()
}

/**
 * After a merge: each level held on the old thread is held on the thread its replies went into, unless
 * the person holds one there already (theirs stays). The old thread's watches stay with it.
 */
export async function copyThreadWatches(
  db: Executor,
  fromThreadId: number,
  toThreadId: number,
  now: number,
): Promise<void> {
  await db
    .insertInto('thread_watches')
    .columns(['user_id', 'thread_id', 'level', 'updated_at'])
    .expression((eb) =>
      eb
        .selectFrom('thread_watches')
        .select((s) => [
          'user_id',
          s.val(toThreadId).as('thread_id'),
          'level',
          s.val(now).as('updated_at'),
        ])
        .where('thread_id', '=', fromThreadId),
    )
    .onConflict((oc) => oc.columns(['user_id', 'thread_id']).doNothing())
    .execute()
}
