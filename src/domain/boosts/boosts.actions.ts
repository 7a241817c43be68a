/**
 * Boosts: one per person and post, never one's own. The desired state is explicit ("on" or "off"), so
 * fifty concurrent clicks by one person still leave exactly one boost; the primary key enforces it.
 */
import type { Db } from '../../db/schema.js'
import { enqueueActivity } from '../notifications/index.js'
import { canBoost, findPostFacts } from '../posts/index.js'
import { fail, msg, isSilenced, ok, type Result, type Viewer } from '../shared/index.js'
import { refreshThread } from '../thread-lists/index.js'
import { silencedReason } from '../trust/index.js'
import { deleteBoost, hasBoosted, insertBoost, recountBoosts } from './boosts.queries.js'

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
  if (!viewer) return fail.forbidden(msg('Sign in to boost posts.'))
  if (isSilenced(viewer, now)) return fail.forbidden(await silencedReason(db, viewer, now))
  if (!canBoost(viewer, post)) return fail.forbidden(msg('You cannot boost your own post.'))
  const boostCount = await db.transaction().execute(async (trx) => {
    const existing = await hasBoosted(trx, post.id, viewer.id)
    const want = input.boost ?? !existing
    if (want && !existing) {
      await insertBoost(trx, post.id, viewer.id, now)
      await enqueueActivity(
        trx,
        { type: 'post.boosted', postId: post.id, byId: viewer.id, at: now },
        now,
      )
    } else if (!want && existing) await deleteBoost(trx, post.id, viewer.id)
    const count = await recountBoosts(trx, post.id)
    if (post.kind === 'question') await refreshThread(trx, post.threadId)
    return count
  })
  const boosted = await hasBoosted(db, post.id, viewer.id)
  return ok({ postId: post.id, threadId: post.threadId, boosted, boostCount })
}
