/**
 * A worker thread of derive-workers.ts: derives the text of each batch it is sent and posts the result back,
 * one answer per request, in order.
 */
import { parentPort } from 'node:worker_threads'
import { deriveText } from './derive-text.js'
import type { DeriveRequest, DeriveResponse } from './derive-workers.js'

const port = parentPort
if (!port) throw new Error('derive.worker.ts runs only as a worker thread')
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
