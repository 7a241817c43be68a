/**
 * Redis for the tests that share state through it: TEST_REDIS_URL (default the machine's
 * redis://127.0.0.1:6379), a key prefix per test file and dialect (keys deleted afterwards, never the
 * whole database), and a redis-server of a test's own that it may kill and start again. Without a Redis
 * answering, or without the redis-server binary, the suites skip and print why.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import net from 'node:net'
import { Redis } from 'ioredis'

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** Why the Redis suites cannot run here, or null when TEST_REDIS_URL answers PING. */
export async function whyNoRedis(url = TEST_REDIS_URL): Promise<string | null> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.ping()
    return null
  } catch (error) {
    return `no Redis answers at ${url} (${String(error)}); set TEST_REDIS_URL`
  } finally {
    client.disconnect()
  }
}

/** Why no redis-server of the test's own can start, or null when the binary is on PATH. */
export function whyNoRedisServer(): string | null {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
  return found.status === 0 ? null : 'redis-server is not on PATH'
}

/** A fresh key prefix for one suite: nothing else uses its keys or channels. */
export function testPrefix(name: string): string {
  return `test:${name}:${process.pid}:${randomBytes(3).toString('hex')}:`
}

/** A plain client for a test to look into Redis; `dispose` deletes the prefix's keys and quits. */
export function inspectRedis(prefix: string, url = TEST_REDIS_URL) {
  const client = new Redis(url, { maxRetriesPerRequest: 1 })
  return {
    client,
    /** The keys under the prefix matching `pattern` (e.g. `attempts:*`). */
    keys: (pattern: string) => client.keys(prefix + pattern),
    dispose: async () => {
      const keys = await client.keys(`${prefix}*`)
      if (keys.length > 0) await client.del(...keys)
      await client.quit()
    },
  }
}

/** A port on 127.0.0.1 nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** A redis-server child process without persistence, on `port`; resolves once it answers PING. */
export async function startRedisServer(
  port: number,
): Promise<{ url: string; kill(): Promise<void> }> {
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const url = `redis://127.0.0.1:${port}`
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited at start`)
    if ((await whyNoRedis(url)) === null) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    url,
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}

/** Calls `probe` until it returns true (no time limit of its own: the test's timeout bounds it). */
export async function until(probe: () => Promise<boolean>, everyMs = 50): Promise<void> {
  while (!(await probe())) await new Promise((resolve) => setTimeout(resolve, everyMs))
}

/**
 * Opens GET /events on a listening app; collects the names and data of the events. With a kept-alive
 * `agent` of one socket, the stream is on that connection (so on one worker of a WORKERS>1 server).
 */
export function openStream(base: string, path: string, agent?: http.Agent) {
  return new Promise<{ events: { event: string; data: string }[]; close(): void }>(
    (resolve, reject) => {
      const req = http.get(`${base}${path}`, agent ? { agent } : {}, (res) => {
        const events: { event: string; data: string }[] = []
        let buffer = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          buffer += chunk
          let end
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const event = /^event: (.*)$/m.exec(block)?.[1]
            if (event) events.push({ event, data: /^data: (.*)$/m.exec(block)?.[1] ?? '' })
          }
        })
        resolve({ events, close: () => req.destroy() })
      })
      req.on('error', reject)
    },
  )
}
