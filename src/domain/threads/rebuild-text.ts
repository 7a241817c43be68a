/**
 * Deriving everything read from thread text in bulk, in one pass: each batch of threads is derived (search
 * row, signatures, term vector and postings) on worker threads while the main thread reads or imports the
 * next batches and writes the previous ones, each in one transaction. Two feeders share the pipeline:
 * rebuildThreadText reads the forum back batch by batch; `quorum bench-data` hands it what the importer
 * just wrote (ImportOptions.onWritten), so a bulk load reads nothing back.
 */
import type { Db } from '../../db/schema.js'
import { storeSearchDocuments, finishSearchRebuild } from '../search/index.js'
import {
  finishSignatureRebuild,
  FreshTermCounts,
  storeSignatureRows,
  type SignatureRows,
} from '../signatures/index.js'
import type { DerivedText } from './derive-text.js'
import { inlineDeriver, startDeriveWorkers } from './derive-workers.js'
import type { RebuildOptions } from './thread-batches.js'
import { loadThreadContents, type ThreadContent } from './thread-contents.queries.js'
import { countAllThreads, listThreadIdsAfter } from './threads.queries.js'

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
  const queue: Promise<{ ids: readonly number[]; derived: DerivedText[] }>[] = []
  let live = 0

  const writeOldest = async () => {
    const batch = await (queue.shift() as (typeof queue)[number])
    await db.transaction().execute(async (trx) => {
      await storeSearchDocuments(
        trx,
        batch.ids,
        batch.derived.map((d) => d.document),
        { fresh: fresh !== undefined },
      )
      await storeSignatureRows(
        trx,
        batch.ids,
        new Map<number, SignatureRows>(batch.derived.map((d) => [d.threadId, d.signatures])),
        { fresh },
      )
    })
    live += batch.derived.length
    options.onWritten?.(batch.ids.length)
  }

  return {
    async push(ids, contents) {
      const derived = deriver.derive([...contents]).then((d) => ({ ids, derived: d }))
      derived.catch(() => undefined) // awaited in order by writeOldest; this only keeps it from counting as unhandled
      queue.push(derived)
      while (queue.length > ahead) await writeOldest()
    },
    async finish() {
      try {
        while (queue.length > 0) await writeOldest()
      } finally {
        await deriver.close()
      }
      await finishSearchRebuild(db)
      await finishSignatureRebuild(db, { fresh })
      return live
    },
    close: () => deriver.close(),
  }
}

export interface TextRebuildOptions
  extends RebuildOptions, Omit<TextPipelineOptions, 'onWritten'> {}

/**
 * Re-derives every thread's search row, signatures and term vector. Each batch is read in one transaction
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
  return { threads: live, total: done }
}
