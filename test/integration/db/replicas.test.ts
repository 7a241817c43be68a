/**
 * Read replicas (DATABASE_REPLICA_URLS) against a real streaming replica the file starts
 * (test/support/pg-streaming.ts): anonymous pages and search are read on the replica, a writer reads
 * their own write even while the replica's replay is paused, and a replica that lags past the bound or
 * is down is skipped (pages answer 200 from the primary) until it is back. PostgreSQL only: SQLite has
 * no replicas, and the setting is refused with it (test/unit/config).
 *
 * Proof of where a page was read: while the replica's replay is paused, a row written on the primary is
 * on the primary only, so a page that lacks it was read on the replica and one that has it on the
 * primary.
 */
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type DbHandle } from '../../../src/db/connect.js'
import { migrateToLatest } from '../../../src/db/migrate.js'
import { parseLsn } from '../../../src/db/replicas.js'
import { apiToken } from '../../support/accounts.js'
import { signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import {
  startStreamingPair,
  streamingUnavailable,
  type StreamingPair,
} from '../../support/pg-streaming.js'

const unavailable = DIALECTS.includes('postgres')
  ? streamingUnavailable()
  : 'DIALECTS has no postgres'
if (unavailable) console.log(`replicas.test.ts skipped: ${unavailable}`)

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe.runIf(unavailable === null)('postgres: read replicas', () => {
  let pair: StreamingPair
  let handle: DbHandle
  /** Lag bound 60 s: a paused replica stays `up` for these tests, serving what it had. */
  let app: FastifyInstance
  /** Lag bound 0.2 s: a paused replica soon counts as lagging. */
  let strict: FastifyInstance
  let threadId: number

  /** Waits until `app`'s replica has replayed everything the primary has committed so far. */
  const caughtUp = async (on: FastifyInstance) => {
    const { rows } = await sql<{
      lsn: string
    }>`select pg_current_wal_lsn()::text as lsn`.execute(handle.db)
    const target = parseLsn(rows[0]!.lsn)
    for (let i = 0; i < 400; i++) {
      await on.checkReplicas()
      const [state] = on.replicaHealth()
      if (state?.status === 'up' && state.replayLsn && parseLsn(state.replayLsn) >= target) return
      await pause(50)
    }
    throw new Error(`the replica did not catch up: ${JSON.stringify(on.replicaHealth())}`)
  }
  const setReplay = (on: 'pause' | 'resume') =>
    pair.onReplica(`select pg_wal_replay_${on}()`).then(() => undefined)
  const anonymous = (path: string, cookie = '') =>
    app.inject({ method: 'GET', url: path, headers: cookie ? { cookie } : {} })

  beforeAll(async () => {
    pair = await startStreamingPair()
    handle = createDb({ dialect: 'postgres', url: pair.primaryUrl })
    await migrateToLatest(handle.db)
    await make.tag(handle.db, 'kernel', { name: 'Kernel' })
    threadId = await make.thread(handle.db, {
      title: 'Page faults in a kext',
      tags: ['kernel'],
      replies: 1,
    })
    const env = { DATABASE_URL: pair.primaryUrl, DATABASE_REPLICA_URLS: pair.replicaUrl }
    app = await buildTestApp(handle, { ...env, DATABASE_REPLICA_MAX_LAG_SECONDS: '60' })
    strict = await buildTestApp(handle, { ...env, DATABASE_REPLICA_MAX_LAG_SECONDS: '0.2' })
    await caughtUp(app)
  }, 120_000)
  afterAll(async () => {
    await app?.close()
    await strict?.close()
    await handle?.close()
    await pair?.destroy()
  })

  it('reads anonymous pages and search on the replica, and says so in replicaHealth()', async () => {
    const [state] = app.replicaHealth()
    expect(state).toMatchObject({ status: 'up', error: null, lagMs: 0 })
    expect(state?.name).toBe(new URL(pair.replicaUrl).host + '/test')

    await setReplay('pause')
    try {
      await make.thread(handle.db, { title: 'Written while replay waits', tags: ['kernel'] })
      await app.checkReplicas()
      expect(app.replicaHealth()[0]?.status).toBe('up') // behind, but well within 60 s
      const tag = await anonymous('/tags/kernel')
      expect(tag.statusCode).toBe(200)
      expect(tag.body).toContain('Page faults in a kext')
      expect(tag.body).not.toContain('Written while replay waits')
      const search = await anonymous('/search?q=replay+waits')
      expect(search.statusCode).toBe(200)
      expect(search.body).not.toContain('Written while replay waits')
      // The replica's own view: Quorum's reads hold connections there.
      const sessions = await pair.onReplica<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where application_name = 'quorum replica read'",
      )
      expect(sessions[0]?.n).toBeGreaterThan(0)
    } finally {
      await setReplay('resume')
    }
    await caughtUp(app)
    app.pageCache.clear()
    expect((await anonymous('/tags/kernel')).body).toContain('Written while replay waits')
  })

  it('shows a writer their own write while the replica lags, and others the replica', async () => {
    const { agent: writer, id: writerId } = await signedIn(app, handle.db, 'replica_writer')
    await writer.get(`/threads/${threadId}`)
    await setReplay('pause')
    let marker: string | undefined
    try {
      const res = await writer.post(`/threads/${threadId}/replies`, {
        body: 'Unwired pages fault again after wakeup; mlock them first.',
      })
      expect(res.statusCode).toBe(303)
      marker = writer.cookies.get('quorum_wal')
      expect(marker).toMatch(/^[0-9A-F]+(\/|%2F)[0-9A-F]+$/)
      await app.checkReplicas()
      expect(app.replicaHealth()[0]?.status).toBe('up')

      // The writer's search (signed in: search may use a replica) finds the reply on the primary.
      const search = await writer.get('/search?q=mlock+wakeup')
      expect(search.body).toContain(`/threads/${threadId}`)
      // The same visitor signed out still carries the marker: the thread page has the reply.
      const own = await anonymous(`/threads/${threadId}`, `quorum_wal=${marker ?? ''}`)
      expect(own.statusCode).toBe(200)
      expect(own.body).toContain('mlock them first')
      expect(own.headers['cache-control']).toBe('private, no-store')
      // Someone else reads the replica, which has not replayed it yet.
      const other = await anonymous(`/threads/${threadId}`)
      expect(other.body).not.toContain('mlock them first')
      const otherSearch = await anonymous('/search?q=mlock+wakeup')
      expect(otherSearch.body).not.toContain(`/threads/${threadId}`)
      // The JSON API the same way: without a token, the replica; with one (no cookie), the primary.
      const apiThread = await anonymous(`/api/v1/threads/${threadId}`)
      expect(apiThread.statusCode).toBe(200)
      expect(apiThread.body).not.toContain('mlock them first')
      const withToken = await app.inject({
        method: 'GET',
        url: `/api/v1/threads/${threadId}`,
        headers: {
          authorization: `Bearer ${await apiToken(handle.db, { id: writerId, username: 'replica_writer' }, ['read'])}`,
        },
      })
      expect(withToken.statusCode).toBe(200)
      expect(withToken.body).toContain('mlock them first')
    } finally {
      await setReplay('resume')
    }
    await caughtUp(app)
    const later = await anonymous(`/threads/${threadId}`, `quorum_wal=${marker ?? ''}`)
    expect(later.body).toContain('mlock them first')
  })

  it('skips a replica that lags past the bound, and uses it again once it caught up', async () => {
    await caughtUp(strict)
    await setReplay('pause')
    try {
      await make.thread(handle.db, { title: 'Written while the replica lags', tags: ['kernel'] })
      // The last replayed commit ages until it is older than the 0.2 s bound.
      for (let i = 0; i < 200 && strict.replicaHealth()[0]?.status !== 'lagging'; i++) {
        await pause(50)
        await strict.checkReplicas()
      }
      expect(strict.replicaHealth()[0]).toMatchObject({ status: 'lagging', error: null })
      strict.pageCache.clear()
      const tag = await strict.inject({ method: 'GET', url: '/tags/kernel' })
      expect(tag.statusCode).toBe(200)
      expect(tag.body).toContain('Written while the replica lags') // the primary's page
    } finally {
      await setReplay('resume')
    }
    await caughtUp(strict)
    expect(strict.replicaHealth()[0]?.status).toBe('up')
  })

  it('falls back to the primary while the replica is down, and uses it again when it is back', async () => {
    await pair.stopReplica()
    try {
      // A read that meets the dead replica marks it down at once; the poll does too.
      await strict.inject({ method: 'GET', url: '/search?q=fault' })
      await strict.checkReplicas()
      const [state] = strict.replicaHealth()
      expect(state?.status).toBe('down')
      expect(state?.error).toBeTruthy()
      // /healthz names the replica that is down; the process stays ready (reads use the primary).
      const health = (await strict.inject({ method: 'GET', url: '/healthz' })).json<{
        reports: Record<string, { ok: boolean; detail: string }>
      }>()
      expect(health.reports.replicas).toMatchObject({ ok: false })
      expect(health.reports.replicas?.detail).toContain('down')
      expect((await strict.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
      await make.thread(handle.db, { title: 'Written while the replica is down', tags: ['kernel'] })
      for (const url of ['/', '/tags/kernel', `/threads/${threadId}`, '/search?q=replica+down']) {
        strict.pageCache.clear()
        const res = await strict.inject({ method: 'GET', url })
        expect(res.statusCode, url).toBe(200)
      }
      const tag = await strict.inject({ method: 'GET', url: '/tags/kernel' })
      expect(tag.body).toContain('Written while the replica is down')
    } finally {
      await pair.startReplica()
    }
    await caughtUp(strict)
    expect(strict.replicaHealth()[0]).toMatchObject({ status: 'up', error: null })
  })
})
