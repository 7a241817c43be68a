/**
 * Keeping the index in step with the threads. Every write that changes a thread's text re-derives its row inside
 * the write's transaction (the threads domain's refreshThreadText, with signatures, from one read of the thread;
 * accept through reindexThread), so a thread is findable the moment it is posted and gone the moment it is
 * deleted; reindexAll rebuilds everything (`quorum search reindex`).
 */
import type { Db, Executor } from '../../db/schema.js'
import { loadThreadContents, type ThreadContent } from '../thread-contents/index.js'
import { eachThreadBatch, type RebuildOptions } from '../thread-contents/index.js'
import { buildSearchDocument, type SearchDocument } from './document.js'
import { dialectOf, engineFor } from './engine.js'

/**
 * Re-derives a thread's index row from the thread and its live posts, or removes it when the thread is deleted
 * or missing. Call it in the same transaction as the write.
 * @example await db.transaction().execute(async (trx) => { await insertReply(trx, reply); await reindexThread(trx, threadId) })
 */
export async function reindexThread(db: Executor, threadId: number): Promise<void> {
  await indexContents(db, [threadId], await loadThreadContents(db, [threadId]))
}

/**
 * Replaces the index rows of `threadIds` from their contents (as loadThreadContents read them): threads
 * without contents (deleted, missing) lose their row.
 * @example await indexContents(trx, ids, await loadThreadContents(trx, ids))
 */
export async function indexContents(
  db: Executor,
  threadIds: readonly number[],
  contents: ReadonlyMap<number, ThreadContent>,
): Promise<void> {
  await storeSearchDocuments(db, threadIds, [...contents.values()].map(buildSearchDocument))
}

/**
 * Writes already built index rows for `threadIds`; those of the ids without a document are removed (bulk
 * rebuilds that build documents elsewhere, e.g. in a worker thread).
 */
export async function storeSearchDocuments(
  db: Executor,
  threadIds: readonly number[],
  documents: readonly SearchDocument[],
  options: { fresh?: boolean } = {},
): Promise<void> {
  const engine = engineFor(dialectOf(db))
  const kept = new Set(documents.map((d) => d.threadId))
  await engine.remove(
    db,
    threadIds.filter((id) => !kept.has(id)),
  )
  await engine.write(db, documents, options)
}

/**
 * Rebuilds the whole index in batches, one transaction each, in thread-id order. Searches keep working while it
 * runs (rows are replaced, not dropped first); rows of deleted threads are removed at the end.
 * @example await reindexAll(db, { onProgress: ({ done, total }) => bar.update(done) })
 */
export async function reindexAll(
  db: Db,
  options: RebuildOptions = {},
): Promise<{ indexed: number; total: number }> {
  const { live, total } = await eachThreadBatch(
    db,
    { ...options, batchSize: options.batchSize ?? 500 },
    indexContents,
  )
  await finishSearchRebuild(db)
  return { indexed: live, total }
}

/** Before writing the search rows of a whole forum into an empty index (a bulk load). */
export async function beginSearchBulkLoad(db: Executor): Promise<void> {
  await engineFor(dialectOf(db)).beginBulkLoad(db)
}

/** After a whole-forum rebuild: removes rows of deleted threads and tidies the index. */
export async function finishSearchRebuild(db: Db): Promise<void> {
  const engine = engineFor(dialectOf(db))
  await engine.removeOrphans(db)
  await engine.optimize(db)
}
