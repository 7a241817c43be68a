/**
 * Two app instances on one database and one Redis (REDIS_URL), standing for two processes: what one
 * counts the other sees. The request limit counts a client's requests through both; a sign-in attempt
 * limit holds across both (each process's own memory wiped between attempts, as another process's
 * would be empty); a reply posted through A reaches a live stream held by B, through Redis pub/sub on
 * both databases; views of one visitor through both count once, and either process writes them; a
 * settings change through A is announced to the others. Skipped, saying why, when no Redis answers at
 * TEST_REDIS_URL.
 */
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AttemptLimiter, takeAttempts } from '../../../src/domain/shared/index.js'
import { authLimits, createAuthLimits } from '../../../src/domain/users/index.js'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import {
  inspectRedis,
  openStream,
  TEST_REDIS_URL,
  testPrefix,
  until,
  whyNoRedis,
} from '../../support/redis.js'
import { useTestDb } from '../../support/test-db.js'

const noRedis = await whyNoRedis()
if (noRedis) console.log(`Skipping the shared-state suites: ${noRedis}`)

const RATE_LIMIT = 40

describe.skipIf(noRedis !== null).each(DIALECTS)('%s: two processes sharing Redis', (dialect) => {
  const t = useTestDb(dialect)
  const prefix = testPrefix(`shared-${dialect}`)
  let a: FastifyInstance
  let b: FastifyInstance
  let inspect: ReturnType<typeof inspectRedis>

  beforeAll(async () => {
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    }
    a = await buildTestApp(t.handle, env)
    b = await buildTestApp(t.handle, env)
    inspect = inspectRedis(prefix)
    await until(async () => a.redis!.isUp && b.redis!.isUp)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await inspect?.dispose()
  })

  it('counts one client’s requests through both processes against one limit', async () => {
    const get = (app: FastifyInstance) =>
      app.inject({ method: 'GET', url: '/robots.txt', remoteAddress: '10.77.0.1' })
    for (let i = 0; i < RATE_LIMIT / 2; i++) {
      expect((await get(a)).statusCode).toBe(200)
      expect((await get(b)).statusCode).toBe(200)
    }
    // Each process has served only half of the limit itself: the 429 comes from the shared count.
    const over = await get(a)
    expect(over.statusCode).toBe(429)
    expect(over.headers['retry-after']).toMatch(/^\d+$/)
    expect((await get(b)).statusCode).toBe(429)
    // Another client is not held.
    expect(
      (await b.inject({ method: 'GET', url: '/robots.txt', remoteAddress: '10.77.0.2' }))
        .statusCode,
    ).toBe(200)
  })

  it('holds an account after wrong passwords spread over both processes', async () => {
    await signedIn(a, t.db, `shared_owner_${dialect}`)
    // A fresh limiter is what a process that never saw the earlier attempts has in memory.
    const freshMemory = () => {
      Object.assign(authLimits, createAuthLimits(), {
        source: new AttemptLimiter({ name: 'sign-in.source', max: 3, windowMs: 15 * 60_000 }),
      })
    }
    const attempt = async (app: FastifyInstance, password: string) => {
      freshMemory()
      const agent = new Agent(app, '10.77.1.1')
      await agent.get('/login')
      return (await agent.post('/login', { login: `shared_owner_${dialect}`, password })).statusCode
    }
    expect(await attempt(a, 'wrong guess one')).toBe(422)
    expect(await attempt(b, 'wrong guess two')).toBe(422)
    expect(await attempt(a, 'wrong guess three')).toBe(422)
    expect(await attempt(b, 'wrong guess four')).toBe(429)
    expect(await attempt(a, TEST_PASSWORD)).toBe(429) // held even for the right password
    expect(await inspect.keys('attempts:sign-in.source:*')).toHaveLength(1)
    Object.assign(authLimits, createAuthLimits())
  })

  it('lets exactly the limit of parallel attempts through, counted in one script', async () => {
    const limiter = new AttemptLimiter({ name: 'test.parallel', max: 10, windowMs: 60_000 })
    const waits = await Promise.all(
      Array.from({ length: 40 }, () => takeAttempts([[limiter, `parallel-${dialect}`]])),
    )
    expect(waits.filter((w) => w === 0)).toHaveLength(10)
    expect(waits.filter((w) => w > 0 && w <= 60)).toHaveLength(30)
    // Counted in Redis, not in this process's memory.
    expect(limiter.retryAfterS(`parallel-${dialect}`)).toBe(0)
    expect(await inspect.client.get(`${prefix}attempts:test.parallel:parallel-${dialect}`)).toBe(
      '10',
    )
  })

  it('sends a reply posted through one process to a stream held by the other, via Redis', async () => {
    await b.listen({ port: 0, host: '127.0.0.1' })
    const base = `http://127.0.0.1:${(b.server.address() as AddressInfo).port}`
    const threadId = await make.thread(t.db, { title: 'Shared live updates across processes' })
    // A subscriber of the test's own proves the event went through Redis, not NOTIFY.
    const heard: string[] = []
    const sub = new Redis(TEST_REDIS_URL)
    sub.on('message', (_channel: string, text: string) => heard.push(text))
    await sub.subscribe(`${prefix}quorum_live`)
    await b.redis!.subscribed()
    const stream = await openStream(base, `/events?thread=${threadId}`)
    try {
      const { agent } = await signedIn(a, t.db, `shared_helper_${dialect}`)
      await agent.get(`/threads/${threadId}`)
      const res = await agent.post(`/threads/${threadId}/replies`, {
        body: 'Posted through process A, read on process B.',
      })
      expect(res.statusCode).toBe(303)
      const postId = Number(/#post-(\d+)$/.exec(res.headers.location ?? '')?.[1])
      await until(async () =>
        stream.events.some((e) => e.event === 'post' && JSON.parse(e.data).postId === postId),
      )
      expect(heard.some((text) => text.includes(`"postId":${postId}`))).toBe(true)
    } finally {
      stream.close()
      await sub.quit()
    }
  })

  it('counts a visitor once across both processes, and either process writes the views', async () => {
    const threadId = await make.thread(t.db, { title: 'Shared view counts across processes' })
    const viewCount = async () =>
      (
        await t.db
          .selectFrom('threads')
          .select('view_count')
          .where('id', '=', threadId)
          .executeTakeFirstOrThrow()
      ).view_count
    const before = await viewCount()
    const view = (app: FastifyInstance, ip: string) =>
      app.inject({
        method: 'GET',
        url: `/threads/${threadId}`,
        remoteAddress: ip,
        headers: { 'user-agent': 'SharedViews/1.0' },
      })
    expect((await view(a, '10.77.2.1')).statusCode).toBe(200)
    expect((await view(b, '10.77.2.1')).statusCode).toBe(200) // the same visitor: not again
    expect((await view(a, '10.77.2.2')).statusCode).toBe(200)
    // B writes what A counted: the pending counts are in Redis, not in A's memory.
    await b.views.flush(t.db)
    expect(await viewCount()).toBe(before + 2)
    await a.views.flush(t.db)
    expect(await viewCount()).toBe(before + 2)
    expect(a.views.pendingCount).toBe(0)
  })

  it('tells the other processes when the site settings change', async () => {
    const { id: adminId } = await signedIn(a, t.db, `shared_admin_${dialect}`, 'admin')
    const heard: string[] = []
    const sub = new Redis(TEST_REDIS_URL)
    sub.on('message', (channel: string) => heard.push(channel))
    await sub.subscribe(`${prefix}site_settings`)
    try {
      const saved = await a.siteSettings.save({ siteName: 'Shared Settings Forum' }, adminId)
      expect(saved.ok).toBe(true)
      await until(async () => heard.length > 0)
      // B read the table again on its next request: its page carries the new name at once.
      await until(async () => (await b.inject('/')).body.includes('Shared Settings Forum'))
      expect(b.siteSettings.peek()?.siteName).toBe('Shared Settings Forum')
    } finally {
      await sub.quit()
    }
  })
})
