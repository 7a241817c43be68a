/**
 * Boosts: one per person and post, never one's own. The desired state is explicit ("on" or "off"), so
 * fifty concurrent clicks by one person still leave exactly one boost; the primary key enforces it.
 */
import type { Db, Executor } from '../../db/schema.js'
import { findPostFacts } from '../posts/index.js'
import { canBoost } from '../posts/index.js'
import { fail, ok, type Result } from '../shared/index.js'
import { refreshThread } from '../thread-lists/index.js'
import type { Viewer } from '../shared/index.js'

export interface BoostState {
  postId: number
  threadId: number
  boosted: boolean
  boostCount: number
}

/** Sets the viewer's boost on a post; `boost` omitted toggles it. */
export async function setBoost(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number; boost?: boolean },
  now = Date.now(),
): Promise<Result<BoostState>> {
  const post = await findPostFacts(db, input.postId)
  if (!post || post.deleted || post.threadDeleted || post.kind === 'comment')
    return fail.notFound('post')
  if (!viewer) return fail.forbidden('Sign in to boost posts.')
  if (!canBoost(viewer, post)) return fail.forbidden('You cannot boost your own post.')
  const boostCount = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('boosts')
      .select('user_id')
      .where('post_id', '=', post.id)
      .where('user_id', '=', viewer.id)
      .executeTakeFirst()
    const want = input.boost ?? existing === undefined
    if (want && !existing) {
      await trx
        .insertInto('boosts')
        .values({ post_id: post.id, user_id: viewer.id, created_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute()
    } else if (!want && existing) {
      await trx
        .deleteFrom('boosts')
        .where('post_id', '=', post.id)
        .where('user_id', '=', viewer.id)
        .execute()
    }
    await trx
      .updateTable('posts')
      .set((eb) => ({
        boost_count: eb
          .selectFrom('boosts')
          .select(eb.fn.countAll<number>().as('n'))
          .where('post_id', '=', post.id),
      }))
      .where('id', '=', post.id)
      .execute()
    if (post.kind === 'question') await refreshThread(trx, post.threadId)
    const row = await trx
      .selectFrom('posts')
      .select('boost_count')
      .where('id', '=', post.id)
      .executeTakeFirstOrThrow()
    return row.boost_count
  })
  const boosted =
    (await db
      .selectFrom('boosts')
      .select('user_id')
      .where('post_id', '=', post.id)
      .where('user_id', '=', viewer.id)
      .executeTakeFirst()) !== undefined
  return ok({ postId: post.id, threadId: post.threadId, boosted, boostCount })
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
