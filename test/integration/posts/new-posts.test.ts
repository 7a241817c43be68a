/**
 * Replies and comments share one write path (posts.actions.ts addPost; the routes' answerNewPost): the order of
 * refusals, the body checks before the rate limit, the limiter counting only saved posts, the body rendering per
 * kind, the thread's activity and text re-derived in the write's transaction, and the answers each route gives
 * (redirect, JSON for the islands, the thread refilled on a failed form).
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/schema.js'
import { postComment, postReply, writeLimits } from '../../../src/domain/posts/index.js'
import { searchThreads } from '../../../src/domain/search/index.js'
import type { Viewer } from '../../../src/domain/shared/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

/** The posting limit per person per hour (write-limits.ts). */
const POSTS_PER_HOUR = 60

describe.each(DIALECTS)('%s: new replies and comments', (dialect) => {
  const t = useTestDb(dialect)
  let member: Viewer
  let moderator: Viewer

  async function viewer(username: string, role: Viewer['role'] = 'member'): Promise<Viewer> {
    const row = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
    return { id: row.id, username, title: null, role, trustLevel: 'member', silencedUntil: null }
  }

  /** A fresh thread with one reply; returns the thread and reply ids. */
  async function thread(db: Db, options: { locked?: boolean } = {}) {
    const threadId = await make.thread(db, {
      author: 'np_asker',
      locked: options.locked ?? false,
      replies: [{ author: 'np_helper', created_at: Date.now() - 60_000, body: 'A first reply.' }],
    })
    const [question, reply] = await db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .orderBy('id')
      .execute()
    if (!question || !reply) throw new Error('the thread should have a question and a reply')
    return { threadId, replyId: reply.id, questionId: question.id }
  }

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    // Importing a thread creates its authors; the viewers below write as them.
    await make.thread(t.db, { author: 'np_member', replies: [] })
    await make.thread(t.db, { author: 'np_mod', replies: [] })
    member = await viewer('np_member')
    moderator = await viewer('np_mod', 'moderator')
  })
  afterEach(() => {
    writeLimits.posts.reset(String(member.id))
    writeLimits.posts.reset(String(moderator.id))
  })

  it('refuses a missing target first, then an anonymous visitor, then what the policy forbids', async () => {
    const { threadId, replyId, questionId } = await thread(t.db)
    expect(await postReply(t.db, null, { threadId: 999_999, body: 'x' })).toEqual({
      ok: false,
      failure: { code: 'not_found', what: 'thread' },
    })
    expect(await postComment(t.db, null, { postId: 999_999, body: 'x' })).toEqual({
      ok: false,
      failure: { code: 'not_found', what: 'post' },
    })
    expect(await postReply(t.db, null, { threadId, body: 'x' })).toMatchObject({
      failure: { code: 'forbidden', reason: 'Sign in to reply.' },
    })
    expect(await postComment(t.db, null, { postId: replyId, body: 'x' })).toMatchObject({
      failure: { code: 'forbidden', reason: 'Sign in to comment.' },
    })
    expect(await postComment(t.db, member, { postId: questionId, body: 'x' })).toMatchObject({
      failure: { code: 'forbidden', reason: 'Comments go under replies.' },
    })

    const locked = await thread(t.db, { locked: true })
    expect(await postReply(t.db, member, { threadId: locked.threadId, body: 'x' })).toMatchObject({
      failure: { code: 'forbidden', reason: 'This thread is locked: it takes no new replies.' },
    })
    expect(await postComment(t.db, member, { postId: locked.replyId, body: 'x' })).toMatchObject({
      failure: { code: 'forbidden', reason: 'This thread is locked: it takes no new comments.' },
    })
    // Staff still write in locked threads.
    expect((await postReply(t.db, moderator, { threadId: locked.threadId, body: 'x' })).ok).toBe(
      true,
    )

    // A deleted thread is missing to everybody, signed in or not.
    await t.db
      .updateTable('threads')
      .set({ deleted_at: Date.now() })
      .where('id', '=', threadId)
      .execute()
    expect(await postReply(t.db, null, { threadId, body: 'x' })).toMatchObject({
      failure: { code: 'not_found', what: 'thread' },
    })
    expect(await postComment(t.db, member, { postId: replyId, body: 'x' })).toMatchObject({
      failure: { code: 'not_found', what: 'post' },
    })
  })

  it('checks the body before the rate limit, and counts only saved posts', async () => {
    const { threadId, replyId } = await thread(t.db)
    const key = String(member.id)
    const now = Date.now()
    for (let i = 0; i < POSTS_PER_HOUR - 1; i++) writeLimits.posts.hit(key, now)
    // An empty body is refused for what it is, and is not counted.
    expect(await postReply(t.db, member, { threadId, body: '  ' }, now)).toMatchObject({
      failure: { code: 'invalid', field: 'body' },
    })
    expect(await postComment(t.db, member, { postId: replyId, body: '' }, now)).toMatchObject({
      failure: { code: 'invalid', field: 'body' },
    })
    // So the 60th post of the hour is still allowed, and the 61st is not, whichever kind it is.
    expect((await postComment(t.db, member, { postId: replyId, body: 'Last one.' }, now)).ok).toBe(
      true,
    )
    expect(await postReply(t.db, member, { threadId, body: 'One too many.' }, now)).toMatchObject({
      failure: { code: 'rate_limited' },
    })
    expect(await postComment(t.db, member, { postId: replyId, body: 'Too.' }, now)).toMatchObject({
      failure: { code: 'rate_limited' },
    })
    // Staff are not limited.
    for (let i = 0; i < POSTS_PER_HOUR; i++) writeLimits.posts.hit(String(moderator.id), now)
    expect((await postReply(t.db, moderator, { threadId, body: 'Staff reply.' }, now)).ok).toBe(
      true,
    )
  })

  it('saves no more posts than the limit allows when they arrive in parallel', async () => {
    const { threadId } = await thread(t.db)
    const key = String(member.id)
    const now = Date.now()
    for (let i = 0; i < POSTS_PER_HOUR - 3; i++) writeLimits.posts.hit(key, now)
    const before = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .execute()
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postReply(t.db, member, { threadId, body: `Parallel reply ${i}.` }, now),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(results.filter((r) => !r.ok && r.failure.code === 'rate_limited')).toHaveLength(9)
    const after = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .execute()
    expect(after.length - before.length).toBe(3)
    writeLimits.posts.reset(key)
  })

  it('renders a reply as Markdown and a comment inline; only a reply counts as one', async () => {
    const { threadId, replyId } = await thread(t.db)
    const at = Date.now() + 1000
    const replied = await postReply(t.db, member, { threadId, body: '# Fix\n\nUse *this*.' }, at)
    const commented = await postComment(
      t.db,
      member,
      { postId: replyId, body: '# Not a heading, *but* inline' },
      at + 1000,
    )
    if (!replied.ok || !commented.ok) throw new Error('both posts should be saved')
    expect(replied.value.threadId).toBe(threadId)
    expect(commented.value.threadId).toBe(threadId)
    const posts = await t.db
      .selectFrom('posts')
      .select(['id', 'kind', 'parent_id', 'body_html'])
      .where('id', 'in', [replied.value.postId, commented.value.postId])
      .orderBy('id')
      .execute()
    expect(posts[0]).toMatchObject({ kind: 'reply', parent_id: null })
    expect(posts[0]?.body_html).toContain('<h2>Fix</h2>')
    expect(posts[1]).toMatchObject({ kind: 'comment', parent_id: replyId })
    expect(posts[1]?.body_html).toContain('<em>but</em>')
    expect(posts[1]?.body_html).not.toContain('<h')
    const row = await t.db
      .selectFrom('threads')
      .select(['reply_count', 'last_activity_at'])
      .where('id', '=', threadId)
      .executeTakeFirstOrThrow()
    expect(row.reply_count).toBe(2)
    expect(Number(row.last_activity_at)).toBe(at + 1000)
  })

  it('makes a thread findable by its new comment at once: search and signatures', async () => {
    const { threadId, replyId } = await thread(t.db)
    const found = async (q: string) =>
      (await searchThreads(t.db, dialect, { q })).hits.map((h) => h.id)
    expect(await found('zebrafishmarker')).toEqual([])
    const commented = await postComment(t.db, member, {
      postId: replyId,
      body: 'zebrafishmarker: setxattr fails with ENOTSUP here too, filed FB87654321.',
    })
    expect(commented.ok).toBe(true)
    expect(await found('zebrafishmarker')).toEqual([threadId])
    expect(await found('fb:FB87654321')).toEqual([threadId])
    const signatures = await t.db
      .selectFrom('thread_signatures')
      .select(['kind', 'key'])
      .where('thread_id', '=', threadId)
      .orderBy('kind')
      .orderBy('key')
      .execute()
    expect(signatures).toEqual(
      expect.arrayContaining([
        { kind: 'error', key: 'ENOTSUP' },
        { kind: 'reference', key: 'FB87654321' },
      ]),
    )
  })

  describe('through the routes', () => {
    let app: FastifyInstance
    let agent: Agent

    beforeAll(async () => {
      app = await buildTestApp(t.handle)
      agent = (await signedIn(app, t.db, 'np_router')).agent
    })
    afterAll(async () => app?.close())

    it('redirects a saved reply or comment to it, and answers the islands in JSON', async () => {
      const { threadId, replyId } = await thread(t.db)
      await agent.get(`/threads/${threadId}`)
      const reply = await agent.post(`/threads/${threadId}/replies`, { body: 'Plain form.' })
      expect(reply.statusCode).toBe(303)
      expect(reply.headers.location).toMatch(new RegExp(`^/threads/${threadId}/.+#post-\\d+$`))
      const comment = await agent.post(`/posts/${replyId}/comments`, { body: 'Plain comment.' })
      expect(comment.statusCode).toBe(303)
      const commentId = Number(/#post-(\d+)$/.exec(comment.headers.location ?? '')?.[1])
      expect(comment.headers.location).toBe(
        `${reply.headers.location?.replace(/#.*$/, '')}#post-${commentId}`,
      )

      const replyJson = await agent.post(
        `/threads/${threadId}/replies`,
        { body: 'From the island.' },
        { json: true },
      )
      expect(replyJson.statusCode).toBe(201)
      const replyBody = replyJson.json() as { postId: number; html: string }
      expect(replyBody.html).toContain('From the island.')
      expect(replyBody.html).toContain(`post-${replyBody.postId}`)

      const commentJson = await agent.post(
        `/posts/${replyId}/comments`,
        { body: 'Comment from the island.' },
        { json: true },
      )
      expect(commentJson.statusCode).toBe(200)
      const { postId } = commentJson.json() as { postId: number }
      expect(commentJson.json()).toEqual({ postId, threadId })
      const saved = await t.db
        .selectFrom('posts')
        .select(['kind', 'parent_id', 'body_markdown'])
        .where('id', '=', postId)
        .executeTakeFirstOrThrow()
      expect(saved).toEqual({
        kind: 'comment',
        parent_id: replyId,
        body_markdown: 'Comment from the island.',
      })
    })

    it('brings the thread back with the failed form refilled, or a JSON error to the islands', async () => {
      const { threadId, replyId } = await thread(t.db)
      await agent.get(`/threads/${threadId}`)
      const reply = await agent.post(`/threads/${threadId}/replies`, { body: '   ' })
      expect(reply.statusCode).toBe(422)
      const replyPage = parseHtml(reply.body)
      expect(replyPage.querySelector('h1')?.textContent).toContain('Thread number')
      expect(replyPage.querySelector('#reply-body')?.getAttribute('aria-invalid')).toBe('true')
      expect(replyPage.querySelector('#reply-error-summary')).not.toBeNull()

      const tooLong = 'y'.repeat(601)
      const comment = await agent.post(`/posts/${replyId}/comments`, { body: tooLong })
      expect(comment.statusCode).toBe(422)
      expect(parseHtml(comment.body).querySelector(`#comment-body-${replyId}`)?.textContent).toBe(
        tooLong,
      )

      for (const [url, body] of [
        [`/threads/${threadId}/replies`, ''],
        [`/posts/${replyId}/comments`, tooLong],
      ] as const) {
        const res = await agent.post(url, { body }, { json: true })
        expect(res.statusCode).toBe(422)
        expect(res.json()).toMatchObject({ error: { code: 'invalid', field: 'body' } })
      }

      // Other failures are not forms to refill: a missing thread is a 404 page.
      const missing = await agent.post('/threads/999999/replies', { body: 'Hello?' })
      expect(missing.statusCode).toBe(404)
      const anonymous = new Agent(app, '10.5.0.1')
      await anonymous.get('/login')
      const refused = await anonymous.post(`/posts/${replyId}/comments`, { body: 'Hi' })
      expect(refused.statusCode).toBe(403)
    })
  })
})
