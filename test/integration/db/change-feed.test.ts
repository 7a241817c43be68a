/**
 * PostgreSQL's change feed (src/db/change-feed.ts) and the triggers behind it
 * (migration 2026-12-05-1200_change_triggers): one notification per committing transaction, only for
 * this schema, and a feed that says so when it stops listening and comes back on its own.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ChangeFeed } from '../../../src/db/change-feed.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { openTestDb } from '../../support/test-db.js'

type Opened = Awaited<ReturnType<typeof openTestDb>>
/** Polling for what arrives asynchronously (the feed reconnects after a second). */
const SOON = { timeout: 3000, interval: 5 }

describe.runIf(DIALECTS.includes('postgres'))('postgres: the change feed', () => {
  let ours: Opened
  let theirs: Opened
  let feed: ChangeFeed
  beforeAll(async () => {
    ours = await openTestDb('postgres')
    theirs = await openTestDb('postgres')
    const open = ours.handle.openChangeFeed
    if (!open) throw new Error('a PostgreSQL handle has a change feed')
    feed = open()
    await vi.waitUntil(() => feed.version() !== null, SOON)
  })
  afterAll(async () => {
    await feed?.close()
    await ours?.dispose()
    await theirs?.dispose()
  })

  /** The feed's version once a marker commit, made after everything before it, has been heard. */
  const settled = async (before: number, expected: number) => {
    await make.tag(ours.handle.db, `marker-${before}`)
    await vi.waitUntil(() => (feed.version() ?? 0) >= before + expected, SOON)
    await new Promise((resolve) => setTimeout(resolve, 50)) // room for any extra notification
    return (feed.version() ?? 0) - before
  }

  it('hears each commit to its schema once, however many statements and tables it wrote', async () => {
    const before = feed.version() ?? 0
    await ours.handle.db.transaction().execute(async (trx) => {
      await make.tag(trx, 'one-transaction')
      await trx
        .updateTable('tags')
        .set({ name: 'Renamed' })
        .where('slug', '=', 'one-transaction')
        .execute()
      await trx.insertInto('common_terms').values({ term: 'panic' }).execute()
    })
    // The transaction, then the marker: two notifications.
    expect(await settled(before, 2)).toBe(2)
  })

  it('ignores commits to other schemas and rolled-back transactions', async () => {
    const before = feed.version() ?? 0
    await make.tag(theirs.handle.db, 'elsewhere')
    await ours.handle.db
      .transaction()
      .execute(async (trx) => {
        await make.tag(trx, 'rolled-back')
        throw new Error('roll back')
      })
      .catch(() => {})
    expect(await settled(before, 1)).toBe(1)
  })

  it('reports null while its connection is gone, then reconnects and counts that as a change', async () => {
    const pid = feed.backendPid()
    expect(pid).toBeGreaterThan(0)
    const before = feed.version() ?? 0
    await sql`select pg_terminate_backend(${pid})`.execute(ours.handle.db)
    await vi.waitUntil(() => feed.version() === null, SOON)
    expect(feed.backendPid()).toBeNull()
    await vi.waitUntil(() => feed.version() !== null, SOON)
    expect(feed.backendPid()).not.toBe(pid)
    expect(feed.version()).toBeGreaterThan(before)
  })
})
