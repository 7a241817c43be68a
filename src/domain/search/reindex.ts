/**
 * Keeping the index in step with the threads. reindexThread runs inside the caller's transaction on every write
 * (import; ask, reply, comment, edit, delete, restore through the threads domain's refreshThreadText; accept), so
 * a thread is findable the moment it is posted and gone the moment it is deleted; reindexAll rebuilds everything
 * (`quorum search reindex`).
 */
import type { Db, Executor } from '../../db/schema.js'
import { countAllThreads, listThreadIdsAfter } from '../threads/threads.queries.js'
import { buildSearchDocument } from './document.js'
import { dialectOf, engineFor } from './engine.js'
import { loadThreadSources } from './search.queries.js'

/**
 * Re-derives a thread's index row from the thread and its live posts, or removes it when the thread is deleted
 * or missing. Call it in the same transaction as the write.
 * @example await db.transaction().execute(async (trx) => { await insertReply(trx, reply); await reindexThread(trx, threadId) })
 */
export async function reindexThread(db: Executor, threadId: number): Promise<void> {
  const engine = engineFor(dialectOf(db))
  const source = (await loadThreadSources(db, [threadId])).get(threadId)
  if (!source) return engine.remove(db, [threadId])
  await engine.write(db, [buildSearchDocument(source)])
}

export interface ReindexProgress {
  /** Threads looked at so far (live or deleted). */
  done: number
  /** Threads in the database when the rebuild started. */
  total: number
}

export interface ReindexOptions {
  /** Threads per transaction (default 500). */
  batchSize?: number
  onProgress?: (progress: ReindexProgress) => void
}

/**
 * Rebuilds the whole index in batches, one transaction each, in thread-id order. Searches keep working while it
 * runs (rows are replaced, not dropped first); rows of deleted threads are removed at the end.
 * @example await reindexAll(db, { onProgress: ({ done, total }) => bar.update(done) })
 */
export async function reindexAll(
  db: Db,
  options: ReindexOptions = {},
): Promise<{ indexed: number; total: number }> {
  const engine = engineFor(dialectOf(db))
  const batchSize = options.batchSize ?? 500
  const total = await countAllThreads(db)
  let after = 0
  let done = 0
  let indexed = 0
  for (;;) {
    const ids = await listThreadIdsAfter(db, after, batchSize)
    const last = ids.at(-1)
    if (last === undefined) break
    indexed += await db.transaction().execute(async (trx) => {
      const sources = await loadThreadSources(trx, ids)
      await engine.remove(
        trx,
        ids.filter((id) => !sources.has(id)),
      )
      await engine.write(trx, [...sources.values()].map(buildSearchDocument))
      return sources.size
    })
    after = last
    done += ids.length
    options.onProgress?.({ done, total: Math.max(total, done) })
  }
  await engine.removeOrphans(db)
  await engine.optimize(db)
  return { indexed, total: done }
}
