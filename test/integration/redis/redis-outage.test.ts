/**
 * Redis going away and coming back, on a redis-server of the test's own (never the machine's): while it
 * is down pages answer 200, the request limit still holds per process, the sign-in limit still counts,
 * /admin says "unreachable since …", and the log carries one warning for the whole outage; started
 * again on the same port, the app reconnects by itself and counts in Redis again. Skipped, saying why,
 * when redis-server is not on the PATH.
 */
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AttemptLimiter } from '../../../src/domain/shared/index.js'
import { authLimits, createAuthLimits } from '../../../src/domain/users/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import {
  freePort,
  inspectRedis,
  openStream,
  startRedisServer,
  testPrefix,
  until,
  whyNoRedisServer,
} from '../../support/redis.js'
import { useTestDb } from '../../support/test-db.js'

const noServer = whyNoRedisServer()
if (noServer) console.log(`Skipping the Redis outage suites: ${noServer}`)

const RATE_LIMIT = 30

describe.skipIf(noServer !== null).each(DIALECTS)('%s: Redis down and back', (dialect) => {
  const t = useTestDb(dialect)
  const prefix = testPrefix(`outage-${dialect}`)
  const logLines: { level: number; msg: string }[] = []
  let app: FastifyInstance
  let port: number
  let server: Awaited<ReturnType<typeof startRedisServer>>
  let admin: Agent
  let threadId: number

  const adminSays = async (text: string) => (await admin.get('/admin')).body.includes(text)
  const healthSays = (detail: string) => async () => app.redis!.health().detail.startsWith(detail)

  beforeAll(async () => {
    port = await freePort()
    server = await startRedisServer(port)
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
          logLines.push(JSON.parse(line) as { level: number; msg: string })
        done()
      },
    })
    app = await buildTestApp(
      t.handle,
      {
        REDIS_URL: server.url,
        REDIS_PREFIX: prefix,
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        LOG_LEVEL: 'warn',
      },
      { logStream },
    )
    admin = (await signedIn(app, t.db, `outage_admin_${dialect}`, 'admin')).agent
    threadId = await make.thread(t.db, { title: 'Pages while Redis is away' })
  })
  afterAll(async () => {
    await app?.close()
    await server?.kill()
  })

  it('says on /admin that Redis is connected', async () => {
    await until(healthSays('connected'))
    expect(await adminSays('Redis: connected')).toBe(true)
    expect(app.redis!.health().ok).toBe(true)
  })

  it('keeps serving with per-process limits while Redis is down, and warns once', async () => {
    await server.kill()
    await until(healthSays('unreachable since'))
    expect(app.redis!.health().ok).toBe(false)
    expect(await adminSays('Redis: unreachable since')).toBe(true)
    // /healthz says so too, and Redis being away never makes the process unready.
    const health = (await app.inject({ url: '/healthz' })).json<{
      reports: Record<string, { ok: boolean; detail: string }>
    }>()
    expect(health.reports.redis).toMatchObject({ ok: false })
    expect(health.reports.redis?.detail).toMatch(/^unreachable since /)
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200)
    for (const url of ['/', `/threads/${threadId}`, '/tags']) {
      expect((await app.inject({ url, remoteAddress: '10.88.0.1' })).statusCode).toBe(200)
    }
    // The request limit counts in this process's memory: the client is held after RATE_LIMIT.
    const answers: number[] = []
    for (let i = 0; i < RATE_LIMIT + 2; i++)
      answers.push(
        (await app.inject({ url: '/robots.txt', remoteAddress: '10.88.0.2' })).statusCode,
      )
    expect(answers.filter((s) => s === 200)).toHaveLength(RATE_LIMIT)
    expect(answers.slice(-2)).toEqual([429, 429])
    // A sign-in attempt limit still counts (in memory) and holds.
    Object.assign(authLimits, createAuthLimits(), {
      source: new AttemptLimiter({ name: 'sign-in.source', max: 3, windowMs: 15 * 60_000 }),
    })
    const guesser = new Agent(app, '10.88.0.3')
    await guesser.get('/login')
    const statuses: number[] = []
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await guesser.post('/login', { login: `outage_admin_${dialect}`, password: `no ${i}` }))
          .statusCode,
      )
    expect(statuses).toEqual([422, 422, 422, 429])
    Object.assign(authLimits, createAuthLimits())
    // Live updates still reach this process's streams (by NOTIFY on PostgreSQL, in process on SQLite).
    await app.listen({ port: 0, host: '127.0.0.1' })
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    const stream = await openStream(base, `/events?thread=${threadId}`)
    try {
      const { agent } = await signedIn(app, t.db, `outage_helper_${dialect}`)
      await agent.get(`/threads/${threadId}`)
      const res = await agent.post(`/threads/${threadId}/replies`, {
        body: 'Written while Redis was away.',
      })
      expect(res.statusCode).toBe(303)
      const postId = Number(/#post-(\d+)$/.exec(res.headers.location ?? '')?.[1])
      await until(async () =>
        stream.events.some((e) => e.event === 'post' && JSON.parse(e.data).postId === postId),
      )
    } finally {
      stream.close()
    }
    // The thread page's view was counted in this process's memory, to be written by it.
    expect(app.views.pendingCount).toBeGreaterThan(0)
    const warnings = logLines.filter(
      (l) => l.level === 40 && l.msg.startsWith('Redis is unreachable'),
    )
    expect(warnings).toHaveLength(1)
  })

  it('reconnects by itself when Redis is back on its port, and shares again', async () => {
    server = await startRedisServer(port)
    await until(healthSays('connected'))
    expect(await adminSays('Redis: connected')).toBe(true)
    const inspect = inspectRedis(prefix, server.url)
    try {
      expect(
        (await app.inject({ url: '/robots.txt', remoteAddress: '10.88.0.4' })).statusCode,
      ).toBe(200)
      expect(await inspect.keys('rate:*')).not.toHaveLength(0)
    } finally {
      await inspect.dispose()
    }
    expect(
      logLines.filter((l) => l.level === 40 && l.msg.startsWith('Redis is unreachable')),
    ).toHaveLength(1)
  })
})
