/**
 * `quorum bench-data`: fills an empty database with a generated forum for benchmarks (docs/performance.md),
 * through the same importer as `quorum import` and the demo seed. Batched transactions, search indexed
 * in bulk at the end, then statistics for the query planner.
 */
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import {
  benchUserCount,
  generateThreads,
  type BenchDataOptions,
} from '../../bench/data/generate.js'
import type { Config, Dialect } from '../config.js'
import type { Db } from '../db/schema.js'
import { migrateToLatest } from '../db/migrate.js'
import { importThreads } from '../domain/importer/index.js'
import { rebuildThreadText } from '../domain/threads/index.js'
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
    const existing = await db.selectFrom('threads').select('id').limit(1).executeTakeFirst()
    if (existing) {
      console.error('The database already has threads; bench-data fills only an empty forum.')
      return 1
    }
    if (dialect === 'sqlite') {
      // A generated database can be generated again: trade durability for speed while loading.
      await sql`pragma synchronous = off`.execute(db)
      await sql`pragma cache_size = -262144`.execute(db)
      await sql`pragma temp_store = memory`.execute(db)
    }
    const started = Date.now()
    const indexes = await dropSecondaryIndexes(db, dialect, BULK_TABLES)
    console.error(
      `Generating ${options.threads.toLocaleString('en-US')} threads (about ${options.replies} replies each), ` +
        `${options.tags} tags, ${benchUserCount(options.threads).toLocaleString('en-US')} people, seed ${options.seed}.`,
    )
    const bar = progressBar('threads', options.threads)
    const result = await importThreads(db, generateThreads(options), {
      batchSize,
      now: options.now,
      search: 'later',
      onProgress: (p) => bar.update(p.imported),
      onBadLine: (line, problems) => {
        throw new Error(`generated thread ${line} is invalid: ${problems.join('; ')}`)
      },
    })
    bar.finish()
    await buildIndexes(db, indexes)
    // Deriving reads posts and attachments back by thread id, a batch at a time. PostgreSQL has no
    // statistics for tables filled this fast (autovacuum has not analysed them yet) and would scan all of
    // posts for every batch (at a million threads: 6 GB, 2,000 times); a sampled ANALYZE takes seconds.
    // SQLite's planner picks the thread-id index without statistics; its ANALYZE runs once, at the end.
    if (dialect === 'postgres') await sql`analyze`.execute(db)
    const imported = Date.now()
    // The derived tables start empty too: their indexes (PostgreSQL's GIN over the search vectors, the
    // inverted index of similarity terms) are likewise built once, after the rows.
    const derivedIndexes = await dropSecondaryIndexes(db, dialect, DERIVED_TABLES)

    // Search rows, signatures and similarity terms (the thread page's Mentions and similar threads), as the
    // importer writes them per thread when it indexes per thread, in one pass.
    let derivedBar: ReturnType<typeof progressBar> | undefined
    await rebuildThreadText(db, {
      workers,
      fresh: true, // an empty forum was checked above: no derived rows to delete

      onProgress: ({ done, total }) => {
        derivedBar ??= progressBar('search and signatures', total)
        derivedBar.update(done)
      },
    })
    derivedBar?.finish()
    await buildIndexes(db, derivedIndexes)
    const indexed = Date.now()

    if (dialect === 'sqlite') await sql`analyze`.execute(db)
    else await sql`vacuum analyze`.execute(db)
    const done = Date.now()
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    console.log(
      `Wrote ${result.imported.toLocaleString('en-US')} threads in ${s(done - started)}: ` +
        `import and indexes ${s(imported - started)}, search index and signatures ${s(indexed - imported)}, ` +
        `${dialect === 'sqlite' ? 'analyze' : 'vacuum analyze'} ${s(done - indexed)}.`,
    )
    return 0
  })
}

/** Tables the importer fills. */
const BULK_TABLES = ['threads', 'posts', 'boosts', 'attachments', 'thread_tags']
/** Tables derived from them afterwards: search (PostgreSQL), signatures and similarity terms. */
const DERIVED_TABLES = ['search_documents', 'thread_signatures', 'similarity_terms']

interface IndexDefinition {
  name: string
  definition: string
}

async function buildIndexes(db: Db, indexes: readonly IndexDefinition[]): Promise<void> {
  for (const { name, definition } of indexes) {
    const started = Date.now()
    await sql.raw(definition).execute(db)
    console.error(`Built index ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
}

/**
 * Drops the non-unique indexes of the tables a bulk load fills and returns their definitions: building
 * an index once over sorted keys is several times faster than growing it row by row. Unique indexes
 * stay (the importer looks people and tags up by them). The caller re-runs the definitions.
 */
async function dropSecondaryIndexes(
  db: Db,
  dialect: Dialect,
  tables: readonly string[],
): Promise<IndexDefinition[]> {
  const indexes =
    dialect === 'sqlite'
      ? (
          await sql<IndexDefinition>`
            select name, sql as definition from sqlite_master
            where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(
            db,
          )
        ).rows
      : (
          await sql<IndexDefinition>`
            select indexname as name, indexdef as definition from pg_indexes
            where schemaname = current_schema() and tablename in (${sql.join(tables)})`.execute(db)
        ).rows
  const secondary = indexes.filter((i) => !/^create unique/i.test(i.definition))
  for (const { name } of secondary) await sql`drop index ${sql.id(name)}`.execute(db)
  return secondary
}
