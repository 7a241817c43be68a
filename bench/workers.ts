/**
 * `npm run bench:workers`: what several server processes buy (issue 25). For each database, for 1, 2
 * and 4 workers (`quorum serve --workers N`, the built CLI, unpinned: the workers and this load generator
 * share the machine's cores), autocannon runs the uncached search and the uncached tag page at 64
 * connections, and the table gives requests per second, p50 and p99, and the ratio to 1 worker.
 *
 *   npm run bench:workers -- [--threads 20000] [--seconds 10] [--workers 1,2,4] [--dialects sqlite,postgres]
 *
 * The data is `quorum bench-data` in a database of this script's own (bench/.cache/workers-*.db, and the
 * PostgreSQL database quorum_bench_workers), generated once. docs/performance.md, "Several workers".
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { getUncached, measure, type Measured } from './load/cannon.js'
import { PG_ADMIN_URL } from './load/database.js'
import { ROOT, quorumCommand } from './load/processes.js'

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '64' },
    workers: { type: 'string', default: '1,2,4' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
  },
})
const THREADS = Number(values.threads)
const SECONDS = Number(values.seconds)
const WARMUP = Number(values.warmup)
const CONNECTIONS = Number(values.connections)
const WORKERS = values.workers.split(',').map(Number)
const DIALECTS = values.dialects.split(',') as ('sqlite' | 'postgres')[]
const PG_DB = 'quorum_bench_workers'

const SCENARIOS = {
  'search (uncached)': `/search?q=${encodeURIComponent('panic')}`,
  'tag page (uncached)': '/tags/kernel?sortBy=activity&sortOrder=desc&page=1',
}

function run(argv: string[], env: Record<string, string>): Promise<void> {
  const [command, ...args] = argv
  return new Promise((resolve, reject) => {
    const child = spawn(command ?? process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${argv.join(' ')}: ${code}`)),
    )
  })
}

async function database(dialect: 'sqlite' | 'postgres'): Promise<string> {
  const generate = (url: string) =>
    run(quorumCommand(['bench-data', '--threads', String(THREADS)]), { DATABASE_URL: url })
  if (dialect === 'sqlite') {
    const file = path.join(ROOT, 'bench', '.cache', `workers-t${THREADS}.db`)
    const url = `sqlite:${file}`
    if (!fs.existsSync(file) || fs.existsSync(`${file}.generating`)) {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(`${file}.generating`, '')
      await run(quorumCommand(['migrate']), { DATABASE_URL: url })
      await generate(url)
      fs.rmSync(`${file}.generating`)
    }
    // A database kept from an older checkout gets the migrations added since (new tables stay empty).
    await run(quorumCommand(['migrate']), { DATABASE_URL: url })
    return url
  }
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${PG_DB}`)
  const want = `quorum bench-data t${THREADS} complete`
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
  await admin.connect()
  try {
    const { rows } = await admin.query<{ c: string | null }>(
      'select shobj_description(oid, $1) as c from pg_database where datname = $2',
      ['pg_database', PG_DB],
    )
    if (rows[0]?.c === want) {
      await run(quorumCommand(['migrate']), { DATABASE_URL: url })
      return url
    }
    await admin.query(`drop database if exists ${PG_DB}`)
    await admin.query(`create database ${PG_DB}`)
    await run(quorumCommand(['migrate']), { DATABASE_URL: url })
    await generate(url)
    await admin.query(`comment on database ${PG_DB} is '${want}'`)
  } finally {
    await admin.end()
  }
  return url
}

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

async function serve(url: string, workers: number) {
  const port = await freePort()
  const [command, ...args] = quorumCommand(['serve', '--workers', String(workers)])
  const child = spawn(command ?? process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      JOBS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('is serving')) resolve()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`quorum serve exited (${code}):\n${out}`)))
  })
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

const rows: string[][] = []
for (const dialect of DIALECTS) {
  const url = await database(dialect)
  const baseline: Record<string, number> = {}
  for (const workers of WORKERS) {
    const server = await serve(url, workers)
    try {
      for (const [name, pathname] of Object.entries(SCENARIOS)) {
        const m: Measured = await measure(
          server.base,
          getUncached(pathname),
          CONNECTIONS,
          SECONDS,
          WARMUP,
        )
        if (workers === WORKERS[0]) baseline[name] = m.requestsPerSecond
        const ratio = m.requestsPerSecond / (baseline[name] ?? m.requestsPerSecond)
        const row = [
          dialect,
          name,
          String(workers),
          m.requestsPerSecond.toFixed(0),
          `${m.p50.toFixed(0)} ms`,
          `${m.p99.toFixed(0)} ms`,
          `${ratio.toFixed(2)}×`,
          String(m.failed + m.errors),
        ]
        rows.push(row)
        console.error(row.join('  '))
      }
    } finally {
      await server.stop()
    }
  }
}

const head = ['database', 'scenario', 'workers', 'req/s', 'p50', 'p99', 'vs 1 worker', 'failed']
console.log(
  `\n${os.availableParallelism()} cores, ${THREADS} threads, ${CONNECTIONS} connections, ${SECONDS} s each (after ${WARMUP} s of warm-up)\n`,
)
console.log(`| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |`)
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
