/**
 * The benchmark databases, generated once and cached: a SQLite file under bench/.cache/, a PostgreSQL
 * database `quorum_bench` (its comment records what it holds, so a run with other options regenerates
 * it). Generation is `quorum bench-data`, the same command a person runs.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { ROOT, quorumCommand } from './processes.js'

export interface DataShape {
  threads: number
  replies: number
  tags: number
  seed: number
}

export const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test'
export const PG_BENCH_DB = 'quorum_bench'

export function describeShape(s: DataShape): string {
  return `t${s.threads}-r${s.replies}-g${s.tags}-s${s.seed}`
}

/** Makes sure the database exists and is migrated (a SQLite file also read into the file cache); returns its DATABASE_URL. */
export async function ensureDatabase(
  dialect: 'sqlite' | 'postgres',
  shape: DataShape,
): Promise<string> {
  const url = dialect === 'sqlite' ? await ensureSqlite(shape) : await ensurePostgres(shape)
  await run(url, ['migrate'])
  // A database generated before similar threads were stored gets them ranked once (nothing to do after).
  await run(url, ['signatures', 'rank'])
  if (dialect === 'sqlite') await warmSqliteFile(url)
  else await warmPostgres(url)
  return url
}

/**
 * Reads every table, index and TOAST table of the PostgreSQL database once (pg_prewarm's 'read' mode, into
 * the operating system's file cache), for the reason the SQLite file is read: both databases are measured
 * with their files cached, whichever ran before. A 1M forum is 14.7 GB in PostgreSQL and 12.2 GB in SQLite,
 * and a 24 GB machine holds one of them, not both. pg_prewarm ships with PostgreSQL (contrib); where it is
 * missing this says so and goes on.
 */
async function warmPostgres(databaseUrl: string): Promise<void> {
  const started = Date.now()
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('create extension if not exists pg_prewarm')
    const { rows } = await client.query<{ blocks: string }>(
      `select coalesce(sum(pg_prewarm(c.oid, 'read')), 0) as blocks from pg_class c
       where c.relkind in ('r', 'i', 't', 'm')
         and c.relnamespace in (current_schema()::regnamespace, 'pg_toast'::regnamespace)`,
    )
    const gb = (Number(rows[0]?.blocks ?? 0) * 8192) / 1e9
    console.error(
      `Read ${gb.toFixed(1)} GB of ${PG_BENCH_DB} into the file cache in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
  } catch (error) {
    console.error(`Not warming ${PG_BENCH_DB} (pg_prewarm: ${(error as Error).message})`)
  } finally {
    await client.end()
  }
}

/**
 * Reads a SQLite database file once, start to end, so the measurements meet the file in the operating
 * system's cache, as a server that has been up a while does. A machine of this kind was seen to keep
 * only 3 of a 12 GB file cached after generating it (20 GB free): the first load run then read FTS5
 * doclists and posts from disk (searches 4× slower than with the file cached, p99s of seconds).
 * A file larger than the free memory is read anyway; the kernel keeps what fits.
 */
async function warmSqliteFile(databaseUrl: string): Promise<void> {
  const file = databaseUrl.replace(/^sqlite:/, '')
  const started = Date.now()
  const buffer = Buffer.alloc(4 * 1024 * 1024)
  const handle = await fs.promises.open(file, 'r')
  let total = 0
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, total)
      if (bytesRead === 0) break
      total += bytesRead
    }
  } finally {
    await handle.close()
  }
  console.error(
    `Read ${(total / 1e9).toFixed(1)} GB of ${path.basename(file)} into the file cache in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}

async function ensureSqlite(shape: DataShape): Promise<string> {
  const file = path.join(ROOT, 'bench', '.cache', `quorum-${describeShape(shape)}.db`)
  const url = `sqlite:${file}`
  if (fs.existsSync(file) && !fs.existsSync(`${file}.generating`)) return url
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(`${file}.generating`, '')
  await generate(url, shape)
  fs.rmSync(`${file}.generating`)
  return url
}

async function ensurePostgres(shape: DataShape): Promise<string> {
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${PG_BENCH_DB}`)
  const want = `quorum bench-data ${describeShape(shape)} complete`
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
  await admin.connect()
  try {
    const { rows } = await admin.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [PG_BENCH_DB],
    )
    if (rows[0]?.comment === want) return url
    await admin.query(`drop database if exists ${PG_BENCH_DB}`)
    await admin.query(`create database ${PG_BENCH_DB}`)
    await generate(url, shape)
    await admin.query(`comment on database ${PG_BENCH_DB} is '${want}'`)
    return url
  } finally {
    await admin.end()
  }
}

async function generate(url: string, shape: DataShape): Promise<void> {
  await run(url, [
    'bench-data',
    '--threads',
    String(shape.threads),
    '--replies',
    String(shape.replies),
    '--tags',
    String(shape.tags),
    '--seed',
    String(shape.seed),
  ])
}

/** Runs a `quorum` command against the database, showing its output. */
export function run(url: string, args: string[]): Promise<void> {
  const [command, ...rest] = quorumCommand(args)
  return new Promise((resolve, reject) => {
    const child = spawn(command ?? process.execPath, rest, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`quorum ${args.join(' ')} exited with ${code}`)),
    )
  })
}
