/**
 * What operators and load balancers read (issue 25): /healthz (never touches the database, needs no
 * session), /readyz (named checks, 503 naming the one that failed, checks other modules add), request
 * ids (X-Request-Id in, out and in the log) and the Prometheus metrics at /metrics (allowed addresses
 * only; counters by route pattern).
 */
import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../../../src/db/connect.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

/** Counts the app's queries, and fails every one while `down` is set (a database that went away). */
class DatabaseSwitch implements KyselyPlugin {
  queries = 0
  down = false

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.queries++
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}

/** The value of one sample of the metrics text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue
    const inner = /\{([^}]*)\}/.exec(line)?.[1] ?? ''
    if (wanted.every((w) => inner.split(',').includes(w))) return Number(line.split(' ').at(-1))
  }
  return 0
}

describe.each(DIALECTS)('%s: health, readiness, request ids and metrics', (dialect) => {
  const t = useTestDb(dialect)
  const gate = new DatabaseSwitch()
  const lines: Record<string, unknown>[] = []
  let app: FastifyInstance
  let threadId: number

  beforeAll(async () => {
    const handle: DbHandle = { ...t.handle, db: t.handle.db.withPlugin(gate) }
    const stream = new PassThrough()
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n'))
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>)
    })
    app = await buildTestApp(
      handle,
      { LOG_LEVEL: 'info', METRICS_ALLOW: '127.0.0.1, 203.0.113.0/24' },
      { logStream: stream },
    )
    threadId = await make.thread(t.db, { title: 'Ring buffer wraps early on the second pass' })
  })
  afterAll(async () => app?.close())

  it('answers /healthz without a query, whatever the cookie says', async () => {
    const before = gate.queries
    const res = await app.inject({
      url: '/healthz',
      cookies: { [app.sessionCookieName]: 'x'.repeat(43) },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', pid: process.pid })
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['set-cookie']).toBeUndefined()
    expect(gate.queries).toBe(before)
  })

  it('is ready with every check named, and says which one failed', async () => {
    const ready = await app.inject({ url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { database: { ok: true }, migrations: { ok: true }, shutdown: { ok: true } },
      reports: {},
    })

    app.addReadinessCheck('cache-server', async () => {
      throw new Error('no answer from 127.0.0.1:6379')
    })
    const unready = await app.inject({ url: '/readyz' })
    expect(unready.statusCode).toBe(503)
    expect(unready.json()).toMatchObject({
      status: 'unready',
      checks: {
        database: { ok: true },
        'cache-server': { ok: false, error: 'no answer from 127.0.0.1:6379' },
      },
    })
    app.addReadinessCheck('cache-server', async () => {})
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200)

    // A report (something the process serves on without) is shown, and never makes it unready.
    app.addHealthReport('mirror', () => ({ ok: false, detail: 'unreachable since noon' }))
    const reported = await app.inject({ url: '/readyz' })
    expect(reported.statusCode).toBe(200)
    expect(reported.json()).toMatchObject({
      reports: { mirror: { ok: false, detail: 'unreachable since noon' } },
    })
    expect((await app.inject({ url: '/healthz' })).json()).toMatchObject({
      status: 'ok',
      reports: { mirror: { ok: false } },
    })
  })

  it('is not ready while the database is away, and still healthy', async () => {
    gate.down = true
    try {
      const res = await app.inject({ url: '/readyz' })
      expect(res.statusCode).toBe(503)
      const { checks } = res.json<{ checks: Record<string, { ok: boolean; error?: string }> }>()
      expect(checks.database).toEqual({ ok: false, error: 'connect ECONNREFUSED 127.0.0.1:5432' })
      expect(checks.migrations?.ok).toBe(false)
      expect(checks.shutdown).toEqual({ ok: true })
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)
    } finally {
      gate.down = false
    }
  })

  it('takes a sane X-Request-Id, replaces any other, echoes it and logs it', async () => {
    const given = await app.inject({ url: '/', headers: { 'x-request-id': 'lb-7f3a.01' } })
    expect(given.headers['x-request-id']).toBe('lb-7f3a.01')
    expect(lines.some((l) => l.reqId === 'lb-7f3a.01' && l.msg === 'request completed')).toBe(true)

    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    for (const bad of ['a'.repeat(129), 'two words', 'caf\u00e9', '']) {
      const res = await app.inject({ url: '/healthz', headers: { 'x-request-id': bad } })
      expect(res.headers['x-request-id']).toMatch(uuid)
    }
    const none = await app.inject({ url: '/no-such-page' })
    expect(none.statusCode).toBe(404)
    expect(none.headers['x-request-id']).toMatch(uuid)
    expect(lines.some((l) => l.reqId === none.headers['x-request-id'])).toBe(true)
  })

  it('counts requests by route pattern, and page-cache hits, for allowed addresses only', async () => {
    const scrape = async () => {
      const res = await app.inject({ url: '/metrics' })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/plain/)
      return res.body
    }
    const route = { method: 'GET', route: '/threads/:id', status: '200' }
    const url = `/threads/${threadId}`
    const before = await scrape()
    for (let i = 0; i < 3; i++) expect((await app.inject({ url })).statusCode).toBe(200)
    const after = await scrape()
    expect(sample(after, 'quorum_http_requests_total', route)).toBe(
      sample(before, 'quorum_http_requests_total', route) + 3,
    )
    expect(after).not.toContain(`route="${url}"`)
    expect(
      sample(after, 'quorum_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/threads/:id',
      }),
    ).toBeGreaterThanOrEqual(3)
    expect(sample(after, 'quorum_page_cache_hits_total')).toBeGreaterThan(
      sample(before, 'quorum_page_cache_hits_total'),
    )
    expect(after).toMatch(/^quorum_jobs\{state="pending"\} \d+$/m)
    expect(after).toMatch(/^quorum_live_streams 0$/m)
    if (dialect === 'postgres')
      expect(after).toMatch(/^quorum_db_pool_connections\{state="max"\} 10$/m)
    expect(after).toMatch(/^process_cpu_user_seconds_total /m)

    const inRange = await app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' })
    expect(inRange.statusCode).toBe(200)
    const notFound = await app.inject({ url: '/no-such-page', remoteAddress: '198.51.100.7' })
    const refused = await app.inject({ url: '/metrics', remoteAddress: '198.51.100.7' })
    expect(refused.statusCode).toBe(404)
    expect(refused.body).not.toContain('quorum_')
    expect(refused.headers['content-type']).toBe(notFound.headers['content-type'])
  })

  it('never counts the operators’ endpoints against the rate limit', async () => {
    const limited = await buildTestApp(t.handle, { RATE_LIMIT_PER_MINUTE: '3' })
    try {
      for (let i = 0; i < 5; i++)
        for (const url of ['/healthz', '/readyz', '/metrics'])
          expect((await limited.inject({ url })).statusCode, `${url} #${i}`).toBe(200)
      const pages = await Promise.all(
        Array.from({ length: 5 }, () => limited.inject({ url: '/tags' })),
      )
      expect(pages.map((r) => r.statusCode)).toContain(429)
    } finally {
      await limited.close()
    }
  })

  it('says not ready once the process drains for shutdown', async () => {
    app.shutdown.drain()
    const res = await app.inject({ url: '/readyz' })
    expect(res.statusCode).toBe(503)
    expect(res.json()).toMatchObject({
      checks: { shutdown: { ok: false, error: 'the process is shutting down' } },
    })
    expect(res.headers.connection).toBe('close')
  })
})
