/**
 * A thread's counters (replies, boosts), its last activity and the copies of both that its tag rows keep
 * for sorting. Every write that changes a thread calls {@link refreshThread} in its transaction.
 */
import type { Executor } from '../../db/schema.js'
import { refreshTagCounts } from '../tags/index.js'
import { syncThreadSortKeys } from './thread-lists.queries.js'

/**
 * Recomputes a thread's counters from its posts (live replies; the question's boosts), optionally moves
 * its last activity forward, and copies the result to its tag rows. Every write that changes a thread
 * calls this inside its transaction, so list pages are right on the next request.
 */
export async function refreshThread(
  db: Executor,
  threadId: number,
  options: { activityAt?: number; tagsChanged?: boolean } = {},
): Promise<void> {
  await db
    .updateTable('threads')
    .set((eb) => ({
      reply_count: eb
        .selectFrom('posts')
        .select(eb.fn.countAll<number>().as('n'))
        .where('thread_id', '=', threadId)
        .where('kind', '=', 'reply')
        .where('deleted_at', 'is', null),
      boost_count: eb.fn.coalesce(
        eb
          .selectFrom('posts')
          .select('boost_count')
          .where('thread_id', '=', threadId)
          .where('kind', '=', 'question')
          .limit(1),
        eb.lit(0),
      ),
    }))
    .where('id', '=', threadId)
    .execute()
  // Activity only moves forward: an old comment imported late must not make a thread look older.
  if (options.activityAt !== undefined) {
    await db
      .updateTable('threads')
      .set({ last_activity_at: options.activityAt })
      .where('id', '=', threadId)
      .where('last_activity_at', '<', options.activityAt)
      .execute()
  }
  await syncThreadSortKeys(db, threadId)
  if (options.tagsChanged) {
    const tags = await db
      .selectFrom('thread_tags')
      .select('tag_id')
      .where('thread_id', '=', threadId)
      .execute()
    await refreshTagCounts(
      db,
      tags.map((t) => t.tag_id),
    )
  }
}

/** Adds views to a thread's count and to its tag rows' copy (the view counter's periodic write). */
export async function addThreadViews(db: Executor, threadId: number, views: number): Promise<void> {
  await db
    .updateTable('threads')
    .set((eb) => ({ view_count: eb('view_count', '+', views) }))
    .where('id', '=', threadId)
    .execute()
  await syncThreadSortKeys(db, threadId)
}
