/**
 * Anonymous posts rendered once and reused (src/views/fragment-cache.ts, issue 29): on uncached thread
 * pages (a query parameter that changes, so the page cache never answers) every write made through the
 * real forms shows on the very next request, and unchanged posts come from the fragment cache.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'
import { anonymousPostCacheStats } from '../../../src/views/components/post.js'
import { threadRowCacheStats } from '../../../src/views/components/thread-table.js'

describe.each(DIALECTS)('%s: anonymous posts from the fragment cache', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let asker: Agent
  let helper: Agent
  let moderator: Agent
  let reader: Agent
  let threadId: number
  let questionId: number
  let replyId: number
  let n = 0

  /** The thread page as a crawler gets it: never from the page cache. */
  const uncached = async () => {
    const res = await reader.get(`/threads/${threadId}?crawl=${n++}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['x-page-cache']).not.toBe('hit')
    return res.body
  }
  /** Reads the page three times: the second keeps the posts, the third takes them from the cache. */
  const warm = async () => {
    await uncached()
    await uncached()
    const before = anonymousPostCacheStats()
    const body = await uncached()
    const after = anonymousPostCacheStats()
    expect(after.hits - before.hits).toBeGreaterThanOrEqual(2) // every post on the page
    expect(after.misses).toBe(before.misses)
    return body
  }
  const replyText = (body: string) => texts(parseHtml(body), `#post-${replyId}`)[0] ?? ''

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
    asker = (await signedIn(app, t.db, 'frag_asker')).agent
    helper = (await signedIn(app, t.db, 'frag_helper')).agent
    moderator = (await signedIn(app, t.db, 'frag_mod', 'moderator')).agent
    await asker.get('/ask')
    const asked = await asker.postMultipart('/ask', {
      title: 'Fragments of anonymous pages must follow every write',
      body: 'Does a cached post keep its **old** text after an edit?',
      tags: 'kernel',
    })
    expect(asked.statusCode).toBe(303)
    threadId = Number(/\/threads\/(\d+)/.exec(String(asked.headers.location))?.[1])
    await helper.get(`/threads/${threadId}`)
    const replied = await helper.post(`/threads/${threadId}/replies`, {
      body: 'First answer: purge the name cache.',
    })
    expect(replied.statusCode).toBe(303)
    const posts = await t.db
      .selectFrom('posts')
      .select(['id', 'kind'])
      .where('thread_id', '=', threadId)
      .orderBy('id')
      .execute()
    questionId = posts.find((p) => p.kind === 'question')?.id ?? 0
    replyId = posts.find((p) => p.kind === 'reply')?.id ?? 0
    reader = new Agent(app, '10.7.0.1')
  })
  afterAll(async () => app?.close())

  it('shows an edit at once', async () => {
    expect(replyText(await warm())).toContain('First answer: purge the name cache.')
    await helper.get(`/posts/${replyId}/edit`)
    const edited = await helper.post(`/posts/${replyId}/edit`, {
      body: 'Edited answer: purge it on the source directory too.',
    })
    expect(edited.statusCode).toBe(303)
    const text = replyText(await uncached())
    expect(text).toContain('Edited answer: purge it on the source directory too.')
    expect(text).toContain('edited')
  })

  it('shows a boost and an unboost at once', async () => {
    const count = (body: string) =>
      texts(parseHtml(body), `#post-${questionId} [data-boost-count]`)[0] ?? ''
    expect(count(await warm())).toContain('0')
    await helper.get(`/threads/${threadId}`)
    expect((await helper.post(`/posts/${questionId}/boost`, { state: 'on' })).statusCode).toBe(303)
    expect(count(await uncached())).toContain('1')
    await warm()
    expect((await helper.post(`/posts/${questionId}/boost`, { state: 'off' })).statusCode).toBe(303)
    expect(count(await uncached())).toContain('0')
  })

  it('shows a new comment at once', async () => {
    await warm()
    await asker.get(`/threads/${threadId}`)
    const commented = await asker.post(`/posts/${replyId}/comments`, {
      body: 'That was it, thank you.',
    })
    expect(commented.statusCode).toBe(303)
    expect(replyText(await uncached())).toContain('That was it, thank you.')
  })

  it('shows an accept and a recommendation at once', async () => {
    expect(replyText(await warm())).not.toContain('Accepted answer')
    await asker.get(`/threads/${threadId}`)
    expect((await asker.post(`/posts/${replyId}/accept`, { state: 'on' })).statusCode).toBe(303)
    expect(replyText(await uncached())).toContain('Accepted answer')
    await warm()
    await moderator.get(`/threads/${threadId}`)
    expect((await moderator.post(`/posts/${replyId}/recommend`, { state: 'on' })).statusCode).toBe(
      303,
    )
    expect(replyText(await uncached())).toContain('Recommended')
  })

  it('shows a hide and an unhide at once', async () => {
    await warm()
    await moderator.get(`/threads/${threadId}`)
    const hidden = await moderator.post(`/posts/${replyId}/hide`, { reason: 'Off topic here.' })
    expect(hidden.statusCode).toBe(303)
    const text = replyText(await uncached())
    expect(text).toContain('hidden by staff')
    expect(text).not.toContain('Edited answer')
    await uncached() // the masked post is cached in its turn
    const shown = await moderator.post(`/posts/${replyId}/unhide`, { reason: 'Back on topic.' })
    expect(shown.statusCode).toBe(303)
    expect(replyText(await uncached())).toContain('Edited answer')
  })

  it('shows a new reply and a boost in the tag page row at once', async () => {
    const row = async () => {
      const res = await reader.get(`/tags/kernel?crawl=${n++}`)
      expect(res.headers['x-page-cache']).not.toBe('hit')
      const cells = texts(parseHtml(res.body), 'tbody tr:first-child td.col-num data')
      return { replies: cells[0], boosts: cells[1] }
    }
    await row()
    await row()
    const hits = threadRowCacheStats().hits
    const before = await row()
    expect(threadRowCacheStats().hits).toBe(hits + 1)
    await helper.get(`/threads/${threadId}`)
    expect(
      (await helper.post(`/threads/${threadId}/replies`, { body: 'Second answer, counted.' }))
        .statusCode,
    ).toBe(303)
    const replied = await row()
    expect(Number(replied.replies)).toBe(Number(before.replies) + 1)
    await row()
    expect((await helper.post(`/posts/${questionId}/boost`, { state: 'on' })).statusCode).toBe(303)
    expect(Number((await row()).boosts)).toBe(Number(before.boosts) + 1)
  })

  it('shows a delete at once', async () => {
    expect(replyText(await warm())).toContain('Edited answer')
    await moderator.get(`/threads/${threadId}`)
    expect((await moderator.post(`/posts/${replyId}/delete`, {})).statusCode).toBe(303)
    const text = replyText(await uncached())
    expect(text).toContain('This reply was deleted.')
    expect(text).not.toContain('Edited answer')
  })
})
