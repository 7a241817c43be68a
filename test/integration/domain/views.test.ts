import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ViewCounter } from '../../../src/domain/view-counts/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { openTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: view counting', (dialect) => {
  let queries = 0
  let opened: Awaited<ReturnType<typeof openTestDb>>
  beforeAll(async () => {
    opened = await openTestDb(dialect, { onQuery: () => queries++ })
    await make.tag(opened.handle.db, 'kernel')
  })
  afterAll(async () => opened?.dispose())

  it('turns a burst of 10,000 views of one thread into a handful of writes', async () => {
    const db = opened.handle.db
    const id = await make.thread(db, { title: 'A thread everyone reads at once' })
    const counter = new ViewCounter()
    for (let i = 0; i < 10_000; i++) counter.record(id, `a${i}`)
    queries = 0
    await counter.flush(db)
    expect(queries).toBeLessThanOrEqual(6) // one UPDATE, the sort-key copy (a read and a write), BEGIN/COMMIT
    const row = await db
      .selectFrom('threads')
      .select('view_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.view_count).toBe(10_000)
    const tagRow = await db
      .selectFrom('thread_tags')
      .select('view_count')
      .where('thread_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(tagRow.view_count).toBe(10_000)
  })

  it('counts each viewer once a day, and again the next day', async () => {
    const counter = new ViewCounter()
    const day = Date.UTC(2026, 0, 1, 12)
    expect(counter.record(1, 'u7', day)).toBe(true)
    expect(counter.record(1, 'u7', day + 3_600_000)).toBe(false)
    expect(counter.record(2, 'u7', day)).toBe(true)
    expect(counter.record(1, 'u7', day + 86_400_000)).toBe(true)
  })

  it('gives anonymous visitors a key that changes with the day and reveals nothing', () => {
    const counter = new ViewCounter()
    const day = Date.UTC(2026, 0, 1, 12)
    const today = counter.anonymousKey('203.0.113.9', 'Safari', day)
    expect(counter.anonymousKey('203.0.113.9', 'Safari', day + 60_000)).toBe(today)
    expect(counter.anonymousKey('203.0.113.10', 'Safari', day)).not.toBe(today)
    expect(counter.anonymousKey('203.0.113.9', 'Safari', day + 86_400_000)).not.toBe(today)
    expect(today).not.toContain('203.0.113.9')
  })

  it('keeps the counts when a write fails, for the next try', async () => {
    const counter = new ViewCounter()
    counter.record(1, 'x')
    const broken = {
      transaction: () => ({ execute: async () => Promise.reject(new Error('disk full')) }),
    }
    await expect(counter.flush(broken as never)).rejects.toThrow('disk full')
    expect(counter.pendingCount).toBe(1)
  })
})
