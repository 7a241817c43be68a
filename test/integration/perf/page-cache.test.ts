/**
 * The anonymous page cache (src/http/plugins/page-cache.ts): what it serves, the headers it sends, and
 * that every write made through the real forms shows on the very next anonymous request.
 */
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'
import type { Dialect } from '../../../src/config.js'

/**
 * Polling for what arrives asynchronously (the change feed hears a commit within milliseconds and
 * reconnects after a second). The timeout is a hang guard, not a speed check: a busy machine may be slow.
 */
const SOON = { timeout: 10_000, interval: 5 }

/**
 * GETs until the cache answers (asserting the headers of a hit). The view counter's flush and a test's own
 * writes through `t.db` rightly invalidate the cache; a hit within a few tries is the check.
 */
async function untilHit(agent: Agent, url: string, headers: Record<string, string> = {}) {
  let res = await agent.get(url, headers)
  for (let i = 0; i < 5 && res.headers['x-page-cache'] !== 'hit'; i++)
    res = await agent.get(url, headers)
  expect(res.headers['x-page-cache']).toBe('hit')
  return res
}

/** The page cache's change feed (PostgreSQL), once it listens. */
async function listeningFeed(app: FastifyInstance) {
  const feed = app.pageCache.changeFeed()
  if (!feed) throw new Error('on PostgreSQL the page cache listens to the change feed')
  await vi.waitUntil(() => feed.version() !== null, SOON)
  return feed
}

/** The app over a database of its own, with the kernel tag and an anonymous reader. */
function useCachingApp(dialect: Dialect) {
  const t = useTestDb(dialect)
  let app: FastifyInstance | undefined
  let reader: Agent | undefined
  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
    reader = new Agent(app, '10.4.0.1')
  })
  afterAll(async () => app?.close())
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the app is built in beforeAll')
    return value
  }
  return {
    t,
    get app() {
      return opened(app)
    },
    get reader() {
      return opened(reader)
    },
  }
}

describe.each(DIALECTS)('%s: the anonymous page cache', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let asker: Agent
  let helper: Agent
  let moderator: Agent
  let threadId: number
  let threadPath: string
  let reader: Agent

  const cachedGet = (url: string) => untilHit(reader, url)

  const postIds = async () =>
    t.db
      .selectFrom('posts')
      .select(['id', 'kind', 'body_markdown as body'])
      .where('thread_id', '=', threadId)
      .orderBy('id')
      .execute()

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
    asker = (await signedIn(app, t.db, 'cache_asker')).agent
    helper = (await signedIn(app, t.db, 'cache_helper')).agent
    moderator = (await signedIn(app, t.db, 'cache_mod', 'moderator')).agent
    await asker.get('/ask')
    const asked = await asker.postMultipart('/ask', {
      title: 'Cached pages must show new replies at once',
      body: 'Does the page cache keep **stale** pages after a reply?',
      tags: 'kernel',
    })
    expect(asked.statusCode).toBe(303)
    threadPath = String(asked.headers.location)
    threadId = Number(/\/threads\/(\d+)/.exec(threadPath)?.[1])
    reader = new Agent(app, '10.4.0.1')
  })
  afterAll(async () => app?.close())

  it('serves a repeated anonymous page from memory, with an ETag that revalidates to 304', async () => {
    const first = await reader.get('/tags/kernel')
    const second = await untilHit(reader, '/tags/kernel')
    expect(second.body).toBe(first.body)
    expect(second.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect(second.headers.vary).toBe('Cookie, Accept-Language, accept-encoding')
    expect(second.headers['content-security-policy']).toBeTruthy()
    const etag = String(second.headers.etag)
    expect(etag).toMatch(/^"[\w-]+"$/)
    const revalidated = await reader.get('/tags/kernel', { 'if-none-match': etag })
    expect(revalidated.statusCode).toBe(304)
    expect(revalidated.body).toBe('')
    const changed = await reader.get('/tags/kernel', { 'if-none-match': '"something-else"' })
    expect(changed.statusCode).toBe(200)
  })

  it('never caches pages for signed-in people, nor pages that set a cookie', async () => {
    const page = await helper.get(threadPath)
    expect(page.headers['cache-control']).toBe('private, no-store')
    expect(page.headers['x-page-cache']).toBeUndefined()
    expect(page.headers.etag).toBeUndefined()
    const login = await new Agent(app, '10.4.0.2').get('/login')
    expect(login.headers['cache-control']).toBe('private, no-store')
    expect((await new Agent(app, '10.4.0.2').get('/login')).headers['x-page-cache']).toBeUndefined()
  })

  // Issue 28 finding 4: a visitor who already held the CSRF cookie got a response without Set-Cookie,
  // which was stored, so the next visitor was served the first one's token and their form failed.
  it.each(['/login', '/register', '/login?next=/tags/kernel', '/password/forgot'])(
    'never stores %s, which carries a per-visitor token, even for a visitor who has the cookie',
    async (url) => {
      const x = new Agent(app, '10.4.0.3')
      await x.get(url)
      const again = await x.get(url)
      expect(again.headers['set-cookie']).toBeUndefined()
      expect(again.headers['cache-control']).toBe('private, no-store')
      const tokenOfX = x.csrf
      for (const y of [new Agent(app, '10.4.0.4'), x]) {
        const res = await y.get(url)
        expect(res.headers['x-page-cache']).toBeUndefined()
        expect(res.headers['cache-control']).toBe('private, no-store')
      }
      const y = new Agent(app, '10.4.0.5')
      await y.get(url)
      expect(y.csrf).not.toBe(tokenOfX)
      // Y's form works: a wrong password is a 422 form, not 403 "Form expired".
      if (url.startsWith('/login'))
        expect(
          (await y.post('/login', { login: 'nobody', password: 'not it at all' })).statusCode,
        ).toBe(422)
    },
  )

  it('never stores any anonymous page whose HTML holds a form token', async () => {
    const anon = new Agent(app, '10.4.0.6')
    for (const url of [
      '/',
      '/tags',
      '/tags/kernel',
      threadPath,
      '/search?q=cache',
      '/login',
      '/register',
      '/password/forgot',
      '/register/check-email',
    ]) {
      await anon.get(url)
      const res = await anon.get(url)
      if (res.body.includes('name="_csrf"')) {
        expect(res.headers['x-page-cache'], url).toBeUndefined()
        expect(res.headers['cache-control'], url).toBe('private, no-store')
      } else {
        expect(res.headers['cache-control'], url).toBe('public, max-age=0, must-revalidate')
      }
    }
  })

  it('shows a new reply, a boost, an edit, an accept and a delete on the very next request', async () => {
    await cachedGet(threadPath)
    await helper.get(threadPath)
    expect(
      (await helper.post(`/threads/${threadId}/replies`, { body: 'Fresh reply: it shows.' }))
        .statusCode,
    ).toBe(303)
    const afterReply = await reader.get(threadPath)
    expect(afterReply.body).toContain('Fresh reply: it shows.')
    const reply = (await postIds()).find((p) => p.kind === 'reply')
    const question = (await postIds()).find((p) => p.kind === 'question')
    if (!reply || !question) throw new Error('the thread has no reply')

    await cachedGet(threadPath)
    expect((await helper.post(`/posts/${question.id}/boost`, { state: 'on' })).statusCode).toBe(303)
    const boosts = texts(parseHtml((await reader.get(threadPath)).body), '[data-boost-count]')
    expect(boosts[0]).toContain('1')

    await cachedGet(threadPath)
    await helper.get(`/posts/${reply.id}/edit`)
    expect(
      (await helper.post(`/posts/${reply.id}/edit`, { body: 'Edited reply: shows too.' }))
        .statusCode,
    ).toBe(303)
    expect((await reader.get(threadPath)).body).toContain('Edited reply: shows too.')

    await cachedGet(threadPath)
    await asker.get(threadPath)
    expect((await asker.post(`/posts/${reply.id}/accept`, { state: 'on' })).statusCode).toBe(303)
    expect((await reader.get(threadPath)).body).toContain('Accepted answer')

    await cachedGet(threadPath)
    await moderator.get(threadPath)
    expect((await moderator.post(`/posts/${reply.id}/delete`, {})).statusCode).toBe(303)
    expect((await reader.get(threadPath)).body).not.toContain('Edited reply: shows too.')
  })

  it('moves a thread up its tag page on the very next request after a reply', async () => {
    const older = await make.thread(t.db, {
      title: 'An older thread bumped by a reply',
      created_at: Date.now() - 86_400_000,
    })
    const first = () => texts(parseHtml(lastBody), 'tbody .thread-title')[0]
    let lastBody = (await cachedGet('/tags/kernel')).body
    expect(first()).not.toBe('An older thread bumped by a reply')
    await helper.get(`/threads/${older}`)
    expect(
      (await helper.post(`/threads/${older}/replies`, { body: 'Bumping the older thread.' }))
        .statusCode,
    ).toBe(303)
    lastBody = (await reader.get('/tags/kernel')).body
    expect(first()).toBe('An older thread bumped by a reply')
  })

  it('still counts the view of a thread page served from the cache', async () => {
    await cachedGet(threadPath)
    // Each try is a new visitor (a view counts once per viewer and day), until one is served a hit.
    let hit = false
    for (let i = 0; i < 5 && !hit; i++) {
      const before = app.views.pendingCount
      const res = await new Agent(app, `10.4.9.${10 + i}`).get(threadPath)
      hit = res.headers['x-page-cache'] === 'hit'
      if (hit) expect(app.views.pendingCount).toBe(before + 1)
    }
    expect(hit).toBe(true)
  })

  it('keeps its memory within the bound, dropping the least recently used pages', async () => {
    const small = await buildTestApp(t.handle, {}, { pageCache: { maxBytes: 200_000 } })
    try {
      const anon = new Agent(small, '10.4.1.1')
      // Each page twice: a page is kept from its URL's second rendering on.
      for (let page = 0; page < 40; page++)
        for (let i = 0; i < 2; i++) await anon.get(`/tags/kernel?bench=${page}`)
      const stats = small.pageCache.stats()
      expect(stats.bytes).toBeLessThanOrEqual(200_000)
      expect(stats.entries).toBeGreaterThan(0)
      expect(stats.entries).toBeLessThan(40)
      await untilHit(anon, '/tags/kernel?bench=39')
      // The oldest was pushed out for room; its next rendering is kept at once (it was read twice).
      expect((await anon.get('/tags/kernel?bench=0')).headers['x-page-cache']).toBe('miss')
      expect((await anon.get('/tags/kernel?bench=0')).headers['x-page-cache']).toBe('hit')
    } finally {
      await small.close()
    }
  })

  it('keeps a page from its second rendering on, so a crawl of one-off URLs leaves the read pages cached', async () => {
    const small = await buildTestApp(t.handle, {}, { pageCache: { maxBytes: 200_000 } })
    try {
      // PostgreSQL: once the change feed listens, so its first connection empties nothing mid-test.
      if (dialect === 'postgres') await listeningFeed(small)
      const anon = new Agent(small, '10.4.1.2')
      const once = await anon.get('/tags/kernel?first=1')
      expect(once.headers['x-page-cache']).toBe('miss')
      expect(once.headers.etag).toMatch(/^"[\w-]+"$/) // sent with its validator, only not kept
      expect(small.pageCache.stats().entries).toBe(0)
      await untilHit(anon, '/')
      // More one-off pages than the bound holds (40 × ~10 KB against 200 KB), each asked for once.
      for (let page = 0; page < 40; page++) {
        const res = await anon.get(`/tags/kernel?crawl=${page}`)
        expect(res.headers['x-page-cache']).toBe('miss')
      }
      expect(small.pageCache.stats().entries).toBe(1)
      expect((await anon.get('/')).headers['x-page-cache']).toBe('hit')
      // A page that went stale is kept again on its next rendering, not its second.
      const feed = small.pageCache.changeFeed()
      const heard = feed?.version()
      await make.thread(t.db, { title: 'A write that makes every kept page stale' })
      if (feed) await vi.waitUntil(() => feed.version() !== heard, SOON)
      expect((await anon.get('/')).headers['x-page-cache']).toBe('miss')
      expect((await anon.get('/')).headers['x-page-cache']).toBe('hit')
    } finally {
      await small.close()
    }
  })
})

describe.runIf(DIALECTS.includes('sqlite'))('sqlite: the page cache without a change feed', () => {
  const c = useCachingApp('sqlite')

  it('shows writes made outside HTTP (the CLI, another process) on the next request', async () => {
    await untilHit(c.reader, '/')
    await make.thread(c.t.db, { title: 'Imported while the page was cached' })
    expect((await c.reader.get('/')).body).toContain('Imported while the page was cached')
  })
})

// How soon the feed hears of a commit is measured by `npm run bench:feed-latency`, not here.
describe.runIf(DIALECTS.includes('postgres'))(
  'postgres: the page cache and the change feed',
  () => {
    const c = useCachingApp('postgres')

    it('shows writes made outside HTTP on the first request after the change feed hears of them', async () => {
      const feed = await listeningFeed(c.app)
      await untilHit(c.reader, '/')
      const before = feed.version()
      await make.thread(c.t.db, { title: 'Imported while the page was cached' })
      await vi.waitUntil(() => feed.version() !== before, SOON)
      const page = await c.reader.get('/')
      expect(page.body).toContain('Imported while the page was cached')
      expect((await untilHit(c.reader, '/')).body).toBe(page.body)
    })

    it('asks the database on every request while the change feed is down, and listens again', async () => {
      const feed = await listeningFeed(c.app)
      await untilHit(c.reader, '/')
      await sql`select pg_terminate_backend(${feed.backendPid()})`.execute(c.t.db)
      await vi.waitUntil(() => feed.version() === null, SOON)
      await make.thread(c.t.db, { title: 'Written while no one listened' })
      // No waiting here: without the feed the page cache reads the snapshot before answering.
      const page = await c.reader.get('/')
      expect(page.body).toContain('Written while no one listened')
      const back = await listeningFeed(c.app) // reconnects within a second
      const before = back.version()
      await make.thread(c.t.db, { title: 'Written once the feed was back' })
      await vi.waitUntil(() => back.version() !== before, SOON)
      expect((await c.reader.get('/')).body).toContain('Written once the feed was back')
      await untilHit(c.reader, '/')
    })
  },
)
