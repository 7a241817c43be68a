/**
 * Deriving thread text (search rows, signatures) for bulk rebuilds, on the main thread or spread over worker
 * threads: parsing Markdown and extracting signatures is CPU work that another core can do while the main
 * thread reads and writes the database. The pool is piscina: a batch goes to whichever worker is idle, a
 * worker that dies fails the batches it held, and closing waits for none.
 */
import { Piscina } from 'piscina'
import { deriveText, type DerivedText } from './derive-text.js'
import type { ThreadContent } from '../thread-contents/index.js'

export interface Deriver {
  derive(contents: ThreadContent[]): Promise<DerivedText[]>
  /** Each worker's share of time busy since it started, 0…1 (none for the inline deriver). */
  utilization(): number[]
  close(): Promise<void>
}

/** Derives on the calling thread. */
export const inlineDeriver: Deriver = {
  derive: (contents) => Promise.resolve(contents.map(deriveText)),
  utilization: () => [],
  close: () => Promise.resolve(),
}

/**
 * `count` worker threads taking batches as they become free.
 * @example const deriver = startDeriveWorkers(2); try { await deriver.derive(batch) } finally { await deriver.close() }
 */
export function startDeriveWorkers(count: number): Deriver {
  const threads = Math.max(1, count)
  const pool = new Piscina<ThreadContent[], DerivedText[]>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    // Batches wait in the pool's queue; the text pipeline already bounds how many are ahead.
    maxQueue: Infinity,
  })
  let closed = false
  return {
    async derive(contents) {
      if (closed) throw new Error('the derive workers are closed')
      try {
        return await pool.run(contents)
      } catch (error) {
        const reason = error instanceof Error ? (error.stack ?? error.message) : String(error)
        throw new Error(`deriving thread text: ${reason}`, { cause: error })
      }
    },
    utilization: () => pool.threads.map((w) => w.performance.eventLoopUtilization().utilization),
    async close() {
      closed = true
      await pool.destroy()
    },
  }
}

/** The worker's module: derive.worker.js when compiled (dist/), the tsx bootstrap from the sources. */
function workerFile(): string {
  const compiled = !import.meta.url.endsWith('.ts')
  return new URL(compiled ? './derive.worker.js' : './derive.worker.source.mjs', import.meta.url)
    .href
}
