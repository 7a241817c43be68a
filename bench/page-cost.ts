/**
 * `npm run bench:page-cost`: what one uncached page costs the server, in process (no sockets, no load
 * generator), for A/B comparisons of a change that the noisy machine would hide in a load test. Builds
 * the app twice on the same cached bench database, variant A and variant B, and alternates them in rounds,
 * so both see the same machine load; prints mean and p50 per page and the ratio B/A, of the wall time and of
 * this process's CPU time (steadier on a busy machine; on PostgreSQL it leaves out the server's share).
 *
 *   npm run bench:page-cost -- [--threads 100000] [--rounds 8] [--per-round 40] [--compare statement-cache]
 *                              [--dialect sqlite|postgres] [--a DIR --b DIR]
 *
 * Comparisons: `statement-cache` (A: SQLite prepares every query, B: prepared statements reused);
 * `cache-size` (A: SQLite's page cache at 64 MB, B: at 32 MB); `builds` (A and B: the built app,
 * `npm run build`, of two checkouts, `--a DIR` and `--b DIR`, e.g. a worktree of main and this one: a
 * before/after of a code change in one process, under the same machine load, as two independent module
 * graphs each with its own caches).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildApp } from '../src/app.js'
import { loadConfig, parseDatabaseUrl, type DatabaseConfig } from '../src/config.js'
import { createDb, type DbOptions } from '../src/db/connect.js'
import { describeShape, ensureDatabase } from './load/database.js'
import { findTargets } from './load/scenarios.js'

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '8' },
    'per-round': { type: 'string', default: '40' },
    compare: { type: 'string', default: 'statement-cache' },
    dialect: { type: 'string', default: 'sqlite' },
    a: { type: 'string' },
    b: { type: 'string' },
  },
})

/** Database options, and the checkout whose built app (DIR/dist/src) runs; none: these sources. */
type Variant = DbOptions & { dir?: string }
const VARIANTS: Record<string, { a: Variant; b: Variant }> = {
  'statement-cache': { a: { statementCache: 0 }, b: { statementCache: 500 } },
  'cache-size': { a: { cacheKiB: 64_000 }, b: { cacheKiB: 32_000 } },
  builds: { a: { dir: values.a }, b: { dir: values.b } },
}
const variant = VARIANTS[values.compare]
if (!variant) throw new Error(`--compare: one of ${Object.keys(VARIANTS).join(', ')}`)

const shape = { threads: Number(values.threads), replies: 4, tags: 50, seed: 1 }
const url = await ensureDatabase(values.dialect as 'sqlite' | 'postgres', shape)
const targets = await findTargets(url)
const config = loadConfig({
  ...process.env,
  DATABASE_URL: url,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  // One client asks for thousands of pages: the per-client limit would answer 429.
  RATE_LIMIT_PER_MINUTE: '0',
})
const database = parseDatabaseUrl(url) as DatabaseConfig

async function app({ dir, ...options }: Variant) {
  if (values.compare === 'builds' && !dir)
    throw new Error('--compare builds: pass --a DIR and --b DIR')
  // A checkout's built modules: its own copy of every module, so neither variant shares the other's caches.
  const built = (file: string) => import(path.resolve(dir ?? '', 'dist', 'src', file))
  const make = dir
    ? {
        createDb: ((await built('db/connect.js')) as { createDb: typeof createDb }).createDb,
        buildApp: ((await built('app.js')) as { buildApp: typeof buildApp }).buildApp,
      }
    : { createDb, buildApp }
  const db = make.createDb(database, options)
  const instance = await make.buildApp(config, { db, viewsFlushMs: 0 })
  return { instance, close: async () => (await instance.close(), await db.close()) }
}
const a = await app(variant.a)
const b = await app(variant.b)

// Every URL carries a changing parameter the pages ignore, so the page cache never answers.
// "2,000 threads in turn" walks far more of the database than a cache holds, as a crawler does.
let walked = 0
// Page 500 of the kernel tag at 100k threads; a smaller forum has fewer pages (~30 % of threads are kernel's).
const deep = Math.min(500, Math.max(2, Math.floor(shape.threads / 400)))
const pages: Record<string, () => string> = {
  'tag p1': () => '/tags/kernel?sortBy=activity&page=1',
  [`tag p${deep}`]: () => `/tags/kernel?sortBy=activity&page=${deep}`,
  'thread (50 replies)': () => `/threads/${targets.longThread}`,
  'thread (5 posts)': () => `/threads/${targets.shortThread}`,
  'threads, in turn': () => `/threads/${targets.threads[walked++ % targets.threads.length] ?? 1}`,
  'search (panic)': () => '/search?q=panic',
  home: () => '/',
}
const times: Record<string, { a: number[]; b: number[] }> = {}
// This process's CPU time per page (all its threads): unlike the wall time it leaves out the time the
// machine's other work held the core, so it holds still on a busy machine. It leaves out PostgreSQL's
// own work (another process), which the wall time includes.
const cpu: Record<string, { a: number[]; b: number[] }> = {}
let n = 0
async function time(which: typeof a, path: string): Promise<{ ms: number; cpuMs: number }> {
  const started = process.hrtime.bigint()
  const cpuBefore = process.cpuUsage()
  const res = await which.instance.inject({
    url: `${path}${path.includes('?') ? '&' : '?'}_=${n++}`,
  })
  const used = process.cpuUsage(cpuBefore)
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (res.statusCode !== 200 && res.statusCode !== 301)
    throw new Error(`${path} answered ${res.statusCode}`)
  return { ms, cpuMs: (used.user + used.system) / 1000 }
}
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, path] of Object.entries(pages)) {
    const t = (times[name] ??= { a: [], b: [] })
    const c = (cpu[name] ??= { a: [], b: [] })
    for (let i = 0; i < Number(values['per-round']); i++) {
      // Alternate which variant goes first, so neither always runs on a warmer cache.
      const first = i % 2 === 0 ? 'a' : 'b'
      const second = first === 'a' ? 'b' : 'a'
      const url = path()
      for (const which of [first, second] as const) {
        const { ms, cpuMs } = await time(which === 'a' ? a : b, url)
        t[which].push(ms)
        c[which].push(cpuMs)
      }
    }
  }
}
await a.close()
await b.close()

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
const p50 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0
console.log(
  `${values.compare} on ${describeShape(shape)} (${values.dialect}); A = ${JSON.stringify(variant.a)}, B = ${JSON.stringify(variant.b)}`,
)
console.log(
  'page                  A mean ms  A p50  B mean ms  B p50  B/A (mean)  A cpu ms  B cpu ms  B/A (cpu)',
)
for (const [name, t] of Object.entries(times)) {
  const c = cpu[name] ?? { a: [], b: [] }
  console.log(
    `${name.padEnd(20)}  ${mean(t.a).toFixed(2).padStart(9)}  ${p50(t.a).toFixed(2).padStart(5)}  ${mean(t.b).toFixed(2).padStart(9)}  ${p50(t.b).toFixed(2).padStart(5)}  ${(mean(t.b) / mean(t.a)).toFixed(2).padStart(10)}  ${mean(c.a).toFixed(2).padStart(8)}  ${mean(c.b).toFixed(2).padStart(8)}  ${(mean(c.b) / mean(c.a)).toFixed(2).padStart(9)}`,
  )
}
