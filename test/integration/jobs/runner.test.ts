/**
 * Background jobs (src/domain/jobs) on both databases: written with the transaction that causes them,
 * idempotent by key, claimed once however many runners ask, retried with backoff, dead after the last
 * attempt and revived by an operator, and taken over when the process that claimed them died.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/schema.js'
import {
  countJobsByState,
  enqueueJob,
  JobRunner,
  listJobs,
  retryDelayMs,
  reviveJob,
  type ClaimedJob,
  type JobHandler,
} from '../../../src/domain/jobs/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { openTestDb } from '../../support/test-db.js'

const quiet = { info: () => {}, warn: () => {}, error: () => {} }

describe.each(DIALECTS)('%s: background jobs', (dialect) => {
  const opened: Awaited<ReturnType<typeof openTestDb>>[] = []
  let db: Db
  let clock = 1_000_000

  beforeEach(async () => {
    const fresh = await openTestDb(dialect)
    opened.push(fresh)
    db = fresh.handle.db
    clock = 1_000_000
  })
  afterAll(async () => {
    for (const o of opened) await o.dispose()
  })

  /** A runner over `db` with handlers by kind and the test's clock. */
  const runner = (handlers: Record<string, JobHandler>, leaseMs = 60_000) =>
    new JobRunner(db, new Map(Object.entries(handlers)), quiet, { now: () => clock, leaseMs })

  it('is written with the transaction that causes it: a rollback leaves no job', async () => {
    await db
      .transaction()
      .execute(async (trx) => {
        await enqueueJob(trx, { kind: 'k', key: 'rolled-back', payload: {} }, clock)
        throw new Error('the change failed')
      })
      .catch(() => undefined)
    await db.transaction().execute(async (trx) => {
      await enqueueJob(trx, { kind: 'k', key: 'committed', payload: { n: 1 } }, clock)
    })
    expect((await listJobs(db, { limit: 10 })).map((j) => j.key)).toEqual(['committed'])
  })

  it('makes one job of one key, however often it is enqueued', async () => {
    expect(await enqueueJob(db, { kind: 'k', key: 'once', payload: { a: 1 } }, clock)).toBe(true)
    expect(await enqueueJob(db, { kind: 'k', key: 'once', payload: { a: 2 } }, clock)).toBe(false)
    const seen: unknown[] = []
    await runner({ k: async (job) => void seen.push(job.payload) }).drain()
    expect(seen).toEqual([{ a: 1 }])
  })

  it('runs a due job once, marks it done and drops its payload', async () => {
    await enqueueJob(db, { kind: 'k', key: 'due', payload: { secret: 'link' } }, clock)
    await enqueueJob(db, { kind: 'k', key: 'later', payload: {}, runAfter: clock + 5000 }, clock)
    const ran: string[] = []
    const r = runner({ k: async (job) => void ran.push(job.key) })
    expect(await r.drain()).toBe(1)
    expect(ran).toEqual(['due'])
    expect(await countJobsByState(db)).toMatchObject({ pending: 1, done: 1 })
    const payloads = await db.selectFrom('jobs').select(['key', 'payload']).execute()
    expect(payloads.find((j) => j.key === 'due')?.payload).toBe('{}')
    clock += 5000
    expect(await r.drain()).toBe(1)
    expect(ran).toEqual(['due', 'later'])
  })

  it('retries a failing job after a growing wait, and keeps it dead after the last attempt', async () => {
    await enqueueJob(db, { kind: 'flaky', key: 'f', payload: {}, maxAttempts: 3 }, clock)
    const attempts: number[] = []
    const r = runner({
      flaky: async (job) => {
        attempts.push(job.attempt)
        throw new Error(`refused on attempt ${job.attempt}`)
      },
    })
    await r.drain()
    let [job] = await listJobs(db, { limit: 1 })
    expect(job).toMatchObject({ state: 'pending', attempts: 1, lastError: 'refused on attempt 1' })
    expect(job?.runAfter).toBe(clock + retryDelayMs(1))
    expect(await r.drain()).toBe(0) // not due yet
    clock += retryDelayMs(1)
    await r.drain()
    ;[job] = await listJobs(db, { limit: 1 })
    expect(job?.runAfter).toBe(clock + retryDelayMs(2))
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1))
    clock += retryDelayMs(2)
    await r.drain()
    ;[job] = await listJobs(db, { limit: 1 })
    expect(job).toMatchObject({ state: 'dead', attempts: 3, lastError: 'refused on attempt 3' })
    expect(attempts).toEqual([1, 2, 3])
    clock += 10 * retryDelayMs(3)
    expect(await r.drain()).toBe(0) // dead stays dead

    expect(await reviveJob(db, job?.id ?? 0, clock)).toBe(true)
    const good = runner({ flaky: async () => {} })
    expect(await good.drain()).toBe(1)
    expect(await countJobsByState(db)).toMatchObject({ done: 1, dead: 0 })
  })

  it('puts a job of an unknown kind in the dead state at once', async () => {
    await enqueueJob(db, { kind: 'nobody-handles-this', key: 'u', payload: {} }, clock)
    await runner({}).drain()
    const [job] = await listJobs(db, { limit: 1 })
    expect(job).toMatchObject({ state: 'dead', attempts: 1 })
    expect(job?.lastError).toContain('no handler')
  })

  it('gives every job to exactly one of several runners claiming at once', async () => {
    for (let i = 0; i < 40; i++)
      await enqueueJob(db, { kind: 'k', key: `j${i}`, payload: i }, clock)
    const runs = new Map<string, number>()
    const handler: JobHandler = async (job: ClaimedJob) => {
      runs.set(job.key, (runs.get(job.key) ?? 0) + 1)
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    const runners = [runner({ k: handler }), runner({ k: handler }), runner({ k: handler })]
    await Promise.all(runners.map((r) => r.drain()))
    expect(runs.size).toBe(40)
    expect([...runs.values()].every((n) => n === 1)).toBe(true)
    expect(await countJobsByState(db)).toMatchObject({ done: 40, running: 0, pending: 0 })
  })

  it('takes over a job whose runner died mid-run once its lease has passed', async () => {
    await enqueueJob(db, { kind: 'k', key: 'orphan', payload: {} }, clock)
    // A runner claims the job and "dies": its handler never returns.
    const dying = runner({ k: () => new Promise(() => {}) }, 1000)
    void dying.runDue()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await countJobsByState(db)).toMatchObject({ running: 1 })
    const heir = runner({ k: async () => {} }, 1000)
    expect(await heir.drain()).toBe(0) // the lease holds
    clock += 1001
    expect(await heir.drain()).toBe(1)
    const [job] = await listJobs(db, { limit: 1 })
    expect(job).toMatchObject({ state: 'done', attempts: 2 })
  })
})
