/**
 * Every `quorum` subcommand by name. A new command lives in its own file under src/cli/ and is added
 * here; `quorum --help` lists them in this order.
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { buildApp } from '../app.js'
import { parseWorkers, type Config } from '../config.js'
import { createDb, type DbHandle } from '../db/connect.js'
import { migrateDown, migrateToLatest } from '../db/migrate.js'
import { countPendingMigrations } from '../db/readiness.js'
import { isEmpty, seedDemo } from '../domain/demo/index.js'
import { importJsonLines } from '../domain/importer/index.js'
import { scheduleTrustReview } from '../domain/trust/index.js'
import { scheduleDigests } from '../domain/notifications/index.js'
import { rankDueThreads, scheduleSimilarRefresh } from '../domain/signatures/index.js'
import { fileLines } from './file-lines.js'
import { backupCommand } from './backup.js'
import { benchDataCommand } from './bench-data.js'
import { jobsCommand } from './jobs.js'
import { withDb, type Command } from './command.js'
import { postsCommand } from './posts.js'
import { progressBar } from './progress.js'
import { searchCommand } from './search-reindex.js'
import { signaturesCommand } from './signatures.js'
import { userCommand } from './user.js'
import { DRAIN_MS, isClusterWorker, runPrimary, workerLink } from './workers.js'

export const COMMANDS: Record<string, Command> = {
  start: {
    summary:
      'Migrate, seed the demo forum when the database is empty, then serve (what `npm start` runs).',
    usage: 'quorum start [--workers N]',
    async run(args, config) {
      // A worker forked by the primary below: the primary has migrated and seeded.
      if (isClusterWorker()) return serve(config)
      const workers = workersOf(args, config)
      if (typeof workers === 'string') return usageError(workers)
      // The server goes on with the handle that migrated and seeded: an in-memory SQLite database
      // (`sqlite::memory:`) lives only as long as its connection.
      const handle = createDb(config.database)
      try {
        const applied = await migrateToLatest(handle.db)
        if (applied.length > 0) console.error(`Applied ${applied.length} migration(s).`)
        if (await isEmpty(handle.db)) {
          const seeded = await seedDemo(handle.db)
          console.error(
            `Seeded the demo forum: ${seeded.threads} threads, ${seeded.tags} tags, ${seeded.users} people.`,
          )
        }
      } catch (error) {
        await handle.close()
        throw error
      }
      if (workers > 1) {
        await handle.close()
        return runPrimary(workers, servingLine(config))
      }
      return serve(config, handle)
    },
  },
  serve: {
    summary: 'Serve the forum on HOST:PORT (the database must be migrated).',
    usage: 'quorum serve [--workers N]',
    async run(args, config) {
      if (isClusterWorker()) return serve(config)
      const workers = workersOf(args, config)
      if (typeof workers === 'string') return usageError(workers)
      const pending = await withDb(config, ({ db }) => countPendingMigrations(db))
      if (pending > 0) {
        console.error(
          `The database has ${pending} pending migration(s). Run \`quorum migrate\` first (or \`npm start\`).`,
        )
        return 1
      }
      return workers > 1 ? runPrimary(workers, servingLine(config)) : serve(config)
    },
  },
  migrate: {
    summary: 'Apply pending migrations (--down reverts the latest one).',
    usage: 'quorum migrate [--down]',
    async run(args, config) {
      const { values } = parseArgs({ args, options: { down: { type: 'boolean', default: false } } })
      const names = await withDb(config, ({ db }) =>
        values.down ? migrateDown(db) : migrateToLatest(db),
      )
      console.log(
        names.length === 0
          ? 'Nothing to do: the database is up to date.'
          : `${values.down ? 'Reverted' : 'Applied'}: ${names.join(', ')}`,
      )
      return 0
    },
  },
  seed: {
    summary: 'Write the demo forum (tags, people, threads) into an empty database.',
    usage: 'quorum seed --demo',
    async run(args, config) {
      const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } })
      if (!values.demo) {
        console.error('Say what to seed: `quorum seed --demo`.')
        return 2
      }
      return withDb(config, async ({ db }) => {
        await migrateToLatest(db)
        if (!(await isEmpty(db))) {
          console.error(
            'The database already has threads; the demo is seeded only into an empty forum.',
          )
          return 1
        }
        const seeded = await seedDemo(db)
        console.log(
          `Seeded ${seeded.threads} threads, ${seeded.tags} tags and ${seeded.users} people.`,
        )
        return 0
      })
    },
  },
  import: {
    summary: 'Import threads from a JSON Lines file, one thread a line (docs/import.md).',
    usage: 'quorum import FILE.jsonl [--batch 200]',
    async run(args, config) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { batch: { type: 'string', default: '200' } },
      })
      const file = positionals[0]
      if (!file) {
        console.error('Name the file to import: quorum import FILE.jsonl')
        return 2
      }
      if (!fs.existsSync(file)) {
        console.error(`No such file: ${file}`)
        return 1
      }
      const total = await countLines(file)
      return withDb(config, async ({ db }) => {
        await migrateToLatest(db)
        const bar = progressBar('threads', total)
        const result = await importJsonLines(db, fileLines(file), {
          batchSize: Number(values.batch) || 200,
          onProgress: (p) => bar.update(p.imported + p.skipped),
          onBadLine: (line, problems) =>
            console.error(`\nline ${line} skipped: ${problems.join('; ')}`),
        })
        bar.finish()
        // Each thread was ranked against those imported before it: rank the lists it changed.
        await rankDueThreads(db)
        console.log(`Imported ${result.imported} thread(s); skipped ${result.skipped} bad line(s).`)
        return result.skipped > 0 ? 1 : 0
      })
    },
  },
  user: userCommand,
  search: searchCommand,
  posts: postsCommand,
  signatures: signaturesCommand,
  jobs: jobsCommand,
  backup: backupCommand,
  'bench-data': benchDataCommand,
}

/** `--workers N` when given, else WORKERS; a message when N is not a number of workers. */
function workersOf(args: string[], config: Readonly<Config>): number | string {
  const { values } = parseArgs({ args, options: { workers: { type: 'string' } } })
  if (values.workers === undefined) return config.workers
  const n = parseWorkers(values.workers, config.database)
  return typeof n === 'string' ? n.replace('WORKERS', '--workers') : n
}

function usageError(message: string): number {
  console.error(message)
  return 2
}

function servingLine(config: Readonly<Config>): string {
  return `Quorum is serving ${config.publicUrl} (${config.database.dialect})`
}

/**
 * Serves until SIGTERM or SIGINT, on the given database handle (the app closes it) or one of its own.
 * In a worker of `--workers N` (cli/workers.ts) the primary says when to stop, and the worker drains first.
 */
async function serve(config: Readonly<Config>, handle?: DbHandle): Promise<number> {
  const link = isClusterWorker() ? workerLink() : null
  const app = await buildApp(config, {
    ...(handle ? { db: handle, closeDb: true } : {}),
    ...(link ? { metrics: { aggregate: link.aggregate } } : {}),
  })
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    if (link) {
      app.shutdown.drain()
      await new Promise((resolve) => setTimeout(resolve, DRAIN_MS))
    }
    await app.close()
    process.exit(0)
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  process.once('SIGINT', () => void shutdown('SIGINT'))
  link?.onStop(() => void shutdown('primary'))
  // SQLite has no NOTIFY: a worker's live events go through the primary to every worker.
  link?.attach(app.metrics, app.live, app.dialect === 'sqlite')
  await app.listen({ port: config.port, host: config.host })
  if (config.runJobs) {
    app.jobs.start()
    // The daily trust review (promotions); its key is the day, so many processes queue one.
    await scheduleTrustReview(app.db)
    // The daily digest scheduler (tag watchers told of nothing still get their tags' busy threads).
    await scheduleDigests(app.db)
    // Similar threads marked due while no runner ran (or never ranked: a forum from before the table).
    await scheduleSimilarRefresh(app.db)
  }
  if (link) app.log.info({ pid: process.pid }, 'worker listening')
  else console.error(servingLine(config))
  return new Promise<number>(() => {}) // runs until a signal
}

async function countLines(file: string): Promise<number> {
  let n = 0
  for await (const line of fileLines(file)) if (line.trim() !== '') n++
  return n
}
