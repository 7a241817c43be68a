/**
 * The database orders, counts and pages a search's candidates (ranked-page.queries.ts): for every sort,
 * the pages laid end to end are the whole ranking, in the order the sort defines (its key, then recency,
 * then the id), on both databases and for both matchers (words through the engine, filters alone).
 */
import { describe, expect, it, beforeAll } from 'vitest'
import { searchThreads } from '../../../src/domain/search/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

const DAY = 86_400_000
const START = Date.UTC(2025, 5, 1)

describe.each(DIALECTS)('%s: a search ranked and paged in the database', (dialect) => {
  const t = useTestDb(dialect)
  /** Each thread's sort keys, as made. */
  const made: { id: number; createdAt: number; boosts: number }[] = []

  beforeAll(async () => {
    for (let i = 0; i < 11; i++) {
      // Boosts repeat (ties broken by recency, then id); creation order differs from id order.
      const createdAt = START + ((i * 7) % 11) * DAY
      const boosts = i % 3
      const id = await make.thread(t.db, {
        title: `Pangolin driver ${i}`,
        body: `The pangolin driver number ${i} stalls in its interrupt filter.`,
        tags: ['kernel'],
        created_at: createdAt,
        boosts,
      })
      made.push({ id, createdAt, boosts })
    }
  })

  const pages = async (q: string, pageSize: number) => {
    const out: number[] = []
    for (let page = 1; ; page++) {
      const r = await searchThreads(t.db, dialect, { q, page, pageSize })
      out.push(...r.hits.map((h) => h.id))
      expect(r.total).toBe(11)
      if (page >= r.paging.pageCount) return out
    }
  }

  it.each(['pangolin', 'tag:kernel'])(
    'pages of 4 laid end to end are the ranking of all: %s',
    async (q) => {
      for (const sort of ['relevance', 'newest', 'activity', 'boosts'] as const) {
        const all = (await searchThreads(t.db, dialect, { q: `${q} sort:${sort}`, pageSize: 20 }))
          .hits
        expect(all).toHaveLength(11)
        expect(await pages(`${q} sort:${sort}`, 4), sort).toEqual(all.map((h) => h.id))
      }
    },
  )

  it('orders by the sort key, then recency, then the id', async () => {
    const ids = async (q: string) =>
      (await searchThreads(t.db, dialect, { q, pageSize: 20 })).hits.map((h) => h.id)
    const byNewest = [...made].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    expect(await ids('tag:kernel sort:newest')).toEqual(byNewest.map((m) => m.id))
    // A thread's activity is its creation here (no replies), so boosts tie-break by creation.
    const byBoosts = [...made].sort(
      (a, b) => b.boosts - a.boosts || b.createdAt - a.createdAt || b.id - a.id,
    )
    expect(await ids('tag:kernel sort:boosts')).toEqual(byBoosts.map((m) => m.id))
  })

  it('says when a page is past the last, with the count', async () => {
    const past = await searchThreads(t.db, dialect, { q: 'pangolin', page: 5, pageSize: 4 })
    expect(past.hits).toEqual([])
    expect(past.total).toBe(11)
    expect(past.paging.pageCount).toBe(3)
  })
})
