/** The SQL of flags: writing one, counting who flagged a post, settling them. */
import type { Executor } from '../../db/schema.js'
import type { FlagReason, FlagView } from './moderation.types.js'

export async function findFlagBy(db: Executor, postId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('flags')
    .select('id')
    .where('post_id', '=', postId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

/** Writes the flag; false when the person's flag on the post is there already (the unique index). */
export async function insertFlag(
  db: Executor,
  flag: { postId: number; userId: number; reason: FlagReason; message: string | null },
  now: number,
): Promise<boolean> {
  const result = await db
    .insertInto('flags')
    .values({
      post_id: flag.postId,
      user_id: flag.userId,
      reason: flag.reason,
      message: flag.message,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['post_id', 'user_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** Distinct members whose flags on the post wait for a decision. */
export async function countPendingFlaggers(db: Executor, postId: number): Promise<number> {
  const row = await db
    .selectFrom('flags')
    .select((eb) => eb.fn.count<number>('user_id').distinct().as('n'))
    .where('post_id', '=', postId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Whether the post is hidden now. */
export async function isPostHidden(db: Executor, postId: number): Promise<boolean> {
  const row = await db
    .selectFrom('posts')
    .select('hidden_at')
    .where('id', '=', postId)
    .executeTakeFirst()
  return row?.hidden_at !== null && row?.hidden_at !== undefined
}

/** The pending flags of some posts, oldest first, with who raised them. */
export async function listPendingFlags(
  db: Executor,
  postIds: readonly number[],
): Promise<Map<number, FlagView[]>> {
  const byPost = new Map<number, FlagView[]>()
  if (postIds.length === 0) return byPost
  const rows = await db
    .selectFrom('flags as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select([
      'f.post_id as postId',
      'f.reason',
      'f.message',
      'u.username as flagger',
      'f.created_at as createdAt',
    ])
    .where('f.post_id', 'in', [...postIds])
    .where('f.status', '=', 'pending')
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute()
  for (const { postId, ...flag } of rows) {
    const list = byPost.get(postId) ?? []
    list.push({ ...flag, createdAt: Number(flag.createdAt) })
    byPost.set(postId, list)
  }
  return byPost
}

/**
 * Settles a post's pending flags (agreed, disagreed) by a moderator; returns who had flagged it, to
 * tell them.
 */
export async function settleFlags(
  db: Executor,
  postId: number,
  status: 'agreed' | 'disagreed',
  handledBy: number,
  now: number,
): Promise<{ flaggers: number[]; reasons: FlagReason[] }> {
  const pending = await db
    .selectFrom('flags')
    .select(['user_id as userId', 'reason'])
    .where('post_id', '=', postId)
    .where('status', '=', 'pending')
    .execute()
  if (pending.length === 0) return { flaggers: [], reasons: [] }
  await db
    .updateTable('flags')
    .set({ status, handled_by: handledBy, handled_at: now })
    .where('post_id', '=', postId)
    .where('status', '=', 'pending')
    .execute()
  return { flaggers: pending.map((f) => f.userId), reasons: pending.map((f) => f.reason) }
}

/** What the flag page says about the post: its thread and author. */
export async function findFlagTarget(db: Executor, postId: number) {
  return db
    .selectFrom('posts as p')
    .innerJoin('threads as t', 't.id', 'p.thread_id')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .select([
      'p.id as postId',
      'p.kind',
      'p.thread_id as threadId',
      't.title as threadTitle',
      'u.username as authorName',
      'p.author_id as authorId',
      'p.deleted_at as deletedAt',
      'p.hidden_at as hiddenAt',
      't.deleted_at as threadDeletedAt',
      't.hidden_at as threadHiddenAt',
    ])
    .where('p.id', '=', postId)
    .executeTakeFirst()
}

/**
 * A deleted account's flags keep counting (moderators decided on them) but lose the words the person
 * wrote: the account's deletion clears their messages.
 */
export async function eraseFlagMessages(db: Executor, userId: number): Promise<void> {
  await db.updateTable('flags').set({ message: null }).where('user_id', '=', userId).execute()
}
