/**
 * A worker thread of derive-workers.ts: derives the text of each batch it is sent and posts the result back,
 * one answer per request, in order.
 */
import { parentPort } from 'node:worker_threads'
import { setTextMemoBudget } from '../shared/index.js'
import { deriveText } from './derive-text.js'
import type { DeriveRequest, DeriveResponse } from './derive-workers.js'

const port = parentPort
if (!port) throw new Error('derive.worker.ts runs only as a worker thread')
// A whole-forum rebuild meets repeated texts (quoted templates, generated content) far apart; this thread's
// memory is its own and is freed when the rebuild ends, so its memos may hold more than the server's.
setTextMemoBudget(16_000_000)
port.on('message', ({ id, contents }: DeriveRequest) => {
  let response: DeriveResponse
  try {
    response = { id, derived: contents.map(deriveText) }
  } catch (error) {
    response = {
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }
  }
  port.postMessage(response)
})
