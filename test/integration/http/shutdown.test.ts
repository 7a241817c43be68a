/**
 * Closing the app ends in bounded time, whatever its clients do. A request is held in flight by holding
 * its first database query (a Kysely plugin on the app's handle) until the close has begun, which is
 * where a browser's live stream, opened as a page loads, can meet a server that is stopping.
 */
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { DbHandle } from '../../../src/db/connect.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { useTestDb } from '../../support/test-db.js'

/** Holds the first query run after `arm()` until `release()`; `held` settles once it is held. */
class QueryGate implements KyselyPlugin {
  private armed = false
  private open: () => void = () => {}
  private reached: () => void = () => {}
  held: Promise<void> = Promise.resolve()

  arm(): void {
    this.armed = true
    this.held = new Promise((resolve) => (this.reached = resolve))
  }

  release(): void {
    this.open()
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!this.armed) return args.result
    this.armed = false
    const opened = new Promise<void>((resolve) => (this.open = resolve))
    this.reached()
    await opened
    return args.result
  }
}

/** A GET through a real connection; resolves with the response once its body has ended. */
function get(url: string, headers: Record<string, string>, agent?: http.Agent) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.get(url, { headers, agent }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      })
      req.on('error', reject)
    },
  )
}

describe.each(DIALECTS)('%s: closing the app', (dialect) => {
  const t = useTestDb(dialect)
  const cleanups: (() => void)[] = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  /** The app on a gated handle, listening; a grace long enough never to decide a test. */
  async function start(shutdownGraceMs = 3_600_000) {
    const gate = new QueryGate()
    const handle: DbHandle = { ...t.handle, db: t.handle.db.withPlugin(gate) }
    const app = await buildTestApp(handle, {}, { shutdownGraceMs })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    return { app, gate, base }
  }

  /**
   * Starts closing `app` once a request is held, and lets the request go on after the hub closed.
   * Returns the close in a box (a promise returned by an async function would be awaited).
   */
  async function closeWhileHeld(app: FastifyInstance, gate: QueryGate) {
    await gate.held
    const closing = app.close()
    while (!app.live.isClosed) await new Promise((resolve) => setImmediate(resolve))
    gate.release()
    return { closing }
  }

  it('ends a live stream that reaches its handler after the hub closed, and stops', async () => {
    const { app, gate, base } = await start()
    gate.arm()
    // A session cookie (here one of no session) makes the stream look its viewer up: that query is held.
    const cookie = `${app.sessionCookieName}=${'n'.repeat(43)}`
    const stream = get(`${base}/events?home=1`, { cookie })
    const { closing } = await closeWhileHeld(app, gate)
    const res = await stream
    expect(res.status).toBe(200)
    expect(res.headers.connection).toBe('close')
    expect(res.body).toBe('retry: 3000\n\n')
    await closing
    expect(app.server.listening).toBe(false)
  })

  it('closes the kept-alive connection of a request in flight when it is answered', async () => {
    const { app, gate, base } = await start()
    const agent = new http.Agent({ keepAlive: true })
    cleanups.push(() => agent.destroy())
    gate.arm()
    const page = get(`${base}/`, {}, agent)
    const { closing } = await closeWhileHeld(app, gate)
    const res = await page
    expect(res.status).toBe(200)
    expect(res.headers.connection).toBe('close')
    await closing
  })

  it('closes a connection on which no request has started', async () => {
    const { app, base } = await start()
    // What a browser keeps ready for the next request; Node's close() would wait for it forever.
    const accepted = new Promise((resolve) => app.server.once('connection', resolve))
    const socket = net.connect(Number(new URL(base).port), '127.0.0.1')
    cleanups.push(() => socket.destroy())
    const ended = new Promise((resolve) => socket.on('close', resolve))
    await accepted
    await app.close()
    await ended
    expect(app.server.listening).toBe(false)
  })

  it('closes connections still open when the grace period ends', async () => {
    const { app, base } = await start(50)
    // A form post whose body never comes: the request stays in flight for as long as the client likes.
    // (Node closes a connection with no request in flight by itself.)
    const arrived = new Promise((resolve) => app.server.once('request', resolve))
    const socket = net.connect(Number(new URL(base).port), '127.0.0.1')
    cleanups.push(() => socket.destroy())
    const ended = new Promise((resolve) => socket.on('close', resolve))
    socket.write(
      'POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nlogin=',
    )
    await arrived
    await app.close()
    await ended
    expect(app.server.listening).toBe(false)
  })
})
