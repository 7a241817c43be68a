/** The SQL of staff actions on threads: a thread's moderation state, its tag pins, its tags, its posts. */
import type { Executor } from '../../db/schema.js'

/** What the thread actions need to know about a thread. */
export interface ThreadState {
  id: number
  title: string
  locked: boolean
  pinned: boolean
  pinnedUntil: number | null
  duplicateOf: number | null
  deleted: boolean
  acceptedPostId: number | null
}

export async function findThreadState(
  db: Executor,
  threadId: number,
): Promise<ThreadState | undefined> {
  const row = await db
    .selectFrom('threads')
    .select([
      'id',
      'title',
      'locked',
      'home_pinned as pinned',
      'pinned_until as pinnedUntil',
      'duplicate_of as duplicateOf',
      'deleted_at as deletedAt',
      'accepted_post_id as acceptedPostId',
    ])
    .where('id', '=', threadId)
    .executeTakeFirst()
  if (!row) return undefined
  const { deletedAt, locked, pinned, ...rest } = row
  return { ...rest, locked: locked === 1, pinned: pinned === 1, deleted: deletedAt !== null }
}

/** One of a thread's tags with the thread's pin in that tag only. */
export interface ThreadTagPin {
  tagId: number
  slug: string
  name: string
  pinned: boolean
  pinnedUntil: number | null
}

/** A thread's tags in their order, with its pin in each. */
export async function listThreadTagPins(db: Executor, threadId: number): Promise<ThreadTagPin[]> {
  const rows = await db
    .selectFrom('thread_tags as tt')
    .innerJoin('tags as g', 'g.id', 'tt.tag_id')
    .select([
      'tt.tag_id as tagId',
      'g.slug',
      'g.name',
      'tt.tag_pinned as pinned',
      'tt.tag_pinned_until as pinnedUntil',
    ])
    .where('tt.thread_id', '=', threadId)
    .orderBy('tt.position')
    .execute()
  return rows.map((r) => ({ ...r, pinned: r.pinned === 1 }))
}

/** Pins (or unpins) a thread in one of its tags; the sort key follows with syncThreadSortKeys. */
export async function setTagPin(
  db: Executor,
  threadId: number,
  tagId: number,
  pin: { pinned: boolean; until: number | null },
): Promise<void> {
  await db
    .updateTable('thread_tags')
    .set({ tag_pinned: pin.pinned ? 1 : 0, tag_pinned_until: pin.pinned ? pin.until : null })
    .where('thread_id', '=', threadId)
    .where('tag_id', '=', tagId)
    .execute()
}

/**
 * Gives a thread exactly `tagIds` (in that order): rows of tags it keeps stay (with their pins), the
 * others go, new ones come; the copied sort keys are written by the caller's refreshThread.
 */
export async function replaceThreadTags(
  db: Executor,
  threadId: number,
  tagIds: readonly number[],
  now: number,
): Promise<void> {
  await db
    .deleteFrom('thread_tags')
    .where('thread_id', '=', threadId)
    .where('tag_id', 'not in', [...tagIds])
    .execute()
  const kept = new Set(
    (
      await db
        .selectFrom('thread_tags')
        .select('tag_id')
        .where('thread_id', '=', threadId)
        .execute()
    ).map((r) => r.tag_id),
  )
  for (const [position, tagId] of tagIds.entries()) {
    if (kept.has(tagId))
      await db
        .updateTable('thread_tags')
        .set({ position })
        .where('thread_id', '=', threadId)
        .where('tag_id', '=', tagId)
        .execute()
    else
      await db
        .insertInto('thread_tags')
        .values({
          thread_id: threadId,
          tag_id: tagId,
          position,
          created_at: now,
          last_activity_at: now,
        })
        .execute()
  }
}

/**
 * Moves every reply and comment of one thread to another (their boosts and attachments follow the
 * rows); returns how many moved and the newest one's time (the target's activity moves to it).
 */
export async function moveAnswers(
  db: Executor,
  fromId: number,
  toId: number,
): Promise<{ moved: number; latestAt: number | null }> {
  const latest = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.max<number | null>('created_at').as('at'))
    .where('thread_id', '=', fromId)
    .where('kind', '!=', 'question')
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  const result = await db
    .updateTable('posts')
    .set({ thread_id: toId })
    .where('thread_id', '=', fromId)
    .where('kind', '!=', 'question')
    .executeTakeFirst()
  const at = latest?.at
  return {
    moved: Number(result.numUpdatedRows),
    latestAt: at === null || at === undefined ? null : Number(at),
  }
}
/** What the staff page shows of a person beside their standing. */
export async function findPersonFacts(
  db: Executor,
  username: string,
): Promise<{ id: number; title: string | null; createdAt: number } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'title', 'created_at as createdAt'])
    .where('username_key', '=', username.toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/** Admins with an account, for the rule that the last one cannot step down. */
export async function countAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
