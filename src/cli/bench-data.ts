/**
 * `quorum bench-data`: fills an empty database with a generated forum for benchmarks (docs/performance.md),
 * through the same importer as `quorum import` and the demo seed. Batched transactions; search rows and
 * signatures derived on worker threads as the batches are written; indexes built once at the end, then
 * statistics for the query planner.
 */
import { availableParallelism } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import {
  benchUserCount,
  generateThreads,
  type BenchDataOptions,
} from '../../bench/data/generate.js'
import type { Config } from '../config.js'
import {
  beginBulkLoad,
  buildIndex,
  dropSecondaryIndexes,
  finishBulkLoad,
  type IndexDefinition,
} from '../db/bulk-load.js'
import type { Db } from '../db/schema.js'
import { migrateToLatest } from '../db/migrate.js'
import { importThreads } from '../domain/importer/index.js'
import { countAllThreads } from '../domain/thread-lists/index.js'
import { rankDueThreads } from '../domain/signatures/index.js'
import { startTextPipeline } from '../domain/text-pipeline/index.js'
import { withDb, type Command } from './command.js'
import { progressBar } from './progress.js'

const DAY_MS = 86_400_000

export const benchDataCommand: Command = {
  summary: 'Fill an empty database with a generated forum for benchmarks (docs/performance.md).',
  usage:
    'quorum bench-data --threads N [--replies 4] [--tags 50] [--seed 1] [--now ISO-DATE] [--batch 2000] [--workers N]',
  async run(args, config) {
    const { values } = parseArgs({
      args,
      options: {
        threads: { type: 'string' },
        replies: { type: 'string', default: '4' },
        tags: { type: 'string', default: '50' },
        seed: { type: 'string', default: '1' },
        now: { type: 'string' },
        batch: { type: 'string', default: '2000' },
        // One core reads and writes the database; the others derive search rows and signatures.
        workers: { type: 'string', default: String(Math.max(1, availableParallelism() - 1)) },
      },
    })
    const numbers = {
      threads: Number(values.threads),
      replies: Number(values.replies),
      tags: Number(values.tags),
      seed: Number(values.seed),
      batch: Number(values.batch),
      workers: Number(values.workers),
    }
    const bad = Object.entries(numbers).filter(([, v]) => !Number.isInteger(v) || v < 0)
    if (values.threads === undefined || bad.length > 0 || numbers.tags < 1 || numbers.batch < 1) {
      console.error(
        `Give whole numbers (--threads at least 0, --tags and --batch at least 1).\nUsage: ${this.usage}`,
      )
      return 2
    }
    // Midnight UTC today by default: the same seed on the same day writes the same forum.
    const now = values.now ? Date.parse(values.now) : Math.floor(Date.now() / DAY_MS) * DAY_MS
    if (!Number.isFinite(now)) {
      console.error(`--now: "${values.now}" is not a date`)
      return 2
    }
    return generate(config, { ...numbers, now }, numbers.batch, numbers.workers)
  },
}

async function generate(
  config: Readonly<Config>,
  options: BenchDataOptions,
  batchSize: number,
  workers: number,
): Promise<number> {
  return withDb(config, async ({ db, dialect }) => {
    await migrateToLatest(db)
    if ((await countAllThreads(db)) > 0) {
      console.error('The database already has threads; bench-data fills only an empty forum.')
      return 1
    }
    await beginBulkLoad(db, dialect)
    const started = Date.now()
    // Every table starts empty, so every non-unique index is built once, after its rows: the rows'
    // (threads, posts, ...) and the derived tables' (PostgreSQL's GIN over the search vectors, the
    // inverted index of term postings).
    const indexes = await dropSecondaryIndexes(db, dialect, [...BULK_TABLES, ...DERIVED_TABLES])
    console.error(
      `Generating ${options.threads.toLocaleString('en-US')} threads (about ${options.replies} replies each), ` +
        `${options.tags} tags, ${benchUserCount(options.threads).toLocaleString('en-US')} people, seed ${options.seed}.`,
    )
    // Each batch the importer writes goes on to the text pipeline as it stands in memory: worker threads
    // derive its search rows, signatures and term vectors while the importer writes the next batch, and the
    // main thread writes the derived rows in between. Nothing is read back.
    let derived = 0
    const bar = progressBar('threads', options.threads)
    const pipeline = startTextPipeline(db, {
      workers,
      fresh: true, // an empty forum was checked above: no derived rows to delete
      // An import batch's slices, and one more per worker: the workers derive while the next batch is written.
      ahead: Math.ceil(batchSize / DERIVE_BATCH) + workers,
      onWritten: (n) => (derived += n),
    })
    // Which side holds the load back: the main thread (import and writes) or the workers (deriving).
    const loopBefore = performance.eventLoopUtilization()
    let busy: { main: number; workers: number[] }
    let result: Awaited<ReturnType<typeof importThreads>>
    try {
      result = await importThreads(db, generateThreads(options), {
        batchSize,
        now: options.now,
        search: 'later',
        onProgress: (p) => bar.update(p.imported),
        onWritten: async (contents) => {
          for (let i = 0; i < contents.length; i += DERIVE_BATCH) {
            const slice = contents.slice(i, i + DERIVE_BATCH)
            await pipeline.push(
              slice.map((c) => c.id),
              slice,
            )
          }
        },
        onBadLine: (line, problems) => {
          throw new Error(`generated thread ${line} is invalid: ${problems.join('; ')}`)
        },
      })
      bar.finish()
      busy = {
        main: performance.eventLoopUtilization(loopBefore).utilization,
        workers: pipeline.utilization(),
      }
      await pipeline.finish()
    } catch (error) {
      await pipeline.close()
      throw error
    }
    const imported = Date.now()
    console.error(
      `Imported and derived ${derived.toLocaleString('en-US')} threads in ${((imported - started) / 1000).toFixed(1)} s ` +
        `(busy: main thread ${percent(busy.main)}, derive ${busy.workers.length === 1 ? 'worker' : 'workers'} ` +
        `${busy.workers.map(percent).join(', ') || 'none'})`,
    )
    await buildIndexes(db, indexes)
    const indexed = Date.now()

    await finishBulkLoad(db, dialect)
    const analyzed = Date.now()
    // Similar threads are ranked against the whole forum, so once it is written and its indexes built.
    const ranking = progressBar('similar', result.imported)
    await rankDueThreads(db, { onProgress: ({ done }) => ranking.update(done) })
    ranking.finish()
    const done = Date.now()
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    console.log(
      `Wrote ${result.imported.toLocaleString('en-US')} threads in ${s(done - started)}: ` +
        `rows with their search rows and signatures ${s(imported - started)}, indexes ${s(indexed - imported)}, ` +
        `${dialect === 'sqlite' ? 'analyze' : 'vacuum analyze'} ${s(analyzed - indexed)}, similar threads ${s(done - analyzed)}.`,
    )
    return 0
  })
}

const percent = (share: number) => `${Math.round(share * 100)} %`

/** Threads per batch handed to a derive worker. */
const DERIVE_BATCH = 500

/** Tables the importer fills. */
const BULK_TABLES = ['threads', 'posts', 'boosts', 'attachments', 'thread_tags']
/** Tables derived from them afterwards: search (PostgreSQL), signatures and similarity terms. */
const DERIVED_TABLES = ['search_documents', 'thread_signatures', 'similarity_terms']

async function buildIndexes(db: Db, indexes: readonly IndexDefinition[]): Promise<void> {
  for (const index of indexes) {
    const started = Date.now()
    await buildIndex(db, index)
    console.error(`Built index ${index.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
}
