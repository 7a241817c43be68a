/**
 * `npm run bench:ask-similar`: what the ask page's similar threads cost (POST /ask/similar, issue 5's
 * budget: 150 ms), on the demo forum, through `findSimilarToDraft` and the HTML fragment the endpoint
 * sends. Seeds a fresh database per dialect (SQLite in memory; PostgreSQL in a schema of its own on the
 * local server, dropped afterwards), then prints the median, p95 and worst of `--rounds` rounds over five
 * drafts, after one warm-up round. How many queries it makes is held by
 * test/integration/signatures/ask-similar.test.ts; how fast, only here.
 *
 *   npm run bench:ask-similar -- [--dialect sqlite|postgres|both] [--rounds 20] [--url postgres://…]
 */
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createDb, type DbHandle } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { seedDemo } from '../src/domain/demo/index.js'
import { findSimilarToDraft } from '../src/domain/signatures/index.js'
import { renderSimilarThreadsFragment } from '../src/views/components/similar-threads.js'
import { PG_ADMIN_URL } from './load/database.js'

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'both' },
    rounds: { type: 'string', default: '20' },
    url: { type: 'string', default: PG_ADMIN_URL },
  },
})

const BUDGET_MS = 150
/** Drafts as people paste them: prose with an errno, a panic, a crash log, one word, a long repeated body. */
const DRAFTS: { title: string; body: string }[] = [
  {
    title: 'sendto fails with ENOBUFS in my packet tunnel',
    body: 'When I push a lot of UDP traffic on macOS 26.1 (25B78), sendto() fails with errno 55. The socket buffer is 4 MB.',
  },
  {
    title: 'Mac restarts at login: userspace watchdog timeout',
    body: 'panic(cpu 3 caller 0xfffffe0011223344): userspace watchdog timeout: no successful checkins from com.acme.agentd in 150 seconds\nDebugger message: panic',
  },
  {
    title: 'FSKit module crash in lookupItem',
    body: 'Exception Type:        EXC_BAD_ACCESS (SIGSEGV)\nThread 0 Crashed::\n0   AcmeFSModule   0x0000000100a4c1f0 AcmeVolume.lookupItem(named:inDirectory:replyHandler:) + 412',
  },
  { title: 'kext', body: '' },
  {
    title: 'IOServiceOpen returns kIOReturnNotPermitted from a sandboxed app',
    body: 'Our user client works from the command line but the sandboxed app gets 0xe00002e2. '.repeat(
      40,
    ),
  },
]

const rounds = Math.max(1, Number(values.rounds))
const dialects = (values.dialect === 'both' ? ['sqlite', 'postgres'] : [values.dialect]) as (
  'sqlite' | 'postgres'
)[]

/** A fresh, migrated database holding the demo forum; `dispose` closes it and drops what it made. */
async function demoDatabase(
  dialect: 'sqlite' | 'postgres',
): Promise<{ handle: DbHandle; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const handle = createDb({ dialect: 'sqlite', url: ':memory:' })
    await migrateToLatest(handle.db)
    await seedDemo(handle.db)
    return { handle, dispose: () => handle.close() }
  }
  const schema = `ask_similar_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: values.url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  const handle = createDb({ dialect: 'postgres', url: values.url, schema })
  const dispose = async () => {
    await handle.close()
    await admin.query(`drop schema ${schema} cascade`)
    await admin.end()
  }
  try {
    await migrateToLatest(handle.db)
    await seedDemo(handle.db)
  } catch (error) {
    await dispose()
    throw error
  }
  return { handle, dispose }
}

for (const dialect of dialects) {
  const { handle, dispose } = await demoDatabase(dialect)
  try {
    const times: number[] = []
    for (let round = 0; round <= rounds; round++) {
      for (const draft of DRAFTS) {
        const started = performance.now()
        renderSimilarThreadsFragment(await findSimilarToDraft(handle.db, draft))
        if (round > 0) times.push(performance.now() - started) // round 0 warms up
      }
    }
    times.sort((a, b) => a - b)
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0
    console.log(
      `similar threads for a draft on the demo forum (${dialect}): ${times.length} drafts, ` +
        `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, worst ${at(1).toFixed(1)} ms ` +
        `(budget ${BUDGET_MS} ms)`,
    )
  } finally {
    await dispose()
  }
}
