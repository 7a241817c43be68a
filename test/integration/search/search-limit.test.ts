/**
 * The search page runs at most SEARCHES_IN_FLIGHT searches at once; the others wait before they start and
 * are answered when a slot frees. PostgreSQL only: SQLite's driver runs one query at a time anyway. The
 * test holds a lock on search_documents, so every search that starts blocks in the database; once every
 * request has reached the limit nothing can move until the test lets go, and the limit's state
 * (app.searches) and the blocked queries are counted then. A reader who closes the connection while their search waits takes it out of the
 * line; that runs over a real socket, since only a socket can be closed from the other end.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { SEARCHES_IN_FLIGHT } from '../../../src/http/routes/pages/search.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

/** A hang guard for states the test's own steps bring about, not a timing: they come within milliseconds. */
const SOON = { timeout: 10_000, interval: 5 }

describe.runIf(DIALECTS.includes('postgres'))('postgres: searches in flight', () => {
  const t = useTestDb('postgres')
  let app: FastifyInstance
  let threadId = 0

  beforeAll(async () => {
    threadId = await make.thread(t.db, { title: 'Wombat stalls', body: 'The wombat queue stalls.' })
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => {
    await app?.close()
  })

  it(`runs at most ${SEARCHES_IN_FLIGHT} at once and answers the rest after`, async () => {
    // The pool has 10 connections and the lock takes one: without the limit, 9 searches would block.
    const requests = 12
    expect(SEARCHES_IN_FLIGHT).toBeLessThan(9)
    let responses: Promise<{ statusCode: number; body: string }>[] = []
    await t.db.transaction().execute(async (trx) => {
      await sql`lock table search_documents in access exclusive mode`.execute(trx)
      /** Queries waiting for the test's lock on search_documents: the searches that have started. */
      const blockedInDatabase = async () => {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
          where not l.granted and c.relname = 'search_documents'
            and c.relnamespace = current_schema()::regnamespace`.execute(trx)
        return rows[0]?.n ?? 0
      }
      responses = Array.from({ length: requests }, (_, i) =>
        app.inject({ url: `/search?q=wombat&n=${i}` }),
      )
      // Every request has reached the limit: it either runs or waits its turn.
      await vi.waitUntil(() => app.searches.running + app.searches.queued === requests, SOON)
      expect(app.searches.running).toBe(SEARCHES_IN_FLIGHT)
      expect(app.searches.queued).toBe(requests - SEARCHES_IN_FLIGHT)
      // Each running search is held by the lock in the database, so none can finish and hand its slot
      // on: from here nothing moves until the lock goes, and the database sees exactly the limit.
      await vi.waitUntil(async () => (await blockedInDatabase()) === SEARCHES_IN_FLIGHT, SOON)
      expect(app.searches.running).toBe(SEARCHES_IN_FLIGHT)
      expect(app.searches.queued).toBe(requests - SEARCHES_IN_FLIGHT)
    })
    const answered = await Promise.all(responses)
    expect(answered.map((r) => r.statusCode)).toEqual(Array<number>(requests).fill(200))
    for (const r of answered) expect(r.body).toContain(`href="/threads/${threadId}`)
    expect(app.searches.running).toBe(0)
    expect(app.searches.queued).toBe(0)
  })

  it('drops a waiting search when its reader closes the connection, and answers the others', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = app.server.address() as AddressInfo
    /** Waits for a state of the limit that the test's steps lead to (the bound only stops a hang). */
    const untilTrue = (what: string, check: () => boolean) =>
      vi.waitUntil(check, SOON).catch(() => {
        throw new Error(`timed out waiting until ${what}`)
      })
    /** A GET over its own socket; resolves with the status, or with 'closed' when the test closes it. */
    const request = (path: string) => {
      const req = http.get({ host: '127.0.0.1', port, path, agent: false })
      const answer = new Promise<number | 'closed'>((resolve) => {
        req.on('response', (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        })
        req.on('error', () => resolve('closed'))
      })
      return { req, answer }
    }
    let inFlight: ReturnType<typeof request>[] = []
    let leaving: ReturnType<typeof request>[] = []
    let staying: ReturnType<typeof request> | undefined
    await t.db.transaction().execute(async (trx) => {
      await sql`lock table search_documents in access exclusive mode`.execute(trx)
      inFlight = Array.from({ length: SEARCHES_IN_FLIGHT }, (_, i) =>
        request(`/search?q=wombat&running=${i}`),
      )
      await untilTrue('every slot is taken', () => app.searches.running === SEARCHES_IN_FLIGHT)
      leaving = [1, 2, 3].map((i) => request(`/search?q=wombat&leaving=${i}`))
      staying = request('/search?q=wombat&staying=1')
      await untilTrue('four searches wait', () => app.searches.queued === 4)
      for (const { req } of leaving) req.destroy()
      await untilTrue('the three who left are out of the line', () => app.searches.queued === 1)
      expect(app.searches.running).toBe(SEARCHES_IN_FLIGHT)
    })
    const statuses = await Promise.all(inFlight.map((r) => r.answer))
    expect(statuses).toEqual(Array<number>(SEARCHES_IN_FLIGHT).fill(200))
    expect(await staying?.answer).toBe(200)
    expect(await Promise.all(leaving.map((r) => r.answer))).toEqual(['closed', 'closed', 'closed'])
    await untilTrue('the line is empty', () => app.searches.running === 0)
    expect(app.searches.queued).toBe(0)
  })
})
