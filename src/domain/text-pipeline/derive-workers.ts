/**
 * Deriving thread text (search rows, signatures) for bulk rebuilds, on the main thread or spread over worker
 * threads: parsing Markdown and extracting signatures is CPU work that another core can do while the main
 * thread reads and writes the database.
 */
import { Worker } from 'node:worker_threads'
import { deriveText, type DerivedText } from './derive-text.js'
import type { ThreadContent } from '../thread-contents/index.js'

export interface DeriveRequest {
  id: number
  contents: ThreadContent[]
}

export type DeriveResponse = { id: number; derived: DerivedText[] } | { id: number; error: string }

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
 * `count` worker threads taking batches in turn (see workerScript for how they start from sources).
 * @example const deriver = startDeriveWorkers(2); try { await deriver.derive(batch) } finally { await deriver.close() }
 */
export function startDeriveWorkers(count: number): Deriver {
  const script = workerScript()
  // Each request waits here until its worker answers, fails or stops.
  const waiting = new Map<
    number,
    { worker: Worker; resolve: (d: DerivedText[]) => void; reject: (e: Error) => void }
  >()
  let failure: Error | null = null
  const fail = (worker: Worker, error: Error) => {
    failure ??= error
    for (const [id, request] of waiting) {
      if (request.worker !== worker) continue
      waiting.delete(id)
      request.reject(error)
    }
  }
  const workers = Array.from({ length: Math.max(1, count) }, () => {
    const worker = new Worker(script.source, { eval: script.eval })
    worker.on('message', (response: DeriveResponse) => {
      const request = waiting.get(response.id)
      waiting.delete(response.id)
      if ('error' in response) request?.reject(new Error(`deriving thread text: ${response.error}`))
      else request?.resolve(response.derived)
    })
    worker.on('error', (error) => fail(worker, error))
    worker.on('exit', (code) =>
      fail(worker, new Error(`a derive worker stopped (exit code ${code})`)),
    )
    return worker
  })
  let next = 0
  let closed = false
  return {
    derive(contents) {
      if (closed) return Promise.reject(new Error('the derive workers are closed'))
      if (failure) return Promise.reject(failure)
      const id = next++
      const worker = workers[id % workers.length] as Worker
      return new Promise((resolve, reject) => {
        waiting.set(id, { worker, resolve, reject })
        worker.postMessage({ id, contents } satisfies DeriveRequest)
      })
    },
    utilization: () => workers.map((w) => w.performance.eventLoopUtilization().utilization),
    async close() {
      closed = true
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}

/**
 * The worker's entry. Compiled (dist/): derive.worker.js. From the TypeScript sources: a small bootstrap
 * that registers tsx's loader in the worker and imports derive.worker.ts (Node 20 does not apply the
 * parent's `--import tsx` to a worker's own entry file).
 */
function workerScript(): { source: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts'))
    return { source: new URL('./derive.worker.js', import.meta.url), eval: false }
  // Resolved here when the runtime can (Node); Vitest's module runner lacks import.meta.resolve, and the
  // bare name then resolves from the working directory (the project root, where tests and benches run).
  const tsx =
    typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api'
  const entry = new URL('./derive.worker.ts', import.meta.url).href
  return {
    source: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`,
    eval: true,
  }
}
