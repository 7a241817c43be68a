/**
 * A phrase of common words whose matches sit below a stretch of threads without its words. On PostgreSQL
 * the statistics show the words as common, so the second pass walks a window of ids below the newest
 * ones (tsvector.queries.ts, olderMatches); this window holds none of the words, and GIN must find the
 * matches below it. SQLite's index keeps positions and finds them directly; both must answer the same.
 */
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LogEvent } from 'kysely'
import { searchThreads } from '../../../src/domain/search/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

const START = Date.UTC(2025, 0, 1)
const MINUTE = 60_000
const APART = 'A wombat, then much later a capybara.'

describe.each(DIALECTS)('%s: a phrase below a stretch without its words', (dialect) => {
  const statements: string[] = []
  const t = useTestDb(dialect, {
    onQuery: (e: LogEvent) => void statements.push(e.query.sql),
  })
  const phrased: number[] = []

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    // Oldest first: 300 threads with both words apart, 3 with the phrase, 150 without the words, then the
    // newest 40 (the first pass's share at a window of 1) with the words apart again.
    let at = START
    const thread = (title: string, body: string) =>
      make.thread(t.db, { title, body, tags: ['kernel'], created_at: (at += MINUTE) })
    for (let i = 0; i < 300; i++) await thread(`Old words ${i}`, APART)
    for (let i = 0; i < 3; i++)
      phrased.push(await thread(`Phrase ${i}`, 'The capybara wombat stalls the queue.'))
    for (let i = 0; i < 150; i++) await thread(`Filler ${i}`, 'Nothing to see in this kext log.')
    for (let i = 0; i < 40; i++) await thread(`New words ${i}`, APART)
    if (dialect === 'postgres') await sql`analyze search_documents`.execute(t.db)
  }, 120_000)

  it('finds the phrase below the window, with and without filters', async () => {
    const ids = async (q: string, rankWindow: number) =>
      (await searchThreads(t.db, dialect, { q, rankWindow })).hits.map((h) => h.id)
    statements.length = 0
    expect(await ids('"capybara wombat"', 1)).toEqual([phrased[2]])
    if (dialect === 'postgres') {
      // The walk over the window ran (pinned to index scans), then GIN below it (bitmap scans).
      const walk = statements.findIndex((s) => /d\.thread_id >= \$\d+ and d\.thread_id < /.test(s))
      const gin = statements.findLastIndex((s) => s.includes('enable_indexscan = off'))
      expect(walk).toBeGreaterThan(0)
      expect(gin).toBeGreaterThan(walk)
    }
    statements.length = 0
    expect(await ids('"capybara wombat" tag:kernel', 1)).toEqual([phrased[2]])
    if (dialect === 'postgres')
      expect(statements.some((s) => /t\.id >= \$\d+ and t\.id < /.test(s))).toBe(true)
    // A window that holds them all returns all three, newest first by relevance ties.
    expect(await ids('"capybara wombat"', 10)).toEqual([...phrased].reverse())
  })
})
