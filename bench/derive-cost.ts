/**
 * `npm run bench:derive-cost`: what deriving a thread's text costs (search row, signatures, term vector), in
 * process, per thread. The derive worker of `quorum bench-data` and every write to a thread run this code;
 * this measures it without the database writes or the other thread beside it.
 *
 *   npm run bench:derive-cost -- [--threads 100000] [--sample 20000] [--passes 3]
 *
 * Reads the first `sample` threads of the cached bench database, then derives them `passes` times: the
 * first pass meets every text for the first time (memos empty), the later ones derive fresh copies of the
 * same contents (as a worker receives them), so the per-text memos answer for unchanged posts, as they do
 * for a thread re-derived after a reply. Then each part alone, warm. Prints µs per thread.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config.js'
import { createDb } from '../src/db/connect.js'
import { buildSearchDocument } from '../src/domain/search/index.js'
import { setTextMemoBudget } from '../src/domain/shared/text-memo.js'
import { signatureRows, threadSignatures } from '../src/domain/signatures/refresh.js'
import { deriveText } from '../src/domain/text-pipeline/derive-text.js'
import {
  loadThreadContents,
  type ThreadContent,
} from '../src/domain/thread-contents/thread-contents.queries.js'
import { ensureDatabase } from './load/database.js'

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '100000' },
    sample: { type: 'string', default: '20000' },
    passes: { type: 'string', default: '3' },
  },
})
const sample = Number(values.sample)
const shape = { threads: Number(values.threads), replies: 4, tags: 50, seed: 1 }
if (!(sample > 0 && sample <= shape.threads)) throw new Error('--sample: 1 … --threads')

// As the derive worker does (domain/threads/derive.worker.ts).
setTextMemoBudget(16_000_000)
const url = await ensureDatabase('sqlite', shape)
const { db, close } = createDb(parseDatabaseUrl(url) as DatabaseConfig)
const contents: ThreadContent[] = []
for (let first = 1; first <= sample; first += 1000) {
  const ids = Array.from({ length: Math.min(1000, sample - first + 1) }, (_, i) => first + i)
  contents.push(...(await loadThreadContents(db, ids)).values())
}
await close()

const perThread = (
  label: string,
  list: readonly ThreadContent[],
  fn: (c: ThreadContent) => unknown,
) => {
  const started = performance.now()
  for (const c of list) fn(c)
  const us = ((performance.now() - started) * 1000) / list.length
  console.log(`${label.padEnd(44)} ${us.toFixed(0).padStart(5)} µs/thread`)
}

console.log(`${contents.length.toLocaleString('en-US')} threads of ${path.basename(url)}`)
perThread('derive, first pass (memos empty)', contents, deriveText)
for (let pass = 2; pass <= Number(values.passes); pass++)
  perThread(
    `derive, pass ${pass} (fresh copies, memos warm)`,
    structuredClone(contents),
    deriveText,
  )
perThread('  search row alone (warm)', structuredClone(contents), buildSearchDocument)
perThread('  signatures alone (warm)', structuredClone(contents), threadSignatures)
perThread('  signatures and term vector (warm)', structuredClone(contents), signatureRows)
