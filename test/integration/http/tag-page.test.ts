import type { FastifyInstance } from 'fastify'
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const HOUR = 3_600_000
const NOW = Date.now()

describe.each(DIALECTS)('%s: tag page', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', {
      name: 'Kernel',
      description: 'Kernel extensions, XNU internals and panics.',
    })
    await make.tag(t.db, 'usb', { name: 'USB' })
    // 45 threads: thread i was created i hours ago; views, replies and boosts vary independently.
    for (let i = 1; i <= 45; i++) {
      const id = await make.thread(t.db, {
        title: `Kernel question number ${String(i).padStart(2, '0')} about vnode locking`,
        created_at: NOW - i * HOUR,
        views: (i * 37) % 101,
        boosts: i % 7,
        replies: i % 5,
      })
      ids[`t${i}`] = id
    }
    ids.popular = await make.thread(t.db, {
      title: 'A very popular question about zone allocator panics',
      created_at: NOW - 300 * HOUR,
      views: 1849,
      tags: ['kernel', 'usb'],
    })
    ids.pinned = await make.thread(t.db, {
      title: 'Read this first: how to post a kernel panic',
      created_at: NOW - 900 * HOUR,
      views: 5,
      pinned: true,
    })
    ids.solved = await make.thread(t.db, {
      title: 'Solved question about mbuf chains and ENOBUFS',
      created_at: NOW - 500 * HOUR,
      replies: [
        {
          author: 'helper',
          created_at: NOW - 499 * HOUR,
          body: 'Use mbuf_allocpacket.',
          accepted: true,
        },
      ],
    })
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  const get = (url: string) => app.inject({ method: 'GET', url })
  const rowsOf = (html: string) => texts(parseHtml(html), 'tbody .thread-title')

  it('shows the description, the heading, the count and 20 rows with numbered page links', async () => {
    const res = await get('/tags/kernel')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    const doc = parseHtml(res.body)
    expect(texts(doc, 'h1')).toEqual(['Posts under Kernel tag'])
    expect(res.body).toContain('Kernel extensions, XNU internals and panics.')
    expect(texts(doc, '.listing-count')[0]).toBe('48 Posts')
    expect(texts(doc, 'thead th')).toEqual(
      ['Post', 'Replies', 'Boosts', 'Views', 'Activity'].map((h) => expect.stringContaining(h)),
    )
    expect(doc.querySelectorAll('tbody tr')).toHaveLength(20)
    const pageLinks = [...doc.querySelectorAll('nav[aria-label="Pagination"] a')].map((a) =>
      a.getAttribute('href'),
    )
    expect(pageLinks).toContain('/tags/kernel?page=2')
    expect(pageLinks).toContain('/tags/kernel?page=3')
    expect(doc.querySelector('time[datetime]')).not.toBeNull()
  })

  it('puts pinned threads first on the default sort only', async () => {
    expect(rowsOf((await get('/tags/kernel')).body)[0]).toBe(
      'Read this first: how to post a kernel panic',
    )
    const asc = rowsOf((await get('/tags/kernel?sortOrder=asc')).body)
    expect(asc[0]).toBe('Read this first: how to post a kernel panic') // also the oldest activity
    const byViews = rowsOf((await get('/tags/kernel?sortBy=views')).body)
    expect(byViews[0]).toBe('A very popular question about zone allocator panics')
    expect(byViews).not.toContain('Read this first: how to post a kernel panic')
  })

  it('orders by activity, newest, replies, boosts and views in both directions', async () => {
    const activity = rowsOf((await get('/tags/kernel')).body).slice(1, 4)
    expect(activity).toEqual(
      ['01', '02', '03'].map((n) => `Kernel question number ${n} about vnode locking`),
    )

    const newestAsc = rowsOf((await get('/tags/kernel?sortBy=newest&sortOrder=asc')).body)
    expect(newestAsc[0]).toBe('Read this first: how to post a kernel panic')

    const views = await t.db
      .selectFrom('threads')
      .select(['title', 'view_count'])
      .orderBy('view_count', 'desc')
      .orderBy('id', 'desc')
      .execute()
    const byViewsDesc = rowsOf((await get('/tags/kernel?sortBy=views&sortOrder=desc')).body)
    expect(byViewsDesc.slice(0, 5)).toEqual(views.slice(0, 5).map((v) => v.title))

    const byViewsAsc = rowsOf((await get('/tags/kernel?sortBy=views&sortOrder=asc')).body)
    const ascending = await t.db
      .selectFrom('threads')
      .select('title')
      .orderBy('view_count', 'asc')
      .orderBy('id', 'asc')
      .limit(5)
      .execute()
    expect(byViewsAsc.slice(0, 5)).toEqual(ascending.map((v) => v.title))

    for (const [sortBy, column] of [
      ['replies', 'reply_count'],
      ['boosts', 'boost_count'],
    ] as const) {
      const expected = await t.db
        .selectFrom('threads')
        .select('title')
        .orderBy(column, 'desc')
        .orderBy('id', 'desc')
        .limit(20)
        .execute()
      expect(rowsOf((await get(`/tags/kernel?sortBy=${sortBy}`)).body)).toEqual(
        expected.map((r) => r.title),
      )
    }
  })

  it('filters solved and unsolved threads and counts them', async () => {
    const solved = await get('/tags/kernel?filter=solved')
    expect(rowsOf(solved.body)).toEqual(['Solved question about mbuf chains and ENOBUFS'])
    expect(texts(parseHtml(solved.body), '.listing-count')[0]).toBe('1 Post')
    const unsolved = await get('/tags/kernel?filter=unsolved&page=3')
    expect(texts(parseHtml(unsolved.body), '.listing-count')[0]).toBe('47 Posts')
    expect(rowsOf(unsolved.body)).toHaveLength(7)
    expect(rowsOf(unsolved.body)).not.toContain('Solved question about mbuf chains and ENOBUFS')
  })

  it('pages without gaps or repeats', async () => {
    const seen: string[] = []
    for (const page of [1, 2, 3])
      seen.push(...rowsOf((await get(`/tags/kernel?page=${page}`)).body))
    expect(seen).toHaveLength(48)
    expect(new Set(seen).size).toBe(48)
  })

  it('answers 404 past the last page, with a link to the last page', async () => {
    const res = await get('/tags/kernel?page=4&sortBy=views')
    expect(res.statusCode).toBe(404)
    expect(
      parseHtml(res.body).querySelector('a[href="/tags/kernel?sortBy=views&page=3"]'),
    ).not.toBeNull()
  })

  it.each([
    ['page=-1', 'page'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['sortBy=xyz', 'sortBy'],
    ['sortOrder=up', 'sortOrder'],
    ['filter=maybe', 'filter'],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const res = await get(`/tags/kernel?${query}`)
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain(`Query parameter “${field}”`)
  })

  it('answers 404 for an unknown tag', async () => {
    const res = await get('/tags/no-such-tag')
    expect(res.statusCode).toBe(404)
    expect(res.body).toContain('no-such-tag')
    expect(parseHtml(res.body).querySelectorAll('h1')).toHaveLength(1)
  })

  it('serves an RSS 2.0 feed of the 20 newest threads', async () => {
    const res = await get('/tags/kernel/feed')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/)
    expect(res.body.match(/<item>/g)).toHaveLength(20)
    expect(res.body).toContain('<title>Kernel question number 01 about vnode locking</title>')
    expect(res.body).toContain('<link>http://quorum.test/threads/')
    expect(res.body).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4}/)
    // Well-formed XML, as a feed reader parses it (a JSDOM XML parse throws on any error).
    const feed = new JSDOM(res.body, { contentType: 'application/xml' }).window.document
    expect(feed.querySelectorAll('channel > item > title')).toHaveLength(20)
    expect(feed.querySelector('channel > title')?.textContent).toBe('Kernel – Quorum')
  })

  it('lists every tag with its count on /tags, and the latest threads on /', async () => {
    const tags = parseHtml((await get('/tags')).body)
    expect(texts(tags, 'h1')).toEqual(['Tags'])
    expect(tags.body.textContent).toContain('48 posts')
    const home = await get('/')
    expect(home.statusCode).toBe(200)
    expect(parseHtml(home.body).querySelectorAll('h1')).toHaveLength(1)
    expect(rowsOf(home.body)[0]).toBe('Kernel question number 01 about vnode locking')
  })
})
