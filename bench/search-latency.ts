/**
 * `npm run bench:search-latency`: one search at a time on the load benchmark's database (the forum that
 * `quorum bench-data` generates and `npm run bench` caches), through `searchThreads`, the function behind
 * /search. Prints each query's median, p95 and worst wall time over its runs, after two warm-up runs, and
 * the same over all queries. Where `npm run bench` measures searches queued behind each other on the
 * server's one core, this measures what a single search costs.
 *
 *   npm run bench:search-latency -- [--dialect sqlite|postgres|both] [--threads 1000000] [--runs 12]
 */
import { parseArgs } from 'node:util'
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config.js'
import { createDb } from '../src/db/connect.js'
import { searchThreads } from '../src/domain/search/index.js'
import { describeShape, ensureDatabase } from './load/database.js'

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'both' },
    threads: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '12' },
  },
})

/** Query shapes a reader types, in the generated forum's vocabulary (bench/data/content.ts). */
const QUERIES = [
  ['one common word', 'panic'],
  ['one rarer word', 'notarization'],
  ['identifier', 'vnode_put'],
  ['C++ identifier', 'IOService::terminate'],
  ['three words', 'kernel panic zone'],
  ['words and a tag', 'deadlock tag:kernel'],
  ['phrase', '"zone element"'],
  ['phrase + tag + is:', '"zone element" tag:kernel is:solved'],
  ['rare phrase of common words', '"kernel panic"'],
  ['errno and a word', 'EINVAL wake'],
  ['sorted by newest', 'vnode_get sort:newest'],
  ['nothing matches', 'quokkaphore'],
] as const

const shape = { threads: Number(values.threads), replies: 4, tags: 50, seed: 1 }
const runs = Math.max(3, Number(values.runs))
const dialects = (values.dialect === 'both' ? ['sqlite', 'postgres'] : [values.dialect]) as (
  'sqlite' | 'postgres'
)[]
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0

for (const dialect of dialects) {
  const url = await ensureDatabase(dialect, shape)
  const { db, close } = createDb(parseDatabaseUrl(url) as DatabaseConfig)
  const all: number[] = []
  console.log(`\n${dialect}, ${describeShape(shape)}, ${runs} runs a query after 2 warm-ups`)
  console.log('query                                  results  median ms  p95 ms  worst ms')
  try {
    for (const [label, q] of QUERIES) {
      const times: number[] = []
      let total = 0
      for (let i = 0; i < runs + 2; i++) {
        const started = process.hrtime.bigint()
        const results = await searchThreads(db, dialect, { q })
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        total = results.total
        if (i >= 2) times.push(ms)
      }
      times.sort((a, b) => a - b)
      all.push(...times)
      console.log(
        `${`${label}: ${q}`.padEnd(38).slice(0, 38)} ${String(total).padStart(8)}  ${pct(times, 50).toFixed(1).padStart(9)}  ${pct(times, 95).toFixed(1).padStart(6)}  ${(times.at(-1) ?? 0).toFixed(1).padStart(8)}`,
      )
    }
    all.sort((a, b) => a - b)
    console.log(
      `${'all queries'.padEnd(38)} ${''.padStart(8)}  ${pct(all, 50).toFixed(1).padStart(9)}  ${pct(all, 95).toFixed(1).padStart(6)}  ${(all.at(-1) ?? 0).toFixed(1).padStart(8)}`,
    )
  } finally {
    await close()
  }
}
