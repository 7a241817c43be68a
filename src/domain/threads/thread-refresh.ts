import type { Executor } from '../../db/schema.js'
import { indexContents } from '../search/index.js'
import { deriveSignatures } from '../signatures/index.js'
import { refreshTagCounts } from '../tags/tags.queries.js'
import { loadThreadContents } from './thread-contents.queries.js'
import { syncThreadSortKeys } from './threads.queries.js'

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

/**
 * Re-derives everything read from a thread's text: its search index row and its signatures (with the
 * similarity terms). Every write that changes what the thread's live posts say (ask, reply, comment, edit,
 * delete, restore) calls this inside its transaction, so search, the Mentions line, signature pages and
 * similar threads are right on the next request. Comments count like replies (docs/signatures.md,
 * docs/search.md), so adding one re-derives too.
 * @example await db.transaction().execute(async (trx) => { await insertPost(trx, comment); await refreshThreadText(trx, threadId) })
 */
export async function refreshThreadText(db: Executor, threadId: number): Promise<void> {
  await refreshThreadsText(db, [threadId])
}

/**
 * {@link refreshThreadText} for many threads at once (the importer's batches): three reads whatever their
 * number, shared by search and signatures.
 * @example await refreshThreadsText(trx, importedIds)
 */
export async function refreshThreadsText(
  db: Executor,
  threadIds: readonly number[],
): Promise<void> {
  if (threadIds.length === 0) return
  const contents = await loadThreadContents(db, threadIds)
  await indexContents(db, threadIds, contents)
  await deriveSignatures(db, threadIds, contents)
}
