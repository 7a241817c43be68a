/**
 * Every query of an uncached anonymous thread page and tag page reads through an index (issue 29): no
 * full table scan; so does the job that ranks the stored similar threads the thread page reads. SQLite: EXPLAIN QUERY PLAN has no bare `SCAN <table>` (an ordered walk `SCAN … USING
 * INDEX`, which a LIMIT stops, and `SEARCH … USING INDEX` are index reads). PostgreSQL: with sequential
 * scans priced out (`enable_seqscan = off`, so the tiny test tables do not make one cheapest), no plan
 * keeps a `Seq Scan`, which it would only where no index can serve the query.
 */
import type { FastifyInstance } from 'fastify'
import { CompiledQuery, type LogEvent } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { refreshDueRankings } from '../../../src/domain/signatures/index.js'
import { openTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: the hot pages read through indexes', (dialect) => {
  let seen: { sql: string; parameters: readonly unknown[] }[] = []
  let recording = false
  let opened: Awaited<ReturnType<typeof openTestDb>>
  let app: FastifyInstance
  let threadId: number

  beforeAll(async () => {
    opened = await openTestDb(dialect, {
      onQuery: (event: LogEvent) => {
        if (recording) seen.push({ sql: event.query.sql, parameters: event.query.parameters })
      },
    })
    const db = opened.handle.db
    for (let i = 0; i < 12; i++)
      threadId = await make.thread(db, {
        title: `Index reads only: zone panic ${i} in vnode_put`,
        tags: ['kernel', 'driverkit'],
        body: `Panic ${i} in \`vnode_put\` after EBUSY; FB${1_300_000 + i}.`,
        attachments: [{ name: `panic-${i}.log`, content: `panic ${i}\n` }],
        replies: [
          {
            author: 'plan_helper',
            created_at: Date.now() - 60_000,
            body: 'Take an iocount with `vnode_get` first.',
            accepted: true,
          },
          { author: 'plan_other', created_at: Date.now(), body: 'Same panic here on 14.2.' },
        ],
      })
    app = await buildTestApp(opened.handle)
  })
  afterAll(async () => {
    await app?.close()
    await opened?.dispose()
  })

  /** The queries an anonymous, uncached GET runs. */
  const queriesOf = async (url: string) => {
    app.pageCache.clear()
    seen = []
    recording = true
    const res = await new Agent(app, '10.8.0.1').get(url)
    recording = false
    expect(res.statusCode, url).toBe(200)
    return seen.filter((q) => !/total_changes\(\)|pg_current_snapshot/.test(q.sql))
  }

  /** The plan's lines that read a whole table. */
  const fullScans = async (q: { sql: string; parameters: readonly unknown[] }) => {
    const db = opened.handle.db
    if (dialect === 'sqlite') {
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
      )
      const details = plan.rows.map((r) => r.detail)
      // A subquery or VALUES list the plan builds first is scanned by its name: not a table.
      const built = new Set(
        details.flatMap((d) => /^(?:CO-ROUTINE|MATERIALIZE) (\w+)/.exec(d)?.[1] ?? []),
      )
      return details.filter((d) => {
        const scanned = /^SCAN (\w+)(?: AS \w+)?$/.exec(d)?.[1]
        return scanned !== undefined && !built.has(scanned)
      })
    }
    return db.connection().execute(async (c) => {
      await c.executeQuery(CompiledQuery.raw('set enable_seqscan = off'))
      try {
        const plan = await c.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]),
        )
        return plan.rows.map((r) => r['QUERY PLAN']).filter((line) => /Seq Scan/.test(line))
      } finally {
        await c.executeQuery(CompiledQuery.raw('reset enable_seqscan'))
      }
    })
  }

  it.each([
    ['the thread page', () => `/threads/${threadId}`],
    ['the tag page', () => '/tags/kernel'],
    ['the tag page by views', () => '/tags/kernel?sortBy=views'],
  ])('%s', async (_, url) => {
    const queries = await queriesOf(url())
    expect(queries.length).toBeGreaterThan(2)
    for (const q of queries) expect(await fullScans(q), q.sql).toEqual([])
  })

  it('the thread page reads its similar threads from the stored ranking', async () => {
    const queries = await queriesOf(`/threads/${threadId}`)
    const stored = queries.filter((q) => /from "similar_threads"/.test(q.sql))
    expect(stored).toHaveLength(1)
    expect(queries.some((q) => /similarity_terms/.test(q.sql))).toBe(false)
  })

  it('the similar-threads refresh job reads and writes through indexes', async () => {
    const db = opened.handle.db
    await db.updateTable('similarity_vectors').set({ ranked_at: 0 }).execute()
    seen = []
    recording = true
    const ranked = await refreshDueRankings(db)
    recording = false
    expect(ranked).toBe(12)
    const reads = seen.filter((q) => /^\s*(select|update|delete|with)/i.test(q.sql))
    expect(reads.some((q) => /"ranked_at" < /.test(q.sql))).toBe(true)
    for (const q of reads) expect(await fullScans(q), q.sql).toEqual([])
  })
})
