/**
 * The ask page's similar threads on the demo forum (POST /ask/similar, docs/signatures.md): what it finds,
 * and what it costs in queries, counted, since its latency depends on doing a fixed amount of work whatever
 * the draft. How fast it answers is measured by `npm run bench:ask-similar`, never by a timed test.
 */
import type { FastifyInstance } from 'fastify'
import type { LogEvent } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../../src/domain/demo/index.js'
import type { Agent } from '../../support/agent.js'
import { signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { useTestDb } from '../../support/test-db.js'

/**
 * Queries one POST /ask/similar may make: the session, then the ranking's seven (the thread count, which
 * terms are common, the terms' and the signatures' thread counts, the term and signature postings, the
 * rows shown). The drafts below, up to 3,400 characters, each stay within it: the work does not grow with
 * the draft (at most 40 terms and 10,000 postings are read, domain/signatures/similar.ts).
 */
const BUDGET = 8

const DRAFTS: { title: string; body: string }[] = [
  {
    title: 'sendto fails with ENOBUFS in my packet tunnel',
    body: 'When I push a lot of UDP traffic on macOS 26.1 (25B78), sendto() fails with errno 55. The socket buffer is 4 MB.',
  },
  {
    title: 'Mac restarts at login: userspace watchdog timeout',
    body: 'panic(cpu 3 caller 0xfffffe0011223344): userspace watchdog timeout: no successful checkins from com.acme.agentd in 150 seconds\nDebugger message: panic',
  },
  {
    title: 'FSKit module crash in lookupItem',
    body: 'Exception Type:        EXC_BAD_ACCESS (SIGSEGV)\nThread 0 Crashed::\n0   AcmeFSModule   0x0000000100a4c1f0 AcmeVolume.lookupItem(named:inDirectory:replyHandler:) + 412',
  },
  { title: 'kext', body: '' },
  {
    title: 'IOServiceOpen returns kIOReturnNotPermitted from a sandboxed app',
    body: 'Our user client works from the command line but the sandboxed app gets 0xe00002e2. '.repeat(
      40,
    ),
  },
]

describe.each(DIALECTS)('%s: similar threads while asking, on the demo forum', (dialect) => {
  let queries: string[] = []
  let counting = false
  const t = useTestDb(dialect, {
    onQuery: (event: LogEvent) => {
      if (counting) queries.push(event.query.sql)
    },
  })
  let app: FastifyInstance
  let agent: Agent

  beforeAll(async () => {
    await seedDemo(t.db)
    app = await buildTestApp(t.handle)
    agent = (await signedIn(app, t.db, 'similar_asker')).agent
    await agent.get('/ask')
  }, 120_000)
  afterAll(async () => app?.close())

  /** Posts a draft as the island does; returns the answer and the SQL it ran. */
  const ask = async (draft: { title: string; body: string }) => {
    queries = []
    counting = true
    const res = await agent.post('/ask/similar', draft, { json: true })
    counting = false
    return { res, queries: [...queries] }
  }

  it(`answers every draft with at most ${BUDGET} queries, however long the draft`, async () => {
    // Twice over: the second round reads the counts the first one remembered.
    for (let round = 0; round < 2; round++) {
      for (const draft of DRAFTS) {
        const { res, queries } = await ask(draft)
        expect(res.statusCode, draft.title).toBe(200)
        expect(queries.length, `${draft.title}:\n${queries.join('\n')}`).toBeLessThanOrEqual(BUDGET)
      }
    }
  })

  it('asks the database nothing for a draft with no words to match', async () => {
    const { res, queries } = await ask({ title: 'the and of', body: '' })
    expect(res.statusCode).toBe(200)
    expect((res.json() as { threads: unknown[] }).threads).toEqual([])
    expect(queries).toHaveLength(1) // the session
  })

  it('finds the demo twin of a pasted watchdog panic first', async () => {
    const res = await agent.post('/ask/similar', DRAFTS[1] ?? { title: '', body: '' }, {
      json: true,
    })
    const threads = (res.json() as { threads: { title: string }[] }).threads
    expect(threads.slice(0, 2).every((s) => /watchdog/i.test(s.title))).toBe(true)
  })
})
