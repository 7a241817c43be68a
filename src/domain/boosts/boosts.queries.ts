/** The boosts table, and the count each post keeps of it. */
import type { Executor } from '../../db/schema.js'

/** Whether `userId` has boosted `postId`. */
export async function hasBoosted(db: Executor, postId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('boosts')
    .select('user_id')
    .where('post_id', '=', postId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

/** Adds the boost; a second one by the same person is ignored (the primary key decides). */
export async function insertBoost(
  db: Executor,
  postId: number,
  userId: number,
  now: number,
): Promise<void> {
  await db
    .insertInto('boosts')
    .values({ post_id: postId, user_id: userId, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function deleteBoost(db: Executor, postId: number, userId: number): Promise<void> {
  await db
    .deleteFrom('boosts')
    .where('post_id', '=', postId)
    .where('user_id', '=', userId)
    .execute()
}

/** Recounts a post's boosts onto its row and returns the count. */
export async function recountBoosts(db: Executor, postId: number): Promise<number> {
  await db
    .updateTable('posts')
    .set((eb) => ({
      boost_count: eb
        .selectFrom('boosts')
        .select(eb.fn.countAll<number>().as('n'))
        .where('post_id', '=', postId),
    }))
    .where('id', '=', postId)
    .execute()
  const row = await db
    .selectFrom('posts')
    .select('boost_count')
    .where('id', '=', postId)
    .executeTakeFirstOrThrow()
  return row.boost_count
}

/** The ids, among `postIds`, that the viewer has boosted. */
export async function boostedByViewer(
  db: Executor,
  viewerId: number,
  postIds: number[],
): Promise<Set<number>> {
  if (postIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('boosts')
    .select('post_id')
    .where('user_id', '=', viewerId)
    .where('post_id', 'in', postIds)
    .execute()
  return new Set(rows.map((r) => r.post_id))
}
