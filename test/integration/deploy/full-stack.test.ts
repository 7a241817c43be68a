/**
 * The scale-out setup as one run: two `quorum serve` processes ("two machines"), each with WORKERS=2,
 * on one PostgreSQL primary with a real streaming replica (test/support/pg-streaming.ts), sharing one
 * Redis (REDIS_URL with a prefix of this file's own). The multi-process cases that other files check one
 * piece at a time, here together:
 * 1. a writer's reply through server A is on their next read through server B while the replica's replay
 *    is paused (read-your-writes by the WAL cookie), and an anonymous uncached read through B is served
 *    by the replica (it lacks the reply until replay resumes);
 * 2. the request limit counts one client's requests across both servers and all four workers (Redis);
 * 3. a reply through A reaches a live stream held by each worker of B (Redis pub/sub);
 * 4. kill -9 one worker of A: its primary forks another, and both servers keep answering.
 * Skipped, saying why, without PostgreSQL's server binaries (pg_basebackup) or a Redis.
 */
import type http from 'node:http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDb, type DbHandle } from '../../../src/db/connect.js'
import { migrateToLatest } from '../../../src/db/migrate.js'
import { createAccount } from '../../../src/domain/users/index.js'
import { TEST_PASSWORD } from '../../support/agent.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import {
  startStreamingPair,
  streamingUnavailable,
  type StreamingPair,
} from '../../support/pg-streaming.js'
import {
  inspectRedis,
  openStream,
  TEST_REDIS_URL,
  testPrefix,
  whyNoRedis,
} from '../../support/redis.js'
import {
  agentPerWorker,
  browserState,
  pidOf,
  request,
  startServer,
  type ServerProcess,
} from '../faults/support/server-process.js'

const noRedis = await whyNoRedis()
const unavailable = !DIALECTS.includes('postgres')
  ? 'DIALECTS has no postgres'
  : (streamingUnavailable() ?? noRedis)
if (unavailable) console.log(`full-stack.test.ts skipped: ${unavailable}`)

/** A hang guard for what happens in other processes, not a speed check. */
const SOON = { timeout: 30_000, interval: 50 }
/** The request limit per client and minute on both servers. */
const LIMIT = 40

/** A browser's cookies and last form token, sent to whichever server it is pointed at. */
function browser(client: string) {
  const state = browserState()
  const headers = (extra: Record<string, string> = {}) => ({
    cookie: state.cookie(),
    'x-forwarded-for': client,
    ...extra,
  })
  return {
    get: async (base: string, url: string) =>
      state.remember(await request(base, url, { headers: headers() })),
    post: async (base: string, url: string, form: Record<string, string>) =>
      state.remember(
        await request(base, url, {
          method: 'POST',
          headers: headers({ 'content-type': 'application/x-www-form-urlencoded', origin: base }),
          body: new URLSearchParams({ _csrf: state.token(), ...form }).toString(),
        }),
      ),
  }
}

describe.runIf(unavailable === null)(
  'postgres: two servers of two workers, a replica, Redis',
  () => {
    let pair: StreamingPair
    let handle: DbHandle
    let a: ServerProcess
    let b: ServerProcess
    let threadId: number
    const prefix = testPrefix('fullstack')
    const agents: http.Agent[] = []
    let writer: ReturnType<typeof browser>

    const setReplay = (on: 'pause' | 'resume') =>
      pair.onReplica(`select pg_wal_replay_${on}()`).then(() => undefined)
    const reply = async (base: string, body: string) => {
      await writer.get(base, `/threads/${threadId}`)
      const res = await writer.post(base, `/threads/${threadId}/replies`, { body })
      expect(res.status).toBe(303)
      return Number(/#post-(\d+)$/.exec(String(res.headers.location))?.[1])
    }

    beforeAll(async () => {
      pair = await startStreamingPair()
      handle = createDb({ dialect: 'postgres', url: pair.primaryUrl })
      await migrateToLatest(handle.db)
      await make.tag(handle.db, 'kernel', { name: 'Kernel' })
      threadId = await make.thread(handle.db, {
        title: 'Spinlock held across a page fault',
        tags: ['kernel'],
        replies: 1,
      })
      const made = await createAccount(handle.db, {
        username: 'stack_writer',
        email: 'stack_writer@example.test',
        password: TEST_PASSWORD,
        role: 'member',
        title: null,
        trustLevel: 'member',
      })
      if (!made.ok) throw new Error('no account')
      const env = {
        WORKERS: '2',
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: prefix,
        DATABASE_REPLICA_URLS: pair.replicaUrl,
        DATABASE_REPLICA_MAX_LAG_SECONDS: '60',
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        // Each case is its own client (X-Forwarded-For), so one case's requests never spend another's limit.
        TRUST_PROXY: '1',
      }
      // One after the other, each with time to spare: six processes loading the sources at once on a
      // busy two-core machine took longer than a minute.
      a = await startServer(pair.primaryUrl, env, 'serve', 240_000)
      b = await startServer(pair.primaryUrl, env, 'serve', 240_000)
      writer = browser('198.51.100.10')
      await writer.get(a.url, '/login')
      const login = await writer.post(a.url, '/login', {
        login: 'stack_writer',
        password: TEST_PASSWORD,
      })
      expect(login.status).toBe(303)
    }, 600_000)

    afterAll(async () => {
      for (const agent of agents) agent.destroy()
      await Promise.all([a?.stop(), b?.stop()])
      await handle?.close()
      await pair?.destroy()
      if (!unavailable) await inspectRedis(prefix).dispose()
    })

    it('reads a write through the other server from the primary, strangers from the replica', async () => {
      await setReplay('pause')
      try {
        const text = 'Written through A while the replica waits: move the lock after the copy.'
        await reply(a.url, text)
        const own = await writer.get(b.url, `/threads/${threadId}`)
        expect(own.status).toBe(200)
        expect(own.body).toContain('move the lock after the copy')
        const stranger = await request(b.url, `/threads/${threadId}?uncached=1`, {
          headers: { 'x-forwarded-for': '198.51.100.11' },
        })
        expect(stranger.status).toBe(200)
        expect(stranger.body).toContain('Spinlock held across a page fault')
        expect(stranger.body).not.toContain('move the lock after the copy')
      } finally {
        await setReplay('resume')
      }
      await vi.waitUntil(async () => {
        const res = await request(b.url, `/threads/${threadId}?uncached=2`, {
          headers: { 'x-forwarded-for': '198.51.100.11' },
        })
        return res.body.includes('move the lock after the copy')
      }, SOON)
    })

    it('counts one client’s requests across both servers and all their workers', async () => {
      const client = { 'x-forwarded-for': '198.51.100.12' }
      const statuses: number[] = []
      // Each request on a connection of its own: the primaries hand them to either worker.
      for (let i = 0; i < LIMIT; i++)
        statuses.push((await request(i % 2 ? a.url : b.url, '/tags', { headers: client })).status)
      expect(statuses).toEqual(statuses.map(() => 200))
      expect((await request(a.url, '/tags', { headers: client })).status).toBe(429)
      expect((await request(b.url, '/tags', { headers: client })).status).toBe(429)
      // Another client is not held by this one's count.
      const other = { 'x-forwarded-for': '198.51.100.13' }
      expect((await request(b.url, '/tags', { headers: other })).status).toBe(200)
    })

    it('sends a reply through A to a live stream on each worker of B', async () => {
      const [first, second] = await agentPerWorker(b.url, 2, agents)
      const streams = await Promise.all(
        [first!, second!].map((agent) => openStream(b.url, `/events?thread=${threadId}`, agent)),
      )
      const postId = await reply(a.url, 'Announced on every worker of the other server.')
      for (const s of streams)
        await vi.waitUntil(
          () => s.events.some((e) => e.event === 'post' && JSON.parse(e.data).postId === postId),
          SOON,
        )
      for (const s of streams) s.close()
    })

    it('forks a new worker of A after kill -9, while both servers keep answering', async () => {
      const [victimAgent] = await agentPerWorker(a.url, 2, agents)
      const victim = await pidOf(a.url, victimAgent)
      process.kill(victim, 'SIGKILL')
      await vi.waitUntil(() => a.output().includes(`Worker ${victim} exited`), SOON)
      const client = { 'x-forwarded-for': '198.51.100.14' }
      for (let i = 0; i < 6; i++) {
        expect((await request(a.url, `/threads/${threadId}`, { headers: client })).status).toBe(200)
        expect((await request(b.url, `/threads/${threadId}`, { headers: client })).status).toBe(200)
      }
      const seen = new Set<number>()
      // A new worker loads the whole app before it listens: slow on a busy machine.
      await vi.waitUntil(
        async () => {
          seen.add(await pidOf(a.url))
          return seen.size === 2
        },
        { timeout: 90_000, interval: 50 },
      )
      expect(seen.has(victim)).toBe(false)
    }, 120_000)
  },
)
