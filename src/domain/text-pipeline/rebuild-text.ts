/**
 * Deriving everything read from thread text in bulk, in one pass: each batch of threads is derived (search
 * row, signatures, term vector and postings) on worker threads while the main thread reads or imports the
 * next batches and writes the previous ones, each in one transaction. Two feeders share the pipeline:
 * rebuildThreadText reads the forum back batch by batch; `quorum bench-data` hands it what the importer
 * just wrote (ImportOptions.onWritten), so a bulk load reads nothing back.
 */
import type { Db } from '../../db/schema.js'
import { beginSearchBulkLoad, storeSearchDocuments, finishSearchRebuild } from '../search/index.js'
import {
  finishSignatureRebuild,
  FreshTermCounts,
  rankDueThreads,
  storeSignatureRows,
  type SignatureRows,
} from '../signatures/index.js'
import type { DerivedText } from './derive-text.js'
import { inlineDeriver, startDeriveWorkers } from './derive-workers.js'
import type { RebuildOptions } from '../thread-contents/index.js'
import { loadThreadContents, type ThreadContent } from '../thread-contents/index.js'
import { countAllThreads, listThreadIdsAfter } from '../thread-lists/index.js'

export interface TextPipelineOptions {
  /** Worker threads deriving batches; 0 derives on the main thread (default). */
  workers?: number
  /**
   * The derived tables hold no rows for these threads (a bulk load into an empty forum): write without
   * deleting first, and decide common terms in memory. A thread that has rows then fails the batch on its
   * primary key, never doubles.
   */
  fresh?: boolean
  /** Batches derived ahead of the one being written (default: the number of workers, at least 1). */
  ahead?: number
  /** Called after each batch is written, with the number of threads it covered. */
  onWritten?: (threads: number) => void
}

export interface TextPipeline {
  /**
   * Queues a batch: `ids` are the threads whose derived rows it replaces, `contents` the live ones among them
   * (as loadThreadContents reads them). Resolves once the pipeline has room for another batch; batches are
   * written in the order they were pushed.
   */
  push(ids: readonly number[], contents: readonly ThreadContent[]): Promise<void>
  /** Writes what is queued, then finishes the rebuild (orphan rows, common terms); returns the live threads written. */
  finish(): Promise<number>
  /** Each derive worker's share of time busy so far, 0…1 (read it before finish(), which stops them). */
  utilization(): number[]
  /** Stops the workers without finishing (after a failure). */
  close(): Promise<void>
}

/**
 * Starts a pipeline; call finish() (or close() after a failure).
 * @example const pipeline = startTextPipeline(db, { workers: 1, fresh: true }); await pipeline.push(ids, contents); await pipeline.finish()
 */
export function startTextPipeline(db: Db, options: TextPipelineOptions = {}): TextPipeline {
  const workers = options.workers ?? 0
  const deriver = workers > 0 ? startDeriveWorkers(workers) : inlineDeriver
  // Enough batches ahead to keep every worker busy while the caller reads or imports the next ones.
  const ahead = Math.max(1, options.ahead ?? workers)
  const fresh = options.fresh ? new FreshTermCounts() : undefined
  // Each batch is written once it is derived and the batch before it is written: the writes form one chain,
  // in push order, on a transaction of their own. On PostgreSQL that transaction runs on a second pooled
  // connection while the caller's next batch is imported on the first; on SQLite they take turns.
  let chain: Promise<void> = Promise.resolve()
  const unwritten: Promise<void>[] = []
  let live = 0
  let begun = false

  const write = async (ids: readonly number[], derived: DerivedText[]) => {
    await db.transaction().execute(async (trx) => {
      if (fresh !== undefined && !begun) await beginSearchBulkLoad(trx)
      begun = true
      await storeSearchDocuments(
        trx,
        ids,
        derived.map((d) => d.document),
        { fresh: fresh !== undefined },
      )
      await storeSignatureRows(
        trx,
        ids,
        new Map<number, SignatureRows>(derived.map((d) => [d.threadId, d.signatures])),
        { fresh },
      )
    })
    live += derived.length
    options.onWritten?.(ids.length)
  }

  return {
    async push(ids, contents) {
      const derived = deriver.derive([...contents])
      derived.catch(() => undefined) // awaited by its write; this only keeps it from counting as unhandled
      chain = chain.then(async () => write(ids, await derived))
      const written = chain
      written.catch(() => undefined) // awaited below or in finish()
      unwritten.push(written)
      // A failed write rejects here (and every later one, which never runs).
      while (unwritten.length > ahead) await unwritten.shift()
    },
    async finish() {
      try {
        await chain
      } finally {
        await deriver.close()
      }
      await finishSearchRebuild(db)
      await finishSignatureRebuild(db, { fresh })
      return live
    },
    utilization: () => deriver.utilization(),
    close: async () => {
      await chain.catch(() => undefined) // let a write in flight end before the workers go
      await deriver.close()
    },
  }
}

export interface TextRebuildOptions
  extends RebuildOptions, Omit<TextPipelineOptions, 'onWritten'> {}

/**
 * Re-derives every thread's search row, signatures and term vector, then ranks its similar threads. Each batch is read in one transaction
 * and written in a later one, so a thread edited in between would keep its older derived rows until its
 * next write: run it where nothing else writes (a bulk load, a maintenance window). `quorum search reindex`
 * and `quorum signatures rebuild` read and write each batch in one transaction instead.
 * @example await rebuildThreadText(db, { workers: 1, onProgress: ({ done }) => bar.update(done) })
 */
export async function rebuildThreadText(
  db: Db,
  options: TextRebuildOptions = {},
): Promise<{ threads: number; total: number }> {
  const batchSize = options.batchSize ?? 500
  const total = await countAllThreads(db)
  let done = 0
  const pipeline = startTextPipeline(db, {
    ...options,
    onWritten: (n) => {
      done += n
      options.onProgress?.({ done, total: Math.max(total, done) })
    },
  })
  let live: number
  try {
    let after = 0
    for (;;) {
      const ids = await listThreadIdsAfter(db, after, batchSize)
      const last = ids.at(-1)
      if (last === undefined) break
      after = last
      await pipeline.push(ids, [...(await loadThreadContents(db, ids)).values()])
    }
    live = await pipeline.finish()
  } catch (error) {
    await pipeline.close()
    throw error
  }
  // Every thread's term vector was written anew, so every ranking is due; ranked once all are written.
  await rankDueThreads(db)
  return { threads: live, total: done }
}
