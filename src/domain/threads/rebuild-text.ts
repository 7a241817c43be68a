/**
 * Rebuilding everything derived from thread text in one pass (`quorum bench-data`, after a bulk load): each
 * batch of threads is read once, derived (search row, signatures, similarity terms) on worker threads while
 * the main thread reads the next batches and writes the previous ones, and written in one transaction.
 */
import type { Db } from '../../db/schema.js'
import { storeSearchDocuments, finishSearchRebuild } from '../search/index.js'
import {
  finishSignatureRebuild,
  storeSignatureRows,
  type SignatureRows,
} from '../signatures/index.js'
import type { DerivedText } from './derive-text.js'
import { inlineDeriver, startDeriveWorkers } from './derive-workers.js'
import type { RebuildOptions } from './thread-batches.js'
import { loadThreadContents } from './thread-contents.queries.js'
import { countAllThreads, listThreadIdsAfter } from './threads.queries.js'

export interface TextRebuildOptions extends RebuildOptions {
  /** Worker threads deriving batches; 0 derives on the main thread (default). */
  workers?: number
  /**
   * The derived tables hold no rows for these threads (a bulk load into an empty forum): write without
   * deleting first. A thread that has rows then fails the batch on its primary key, never doubles.
   */
  fresh?: boolean
}

/**
 * Re-derives every thread's search row, signatures and similarity terms. Each batch is read in one
 * transaction and written in a later one, so a thread edited in between would keep its older derived rows
 * until its next write: run it where nothing else writes (a bulk load, a maintenance window). `quorum search
 * reindex` and `quorum signatures rebuild` read and write each batch in one transaction instead.
 * @example await rebuildThreadText(db, { workers: 1, onProgress: ({ done }) => bar.update(done) })
 */
export async function rebuildThreadText(
  db: Db,
  options: TextRebuildOptions = {},
): Promise<{ threads: number; total: number }> {
  const batchSize = options.batchSize ?? 500
  const workers = options.workers ?? 0
  const deriver = workers > 0 ? startDeriveWorkers(workers) : inlineDeriver
  // Batches derived ahead of the one being written: enough to keep every worker busy.
  const ahead = Math.max(1, workers)
  const total = await countAllThreads(db)
  const queue: Promise<{ ids: number[]; derived: DerivedText[] }>[] = []
  let after = 0
  let done = 0
  let live = 0
  try {
    for (;;) {
      const ids = await listThreadIdsAfter(db, after, batchSize)
      if (ids.length > 0) {
        after = ids.at(-1) as number
        const contents = await loadThreadContents(db, ids)
        const derived = deriver.derive([...contents.values()]).then((d) => ({ ids, derived: d }))
        derived.catch(() => undefined) // awaited below, in order; this only keeps it from counting as unhandled
        queue.push(derived)
      }
      if (queue.length === 0) break
      if (ids.length > 0 && queue.length <= ahead) continue
      const batch = await (queue.shift() as (typeof queue)[number])
      await db.transaction().execute(async (trx) => {
        await storeSearchDocuments(
          trx,
          batch.ids,
          batch.derived.map((d) => d.document),
        )
        await storeSignatureRows(
          trx,
          batch.ids,
          new Map<number, SignatureRows>(batch.derived.map((d) => [d.threadId, d.signatures])),
          { fresh: options.fresh === true },
        )
      })
      live += batch.derived.length
      done += batch.ids.length
      options.onProgress?.({ done, total: Math.max(total, done) })
    }
  } finally {
    await deriver.close()
  }
  await finishSearchRebuild(db)
  await finishSignatureRebuild(db)
  return { threads: live, total: done }
}
