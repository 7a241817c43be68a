/**
 * Stored similar threads (issue 29): each thread's ranking is written when its text changes and read by
 * the thread page with one query; the lists it may move are marked due by the `similar.mark` job (never
 * in the write's transaction) and ranked by the `similar.refresh` job; titles, counts, deletion and hiding
 * come from the live thread rows.
 */
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  findSimilarThreads,
  getStoredSimilar,
  rankDueThreads,
  rebuildSignatures,
} from '../../../src/domain/signatures/index.js'
import { signedIn, type Agent } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make, questionOf } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const VNODE = (n: number) => ({
  title: `Kernel panic in vnode_put from our overlay file system (${n})`,
  body: `Unmounting the overlay panics in \`vnode_put\` with an iocount of zero; we call \`vnode_getwithref\` first. Case ${n}.`,
})
const DRIVERKIT = (n: number) => ({
  title: `Notarizing a DriverKit extension for distribution (${n})`,
  body: `Which certificate signs a DriverKit system extension, and does notarization need the entitlement request first? Case ${n}.`,
})

describe.each(DIALECTS)('%s: stored similar threads', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let moderator: Agent
  const vnode: number[] = []
  const driverkit: number[] = []
  /** How far ahead of the wall clock the jobs' clock runs. */
  let ahead = 0

  beforeAll(async () => {
    for (let i = 0; i < 4; i++) vnode.push(await make.thread(t.db, VNODE(i)))
    for (let i = 0; i < 3; i++) driverkit.push(await make.thread(t.db, DRIVERKIT(i)))
    app = await buildTestApp(t.handle, {}, { jobs: { runner: { now: () => Date.now() + ahead } } })
    moderator = (await signedIn(app, t.db, 'ranking_mod', 'moderator')).agent
  })
  afterAll(async () => app?.close())

  const rankedAt = async (id: number) =>
    (
      await t.db
        .selectFrom('similarity_vectors')
        .select('ranked_at')
        .where('thread_id', '=', id)
        .executeTakeFirstOrThrow()
    ).ranked_at
  /** The similar threads a thread page shows, as [id, title] from the links. */
  const panel = async (threadId: number) => {
    app.pageCache.clear()
    const res = await app.inject({ url: `/threads/${threadId}` })
    expect(res.statusCode).toBe(200)
    return [...parseHtml(res.body).querySelectorAll('aside.similar-threads .similar-item a')].map(
      (a) => [Number(/\/threads\/(\d+)/.exec(a.getAttribute('href') ?? '')?.[1]), a.textContent],
    )
  }
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id)
  /** The threads the pending mark jobs will mark due. */
  const toMark = async () =>
    (
      await t.db
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', 'similar.mark')
        .where('state', '=', 'pending')
        .execute()
    ).flatMap((j) => (JSON.parse(j.payload) as { threadIds: number[] }).threadIds)
  /**
   * Runs the due jobs now (the mark jobs, which queue the refresh for the end of their minute), then with
   * the clock past that minute (the refresh).
   */
  const runJobs = async () => {
    ahead = 0
    const marked = await app.jobs.drain()
    ahead = 61_000
    const refreshed = await app.jobs.drain()
    ahead = 0
    return { marked, refreshed }
  }

  it('ranks a new thread at once and queues the lists it may join to be marked due', async () => {
    // (Scores are compared in the next test: the rarity weights have moved since, with the threads added.)
    expect(ids(await getStoredSimilar(t.db, vnode[3] ?? 0))).toEqual(
      expect.arrayContaining(vnode.slice(0, 3)),
    )
    // The first thread was ranked when it was alone; the later ones' writes left its row alone and
    // queued it to be marked due.
    const first = await rankedAt(vnode[0] ?? 0)
    expect(first).toBeGreaterThan(0)
    expect(await toMark()).toContain(vnode[0])
    const { marked, refreshed } = await runJobs()
    expect(marked).toBeGreaterThan(0)
    expect(refreshed).toBeGreaterThan(0)
    expect(await toMark()).toEqual([])
    expect(await rankedAt(vnode[0] ?? 0)).toBeGreaterThan(first)
    expect(ids(await getStoredSimilar(t.db, vnode[0] ?? 0))).toEqual(
      expect.arrayContaining(vnode.slice(1)),
    )
  })

  it('stores for every thread the ranking computed from the same rows', async () => {
    await rankDueThreads(t.db, { before: Date.now() + 1 })
    let shown = 0
    for (const id of [...vnode, ...driverkit]) {
      const stored = await getStoredSimilar(t.db, id)
      expect(stored, `thread ${id}`).toEqual(await findSimilarThreads(t.db, id))
      shown += stored.length
    }
    expect(shown).toBeGreaterThanOrEqual(vnode.length * 3 + driverkit.length * 2)
    // The page shows the stored list, with the live titles.
    const page = await panel(vnode[0] ?? 0)
    expect(page.map(([id]) => id)).toEqual(ids(await getStoredSimilar(t.db, vnode[0] ?? 0)))
  })

  it('an edit re-ranks the thread in its write and its old neighbours after the job', async () => {
    const moved = vnode[3] ?? 0
    const question = await questionOf(t.db, moved)
    // Marks share the refresh of their minute, which runs once the minute is over. The test runs within
    // a minute or two, so the refresh that ran above goes first, or this one would find its key taken.
    await t.db.deleteFrom('jobs').where('kind', '=', 'similar.refresh').execute()
    await moderator.get(`/posts/${question}/edit`)
    const res = await moderator.post(`/posts/${question}/edit`, DRIVERKIT(9))
    expect(res.statusCode).toBe(303)
    // Its own list is right on the next request: the DriverKit threads now, no vnode one.
    const own = (await panel(moved)).map(([id]) => id)
    expect(own).toEqual(expect.arrayContaining(driverkit))
    expect(own.some((id) => vnode.includes(id as number))).toBe(false)
    // A list that held it still shows it, under its new title, until the job ranks that list again.
    const before = await panel(vnode[0] ?? 0)
    expect(before.find(([id]) => id === moved)?.[1]).toBe(DRIVERKIT(9).title)
    expect(await toMark()).toContain(vnode[0])
    ahead = 0
    await app.jobs.drain()
    expect(await rankedAt(vnode[0] ?? 0)).toBe(0)
    ahead = 61_000
    await app.jobs.drain()
    ahead = 0
    expect((await panel(vnode[0] ?? 0)).some(([id]) => id === moved)).toBe(false)
    expect(await getStoredSimilar(t.db, vnode[0] ?? 0)).toEqual(
      await findSimilarThreads(t.db, vnode[0] ?? 0),
    )
  })

  it.runIf(dialect === 'postgres')(
    'a reply locks no other thread’s rows: it completes while a neighbour’s row is held',
    async () => {
      const [held, replied] = [vnode[0] ?? 0, vnode[1] ?? 0]
      expect(ids(await getStoredSimilar(t.db, replied))).toContain(held)
      // Another transaction holds the neighbour's vector row, as a reply to that thread would. Were the
      // reply below to mark it due in its own transaction, it would wait here for good (the test's
      // timeout); two such replies waited for each other ("deadlock detected").
      await t.db.connection().execute(async (other) => {
        await sql`begin`.execute(other)
        await sql`select 1 from similarity_vectors where thread_id = ${held} for update`.execute(
          other,
        )
        try {
          const res = await moderator.post(`/threads/${replied}/replies`, {
            body: 'Take an iocount with vnode_getwithref before calling vnode_put on unmount.',
          })
          expect(res.statusCode).toBe(303)
        } finally {
          await sql`rollback`.execute(other)
        }
      })
      expect(await toMark()).toContain(held)
      await runJobs()
    },
  )

  it('never shows a hidden or deleted similar thread, before any refresh', async () => {
    const [reader, hidden, deleted] = [vnode[0] ?? 0, vnode[1] ?? 0, vnode[2] ?? 0]
    expect((await panel(reader)).map(([id]) => id)).toEqual(
      expect.arrayContaining([hidden, deleted]),
    )
    expect(
      (await moderator.post(`/posts/${await questionOf(t.db, hidden)}/hide`, { reason: 'spam' }))
        .statusCode,
    ).toBe(303)
    expect(
      (await moderator.post(`/posts/${await questionOf(t.db, deleted)}/delete`, {})).statusCode,
    ).toBe(303)
    const shown = (await panel(reader)).map(([id]) => id)
    expect(shown).not.toContain(hidden)
    expect(shown).not.toContain(deleted)
    // The deleted thread's own ranking is gone with its derived rows.
    expect(await getStoredSimilar(t.db, deleted)).toEqual([])
  })

  it('shows no panel for a thread not ranked yet, and `rebuild` ranks every thread', async () => {
    const id = driverkit[0] ?? 0
    await t.db.deleteFrom('similar_threads').execute()
    await t.db.updateTable('similarity_vectors').set({ ranked_at: 0 }).execute()
    expect(await panel(id)).toEqual([])
    await rebuildSignatures(t.db)
    expect((await panel(id)).length).toBeGreaterThan(0)
    expect(await getStoredSimilar(t.db, id)).toEqual(await findSimilarThreads(t.db, id))
    const due = await t.db
      .selectFrom('similarity_vectors')
      .select('thread_id')
      .where('ranked_at', '=', 0)
      .execute()
    expect(due).toEqual([])
  })
})
