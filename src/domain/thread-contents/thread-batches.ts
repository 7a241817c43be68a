/**
 * Whole-forum rebuilds of what is derived from thread text (`quorum search reindex`, `quorum signatures
 * rebuild`): every thread in id order, in batches of one transaction each, read once per batch.
 */
import type { Db, Executor } from '../../db/schema.js'
import { loadThreadContents, type ThreadContent } from './thread-contents.queries.js'
import { countAllThreads, listThreadIdsAfter } from '../thread-lists/index.js'

export interface RebuildProgress {
  /** Threads looked at so far (live or deleted). */
  done: number
  /** Threads in the database when the rebuild started. */
  total: number
}

export interface RebuildOptions {
  /** Threads per transaction. */
  batchSize?: number
  onProgress?: (progress: RebuildProgress) => void
}

/**
 * Calls `work` for each batch of thread ids (live or deleted) with the live ones' contents, inside one
 * transaction per batch, so pages keep working and each batch's rows are replaced atomically. Threads
 * written while it runs are re-derived by their own writes.
 * @example await eachThreadBatch(db, { batchSize: 500 }, (trx, ids, contents) => writeRows(trx, ids, contents))
 */
export async function eachThreadBatch(
  db: Db,
  options: RebuildOptions & { batchSize: number },
  work: (
    trx: Executor,
    ids: readonly number[],
    contents: Map<number, ThreadContent>,
  ) => Promise<void>,
): Promise<{ live: number; total: number }> {
  const total = await countAllThreads(db)
  let after = 0
  let done = 0
  let live = 0
  for (;;) {
    const ids = await listThreadIdsAfter(db, after, options.batchSize)
    const last = ids.at(-1)
    if (last === undefined) break
    live += await db.transaction().execute(async (trx) => {
      const contents = await loadThreadContents(trx, ids)
      await work(trx, ids, contents)
      return contents.size
    })
    after = last
    done += ids.length
    options.onProgress?.({ done, total: Math.max(total, done) })
  }
  return { live, total: done }
}
