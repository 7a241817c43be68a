/**
 * A Quorum server in a process of its own, for fault tests: what they watch (its memory, whether it
 * survives a database restart) cannot be seen from inside the test's own process. The server runs the
 * `quorum serve` command from the sources, on a database prepared here: a SQLite file, or a PostgreSQL
 * schema of its own on the server `postgresUrl` names.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Dialect } from '../../../../src/config.js'
import { createDb, type DbHandle } from '../../../../src/db/connect.js'
import { migrateToLatest } from '../../../../src/db/migrate.js'
import { TEST_POSTGRES_URL } from '../../../support/dialects.js'

const CLI = path.join(import.meta.dirname, 'cli.ts')

/** A migrated database the server process can open by URL, and a handle to it for the test. */
export interface ServerDatabase {
  url: string
  handle: DbHandle
  dispose(): Promise<void>
}

/** Creates a migrated database: a SQLite file in a temporary folder, or a schema on `postgresUrl`. */
export async function serverDatabase(
  dialect: Dialect,
  postgresUrl = TEST_POSTGRES_URL,
): Promise<ServerDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-fault-'))
    const file = path.join(dir, 'quorum.db')
    const handle = createDb({ dialect: 'sqlite', url: file })
    await migrateToLatest(handle.db)
    return {
      url: `sqlite:${file}`,
      handle,
      dispose: async () => {
        await handle.close()
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const schema = `fault_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(postgresUrl, `create schema ${schema}`)
  const handle = createDb({ dialect: 'postgres', url: postgresUrl, schema })
  await migrateToLatest(handle.db)
  const url = new URL(postgresUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    handle,
    dispose: async () => {
      await handle.close()
      await adminQuery(postgresUrl, `drop schema if exists ${schema} cascade`).catch(
        () => undefined,
      )
    },
  }
}

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>
}

/** Starts `quorum serve` (or `start`) on a free port of 127.0.0.1 and waits until it serves. */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  command: 'serve' | 'start' = 'serve',
  /** How long it may take to say it serves: several workers loading the sources on a busy machine need more. */
  startMs = 60_000,
): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, command], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      // One process, whose pid is the server's (WORKERS=auto would fork one per core on PostgreSQL).
      WORKERS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), startMs)
    const check = setInterval(() => {
      if (out.includes('is serving')) {
        clearTimeout(timer)
        clearInterval(check)
        resolve()
      }
    }, 20)
    child.once('exit', (code) => {
      clearTimeout(timer)
      clearInterval(check)
      reject(new Error(`the server exited (${code}) before serving:\n${out}`))
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** The process's resident memory now (VmRSS) and its peak so far (VmHWM), in bytes. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 }
}

/** A port nothing listens on right now (the kernel's pick, released again). */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/**
 * One request to a server process. Without `agent`, a connection of its own (so the primary of a
 * WORKERS>1 server hands it to any worker); with a kept-alive `agent` of one socket, always the same one.
 */
export function request(
  base: string,
  path: string,
  options: {
    agent?: http.Agent
    method?: string
    headers?: Record<string, string>
    body?: string
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, base),
      { method: options.method ?? 'GET', agent: options.agent ?? false, headers: options.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** The pid of the worker that answered (/healthz names it). */
export const pidOf = async (base: string, agent?: http.Agent) =>
  (JSON.parse((await request(base, '/healthz', { agent })).body) as { pid: number }).pid

/**
 * Kept-alive connections to a WORKERS=`count` server, one per worker, told apart by the pid /healthz
 * reports; each is also pushed to `keep`, for the caller to destroy.
 */
export async function agentPerWorker(
  base: string,
  count: number,
  keep: http.Agent[],
): Promise<http.Agent[]> {
  const byPid = new Map<number, http.Agent>()
  for (let i = 0; i < 10 * count && byPid.size < count; i++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    keep.push(agent)
    const pid = await pidOf(base, agent)
    if (!byPid.has(pid)) byPid.set(pid, agent)
  }
  if (byPid.size !== count)
    throw new Error(`${10 * count} connections reached ${byPid.size} of ${count} workers`)
  return [...byPid.values()]
}

/**
 * A browser's state across requests made by hand (any server, any client): the cookies each answer
 * set, and the last form token a page carried, for the next form post.
 */
export function browserState() {
  const cookies = new Map<string, string>()
  let token = ''
  return {
    remember<A extends { headers: http.IncomingHttpHeaders; body: string }>(answer: A): A {
      const lines = answer.headers['set-cookie'] ?? []
      for (const line of Array.isArray(lines) ? lines : [lines]) {
        const [pair = ''] = line.split(';')
        const eq = pair.indexOf('=')
        cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
      }
      token = /name="_csrf" value="([^"]+)"/.exec(answer.body)?.[1] ?? token
      return answer
    },
    cookie: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    token: () => token,
  }
}
