/**
 * The write path through the pages: asking, replying, commenting, boosting, accepting, recommending,
 * editing, deleting and restoring, as the people who may and may not. Each test makes the thread it
 * writes to (make.thread, or by asking), so any one runs alone (`-t`) and in any order; the people
 * signed in below are the only thing the tests share.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const C_CODE = '#include <stdio.h>\n\nint main(void) {\n\tputs("hello");\n\treturn 0;\n}'

/** A thread of the tests' own: its ids, its page, and the tag only it carries (so its row is on page 1). */
interface TestThread {
  id: number
  path: string
  tag: string
  question: number
  replies: number[]
}

describe.each(DIALECTS)('%s: asking, replying and the rest of the write path', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let asker: Agent
  let helper: Agent
  let moderator: Agent
  let threads = 0

  /**
   * A question by asker_one, tagged kernel and a tag of its own, with `replies` by helper_two (their
   * bodies), written by the factory an hour ago.
   */
  const askersThread = async (
    title: string,
    replies: string[] = [],
    body = 'Why does my kext panic in vnop_lookup?',
  ): Promise<TestThread> => {
    const tag = `write-path-${++threads}`
    const createdAt = Date.now() - 3_600_000
    const id = await make.thread(t.db, {
      title,
      body,
      author: 'asker_one',
      tags: ['kernel', tag],
      created_at: createdAt,
      replies: replies.map((text, i) => ({
        author: 'helper_two',
        created_at: createdAt + (i + 1) * 60_000,
        body: text,
      })),
    })
    const posts = await t.db
      .selectFrom('posts')
      .select(['id', 'kind'])
      .where('thread_id', '=', id)
      .orderBy('id')
      .execute()
    const question = posts.find((p) => p.kind === 'question')?.id
    if (question === undefined) throw new Error(`thread ${id} has no question`)
    return {
      id,
      path: `/threads/${id}`,
      tag,
      question,
      replies: posts.filter((p) => p.kind === 'reply').map((p) => p.id),
    }
  }

  /** The replies and boosts columns of a thread's row on its tag page, as a reader sees them. */
  const tagRow = async (thread: TestThread) => {
    const doc = parseHtml((await new Agent(app, '10.2.9.9').get(`/tags/${thread.tag}`)).body)
    const row = doc.querySelector('tbody tr')
    return row
      ? [...row.querySelectorAll('td data')].map((d) => Number(d.getAttribute('value')))
      : undefined
  }
  const titlesOnTagPage = async (tag: string, query = '') =>
    texts(
      parseHtml((await new Agent(app, '10.2.9.8').get(`/tags/${tag}${query}`)).body),
      'tbody .thread-title',
    )

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    await make.tag(t.db, 'usb', { name: 'USB' })
    await make.thread(t.db, {
      title: 'An older thread that should drop below new activity',
      created_at: Date.now() - 86_400_000,
    })
    app = await buildTestApp(t.handle)
    asker = (await signedIn(app, t.db, 'asker_one')).agent
    helper = (await signedIn(app, t.db, 'helper_two')).agent
    moderator = (await signedIn(app, t.db, 'mod_three', 'moderator', 'DTS Engineer')).agent
  })
  afterAll(async () => app?.close())

  it('sends anonymous readers to sign in before asking', async () => {
    const res = await new Agent(app).get('/ask')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/login?next=/ask')
  })

  it('refuses a bad question with the form refilled and each problem named', async () => {
    await asker.get('/ask')
    const res = await asker.postMultipart('/ask', {
      title: 'Too short',
      body: 'Some body text',
      tags: 'kernel nosuchtag',
      intent: 'post',
    })
    expect(res.statusCode).toBe(422)
    const doc = parseHtml(res.body)
    expect(doc.querySelector('[name="title"]')?.getAttribute('value')).toBe('Too short')
    expect(doc.querySelector('[name="body"]')?.textContent).toBe('Some body text')
    expect(doc.querySelector('[name="title"]')?.getAttribute('aria-invalid')).toBe('true')
    const unknownTag = await asker.postMultipart('/ask', {
      title: 'A perfectly long title about kernels',
      body: 'Body',
      tags: 'kernel nosuchtag',
      intent: 'post',
    })
    expect(unknownTag.statusCode).toBe(422)
    expect(unknownTag.body).toContain('nosuchtag')
  })

  it('previews Markdown without JavaScript and without posting', async () => {
    await asker.get('/ask')
    const res = await asker.postMultipart('/ask', {
      title: 'A preview only title here',
      body: '**bold** and `code`',
      tags: 'kernel',
      intent: 'preview',
    })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<strong>bold</strong>')
    expect(
      await t.db
        .selectFrom('threads')
        .select('id')
        .where('title', '=', 'A preview only title here')
        .executeTakeFirst(),
    ).toBeUndefined()
    const live = await asker.post(
      '/preview',
      { body: '# Heading\n\n<script>x</script>' },
      { json: true },
    )
    expect(live.json().html).toContain('<h2>Heading</h2>')
    expect(live.json().html).not.toContain('<script>')
  })

  it('asks a question with a C code block and attachments, shown on the thread page', async () => {
    await asker.get('/ask')
    const res = await asker.postMultipart(
      '/ask',
      {
        title: 'Kext panics in vnop_lookup after rename',
        body: `My code:\n\n\`\`\`c\n${C_CODE}\n\`\`\``,
        tags: 'kernel, usb',
        intent: 'post',
      },
      [
        { field: 'attachments', name: 'repro.c', content: C_CODE },
        { field: 'attachments', name: 'page.html', content: '<script>alert(1)</script>' },
      ],
    )
    expect(res.statusCode).toBe(303)
    const threadPath = res.headers.location ?? ''
    expect(threadPath).toMatch(/^\/threads\/\d+\/kext-panics-in-vnop-lookup-after-rename$/)
    const page = parseHtml((await asker.get(threadPath)).body)
    expect(page.querySelector('.post-body pre code.language-c')?.textContent).toBe(`${C_CODE}\n`)
    const links = [...page.querySelectorAll('a[href^="/attachments/"]')].map(
      (a) => a.getAttribute('href') ?? '',
    )
    expect(links.some((l) => l.endsWith('/repro.c'))).toBe(true)
    const html = await app.inject(links.find((l) => l.endsWith('/page.html')) ?? '')
    expect(html.headers['content-type']).toBe('application/octet-stream')
    // The newest activity heads the tag page.
    expect((await titlesOnTagPage('kernel'))[0]).toBe('Kext panics in vnop_lookup after rename')
  })

  it('refuses an attachment over 4 MB and keeps what was typed', async () => {
    await asker.get('/ask')
    const res = await asker.postMultipart(
      '/ask',
      {
        title: 'A question with a huge log attached',
        body: 'Typed text stays',
        tags: 'kernel',
        intent: 'post',
      },
      [
        {
          field: 'attachments',
          name: 'huge.log',
          content: new Uint8Array(4 * 1024 * 1024 + 10).fill(65),
        },
      ],
    )
    expect(res.statusCode).toBe(413)
    expect(res.body).toContain('huge.log')
    expect(parseHtml(res.body).querySelector('[name="body"]')?.textContent).toBe('Typed text stays')
  })

  it('replies, updating the counters and last activity the tag page shows', async () => {
    const thread = await askersThread('A question waiting for its first reply')
    await make.thread(t.db, { title: 'A question asked since', created_at: Date.now() - 60_000 })
    expect((await titlesOnTagPage('kernel'))[0]).not.toBe('A question waiting for its first reply')
    await helper.get(thread.path)
    const res = await helper.post(`/threads/${thread.id}/replies`, {
      body: 'Take an iocount with `vnode_get` first.',
    })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toMatch(new RegExp(`^/threads/${thread.id}/.+#post-\\d+$`))
    expect((await tagRow(thread))?.[0]).toBe(1)
    expect((await titlesOnTagPage('kernel'))[0]).toBe('A question waiting for its first reply')
    const json = await helper.post(
      `/threads/${thread.id}/replies`,
      { body: 'And a second reply, sent by the island.' },
      { json: true },
    )
    expect(json.statusCode).toBe(201)
    expect(json.json().html).toContain('second reply')
    expect((await tagRow(thread))?.[0]).toBe(2)
  })

  it('refills the reply form on an empty reply', async () => {
    const thread = await askersThread('A question nobody answers with spaces')
    await helper.get(thread.path)
    const res = await helper.post(`/threads/${thread.id}/replies`, { body: '   ' })
    expect(res.statusCode).toBe(422)
    expect((await tagRow(thread))?.[0]).toBe(0)
  })

  it('comments under a reply, at most 600 characters', async () => {
    const thread = await askersThread('A question with a reply to comment on', [
      'Take an iocount with `vnode_get` first.',
    ])
    const [reply] = thread.replies
    await asker.get(thread.path)
    expect(
      (await asker.post(`/posts/${reply}/comments`, { body: 'That fixed it, *thanks*.' }))
        .statusCode,
    ).toBe(303)
    const tooLong = await asker.post(`/posts/${reply}/comments`, { body: 'x'.repeat(601) })
    expect(tooLong.statusCode).toBe(422)
    expect(parseHtml(tooLong.body).querySelector(`#comment-body-${reply}`)?.textContent).toBe(
      'x'.repeat(601),
    )
    expect(
      (await asker.post(`/posts/${thread.question}/comments`, { body: 'on the question' }))
        .statusCode,
    ).toBe(403)
    expect((await asker.get(thread.path)).body).toContain('<em>thanks</em>')
  })

  it('boosts: once per person, toggled, never one’s own, and shown on the tag page', async () => {
    const thread = await askersThread('A question worth a boost')
    const question = thread.question
    await helper.get(thread.path)
    const on = await helper.post(`/posts/${question}/boost`, { state: 'on' }, { json: true })
    expect(on.json()).toEqual({ boosted: true, boostCount: 1 })
    expect((await tagRow(thread))?.[1]).toBe(1)
    const again = await helper.post(`/posts/${question}/boost`, { state: 'on' }, { json: true })
    expect(again.json()).toEqual({ boosted: true, boostCount: 1 })
    const toggled = await helper.post(`/posts/${question}/boost`, {}, { json: true })
    expect(toggled.json()).toEqual({ boosted: false, boostCount: 0 })
    await asker.get(thread.path)
    expect((await asker.post(`/posts/${question}/boost`, { state: 'on' })).statusCode).toBe(403)
    // 50 concurrent boosts by one person still count once.
    await Promise.all(
      Array.from({ length: 50 }, () =>
        helper.post(`/posts/${question}/boost`, { state: 'on' }, { json: true }),
      ),
    )
    const row = await t.db
      .selectFrom('posts')
      .select('boost_count')
      .where('id', '=', question)
      .executeTakeFirstOrThrow()
    expect(row.boost_count).toBe(1)
    expect((await tagRow(thread))?.[1]).toBe(1)
  })

  it('accepts an answer (asker or moderator only), changeably, and counts the thread solved', async () => {
    const thread = await askersThread('A question with two answers to choose from', [
      'Take an iocount with `vnode_get` first.',
      'And a second reply, with another way.',
    ])
    const [first, second] = thread.replies
    const solved = () => titlesOnTagPage(thread.tag, '?filter=solved')
    await helper.get(thread.path)
    expect((await helper.post(`/posts/${first}/accept`, {})).statusCode).toBe(403)
    expect(await solved()).toEqual([])
    await asker.get(thread.path)
    expect((await asker.post(`/posts/${first}/accept`, {}, { json: true })).json()).toEqual({
      accepted: true,
      acceptedPostId: first,
    })
    expect(await solved()).toEqual(['A question with two answers to choose from'])
    expect((await asker.post(`/posts/${second}/accept`, {}, { json: true })).json()).toEqual({
      accepted: true,
      acceptedPostId: second,
    })
    const page = parseHtml((await asker.get(thread.path)).body)
    expect(texts(page, '.post-body')[1]).toContain('second reply') // the accepted answer comes first
    await moderator.get(thread.path)
    expect((await moderator.post(`/posts/${second}/accept`, {}, { json: true })).json()).toEqual({
      accepted: false,
      acceptedPostId: null,
    })
    expect(await solved()).toEqual([])
  })

  it('lets staff mark a reply Recommended, and nobody else', async () => {
    const thread = await askersThread('A question with a reply staff like', [
      'Take an iocount with `vnode_get` first.',
    ])
    const [reply] = thread.replies
    expect((await new Agent(app).get(thread.path)).body).not.toContain('Recommended')
    await asker.get(thread.path)
    expect((await asker.post(`/posts/${reply}/recommend`, {})).statusCode).toBe(403)
    await moderator.get(thread.path)
    expect((await moderator.post(`/posts/${reply}/recommend`, {})).statusCode).toBe(303)
    expect((await new Agent(app).get(thread.path)).body).toContain('Recommended')
  })

  it('keeps every edit as a revision with who and when', async () => {
    const thread = await askersThread(
      'Kext panics in vnop_lookup after rename',
      [],
      `My code:\n\n\`\`\`c\n${C_CODE}\n\`\`\``,
    )
    const question = thread.question
    await helper.get(`/posts/${question}/edit`)
    expect(
      (
        await helper.post(`/posts/${question}/edit`, {
          title: 'Hijacked title for this thread',
          body: 'x',
        })
      ).statusCode,
    ).toBe(403)
    await asker.get(`/posts/${question}/edit`)
    const bad = await asker.post(`/posts/${question}/edit`, { title: 'short', body: 'new body' })
    expect(bad.statusCode).toBe(422)
    expect(parseHtml(bad.body).querySelector('[name="body"]')?.textContent).toBe('new body')
    const res = await asker.post(`/posts/${question}/edit`, {
      title: 'Kext panics in vnop_lookup after a rename',
      body: 'Edited body with `vnode_put`.',
    })
    expect(res.statusCode).toBe(303)
    const revisions = await new Agent(app).get(`/posts/${question}/revisions`)
    expect(revisions.statusCode).toBe(200)
    // The newest revision is shown against the original: its text is what is not struck out.
    const newest = parseHtml(revisions.body).querySelector('pre.revision-diff')
    newest?.querySelectorAll('del, .visually-hidden').forEach((el) => el.remove())
    expect(newest?.textContent).toBe('Edited body with `vnode_put`.')
    expect(revisions.body).toContain('#include &lt;stdio.h>')
    expect(revisions.body).toContain('asker_one')
    const page = parseHtml((await new Agent(app).get(thread.path)).body)
    expect(texts(page, 'h1')).toEqual(['Kext panics in vnop_lookup after a rename'])
    expect(page.querySelector(`a[href="/posts/${question}/revisions"]`)).not.toBeNull()
  })

  it('soft-deletes a reply, keeps a placeholder, and lets only moderators restore it', async () => {
    const thread = await askersThread('A question with a reply its author takes back', [
      'Take an iocount with `vnode_get` first.',
      'And a second reply, taken back later.',
    ])
    const reply = thread.replies[1]
    await asker.get(thread.path)
    expect((await asker.post(`/posts/${reply}/delete`, {})).statusCode).toBe(403)
    await helper.get(thread.path)
    expect((await helper.post(`/posts/${reply}/delete`, {})).statusCode).toBe(303)
    const page = await new Agent(app).get(thread.path)
    expect(page.body).toContain('This reply was deleted.')
    expect(page.body).not.toContain('second reply')
    expect((await tagRow(thread))?.[0]).toBe(1)
    expect((await helper.post(`/posts/${reply}/restore`, {})).statusCode).toBe(403)
    await moderator.get(thread.path)
    expect((await moderator.post(`/posts/${reply}/restore`, {})).statusCode).toBe(303)
    expect((await tagRow(thread))?.[0]).toBe(2)
  })

  it('does not let an author delete a question that has replies; a moderator can, and can restore it', async () => {
    const thread = await askersThread('A question a moderator deletes', [
      'Take an iocount with `vnode_get` first.',
    ])
    await asker.get(thread.path)
    const refused = await asker.post(`/posts/${thread.question}/delete`, {})
    expect(refused.statusCode).toBe(403)
    expect(refused.body).toContain('ask a moderator')
    await moderator.get(thread.path)
    expect((await moderator.post(`/posts/${thread.question}/delete`, {})).statusCode).toBe(303)
    expect((await new Agent(app).get(thread.path)).statusCode).toBe(404)
    expect(await titlesOnTagPage('kernel')).not.toContain('A question a moderator deletes')
    expect((await moderator.get(thread.path)).statusCode).toBe(200)
    expect((await moderator.post(`/posts/${thread.question}/restore`, {})).statusCode).toBe(303)
    expect((await new Agent(app).get(thread.path)).statusCode).toBe(200)
    expect(await titlesOnTagPage(thread.tag)).toEqual(['A question a moderator deletes'])
  })

  it('shows a profile with counts and the person’s threads', async () => {
    await make.thread(t.db, {
      title: 'A question on a profile page',
      author: 'profile_asker',
      replies: [
        { author: 'profile_helper', created_at: Date.now() - 120_000, body: 'One reply.' },
        { author: 'profile_helper', created_at: Date.now() - 60_000, body: 'Another reply.' },
      ],
      created_at: Date.now() - 3_600_000,
    })
    const res = await new Agent(app).get('/users/profile_asker')
    expect(res.statusCode).toBe(200)
    const doc = parseHtml(res.body)
    expect(texts(doc, 'h1')[0]).toContain('profile_asker')
    expect(texts(doc, 'tbody .thread-title')).toEqual(['A question on a profile page'])
    expect((await new Agent(app).get('/users/PROFILE_ASKER')).statusCode).toBe(301)
    expect((await new Agent(app).get('/users/nobody_at_all')).statusCode).toBe(404)
    const helperPage = parseHtml((await new Agent(app).get('/users/profile_helper')).body)
    expect(helperPage.body.textContent).toMatch(/Replies\s*2/)
  })

  it('counts a view once per viewer per day, writes views in a batch, and keeps them over a restart', async () => {
    // An app of its own, since closing it is the restart: the other tests keep theirs.
    const own = await buildTestApp(t.handle)
    let open = true
    try {
      const id = await make.thread(t.db, { title: 'A thread to count the views of, once each' })
      const viewCount = async () =>
        (
          await t.db
            .selectFrom('threads')
            .select('view_count')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).view_count
      const reader = (await signedIn(own, t.db, 'view_counter')).agent
      for (let i = 0; i < 3; i++) await reader.get(`/threads/${id}`)
      for (let i = 0; i < 3; i++) await new Agent(own, '10.3.0.1').get(`/threads/${id}`)
      await new Agent(own, '10.3.0.2').get(`/threads/${id}`)
      expect(own.views.pendingCount).toBe(3)
      expect(await viewCount()).toBe(0)
      open = false
      await own.close() // graceful shutdown writes what is pending
      expect(await viewCount()).toBe(3)
    } finally {
      if (open) await own.close()
    }
  })
})
