/**
 * The search page runs at most SEARCHES_IN_FLIGHT searches at once; the others wait before they start and
 * are answered when a slot frees. PostgreSQL only: SQLite's driver runs one query at a time anyway. The
 * test holds a lock on search_documents, so every search that starts blocks in the database, and counts
 * the blocked queries.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { SEARCHES_IN_FLIGHT } from '../../../src/http/routes/pages/search.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

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
    const blocked: number[] = []
    await t.db.transaction().execute(async (trx) => {
      await sql`lock table search_documents in access exclusive mode`.execute(trx)
      responses = Array.from({ length: requests }, (_, i) =>
        app.inject({ url: `/search?q=wombat&n=${i}` }),
      )
      const waiting = async () => {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
          where not l.granted and c.relname = 'search_documents'
            and c.relnamespace = current_schema()::regnamespace`.execute(trx)
        return rows[0]?.n ?? 0
      }
      // Sample for a while after the first searches block: the count must reach the limit, never pass it.
      for (let i = 0; i < 40; i++) {
        blocked.push(await waiting())
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    })
    expect(Math.max(...blocked)).toBe(SEARCHES_IN_FLIGHT)
    const answered = await Promise.all(responses)
    expect(answered.map((r) => r.statusCode)).toEqual(Array<number>(requests).fill(200))
    for (const r of answered) expect(r.body).toContain(`href="/threads/${threadId}`)
  })
})
