/**
 * No N+1: each page type makes a fixed number of queries, whatever the number of threads, replies,
 * comments, tags and attachments it shows (docs/performance.md). A page past its budget fails here.
 * The counts include the page cache's change probe (one query) and, when signed in, the session lookup.
 */
import type { FastifyInstance } from 'fastify'
import type { LogEvent } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { openTestDb } from '../../support/test-db.js'

// Measured counts, as budgets: raising one needs a reason in the commit.
const BUDGET = {
  home: 5, // change probe, the threads pinned on home (a partial index), latest threads, their tags, popular tags
  tagPage: 4, // change probe, tag, the page (ids by index, then 20 rows), their tags
  tagPageFiltered: 5, // + the filtered count
  // change probe, thread, its tags, posts with authors, attachments (5), then the thread's signatures,
  // how many threads share each (the Mentions line) and its stored similar threads (3; they were 9 while
  // similar threads were ranked on every request)
  threadPage: 8,
  // session, the page's own queries but the probe, post facts, the viewer's boosts, the bell's unread
  // count, the viewer's watch level, the viewer's read position (one upsert, behind "N new" on lists),
  // the viewer's draft of a reply (restored into the reply form)
  threadPageSignedIn: 14,
  profile: 7, // change probe, person, three counts, their threads, the threads' tags
  // change probe, matching and ranking in one statement (PostgreSQL too, for one word), the rows, their
  // snippet texts, their tags
  search: 5,
} as const

function thread(i: number, replies: number) {
  return {
    title: `Zone corruption number ${i} after vnode_put`,
    tags: ['kernel', i % 2 === 0 ? 'usb' : 'fskit', 'driverkit'],
    author: i % 3 === 0 ? 'counted_asker' : `asker_${i}`,
    body: `Question ${i}: panic in \`vnode_put\`.\n\n\`\`\`c\nvnode_put(vp);\n\`\`\``,
    boosts: 2,
    views: 10 * i,
    attachments: [{ name: `panic-${i}.log`, content: `panic line ${i}\n` }],
    replies: Array.from({ length: replies }, (_, r) => ({
      author: `helper_${r % 7}`,
      created_at: Date.now() - 3_600_000 + r * 1000,
      body: `Reply ${r}: take an iocount with \`vnode_get\` first.`,
      boosts: r % 3,
      accepted: r === 1,
      comments:
        r % 4 === 0
          ? [{ author: 'counted_asker', created_at: Date.now() - 1000, body: 'Thanks.' }]
          : [],
    })),
  }
}

describe.each(DIALECTS)('%s: queries per page', (dialect) => {
  let queries: string[] = []
  let counting = false
  let opened: Awaited<ReturnType<typeof openTestDb>>
  let app: FastifyInstance
  let small: number
  let large: number

  beforeAll(async () => {
    opened = await openTestDb(dialect, {
      onQuery: (event: LogEvent) => {
        if (counting) queries.push(event.query.sql)
      },
    })
    const db = opened.handle.db
    small = await make.thread(db, thread(0, 3))
    for (let i = 1; i < 40; i++) await make.thread(db, thread(i, 2))
    large = await make.thread(db, thread(40, 60))
    app = await buildTestApp(opened.handle)
  })
  afterAll(async () => {
    await app?.close()
    await opened?.dispose()
  })

  /** Queries one anonymous (or signed-in) GET makes, with the page cache emptied first. */
  const count = async (url: string, agent = new Agent(app, '10.3.0.1')) => {
    app.pageCache.clear()
    queries = []
    counting = true
    const res = await agent.get(url)
    counting = false
    expect(res.statusCode, url).toBe(200)
    return queries.length
  }

  it('home, tag pages, profile and search stay within their budgets', async () => {
    expect(await count('/')).toBeLessThanOrEqual(BUDGET.home)
    expect(await count('/tags/kernel')).toBeLessThanOrEqual(BUDGET.tagPage)
    expect(await count('/tags/kernel?sortBy=views&page=2')).toBeLessThanOrEqual(BUDGET.tagPage)
    expect(await count('/tags/kernel?filter=solved')).toBeLessThanOrEqual(BUDGET.tagPageFiltered)
    expect(await count('/users/counted_asker')).toBeLessThanOrEqual(BUDGET.profile)
    expect(await count('/search?q=vnode_put')).toBeLessThanOrEqual(BUDGET.search)
  })

  it('a thread page costs the same with 3 replies or 60, comments and attachments included', async () => {
    const few = await count(`/threads/${small}`)
    const many = await count(`/threads/${large}`)
    expect(many).toBe(few)
    expect(many).toBeLessThanOrEqual(BUDGET.threadPage)
  })

  it('a signed-in thread page adds a fixed number of queries for the viewer’s buttons', async () => {
    const { agent } = await signedIn(app, opened.handle.db, 'count_reader')
    const few = await count(`/threads/${small}`, agent)
    const many = await count(`/threads/${large}`, agent)
    expect(many).toBe(few)
    expect(many).toBeLessThanOrEqual(BUDGET.threadPageSignedIn)
  })

  it('serves a repeated anonymous page from the cache with the change probe at most', async () => {
    // PostgreSQL hears of changes through the change feed, so a hit asks it nothing once it listens.
    const feed = app.pageCache.changeFeed()
    if (feed) await vi.waitUntil(() => feed.version() !== null, { timeout: 3000, interval: 5 })
    await count('/tags/kernel')
    await new Agent(app, '10.3.0.2').get('/tags/kernel') // kept from its second rendering on
    queries = []
    counting = true
    const res = await new Agent(app, '10.3.0.2').get('/tags/kernel')
    counting = false
    expect(res.headers['x-page-cache']).toBe('hit')
    expect(queries).toHaveLength(dialect === 'sqlite' ? 1 : 0)
  })
})
