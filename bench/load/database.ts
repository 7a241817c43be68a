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

/** Makes sure the database exists and is migrated; returns its DATABASE_URL. */
export async function ensureDatabase(
  dialect: 'sqlite' | 'postgres',
  shape: DataShape,
): Promise<string> {
  const url = dialect === 'sqlite' ? await ensureSqlite(shape) : await ensurePostgres(shape)
  await run(url, ['migrate'])
  return url
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
