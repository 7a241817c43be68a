import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const C_CODE = '#include <stdio.h>\n\nint main(void) {\n\tputs("hello");\n\treturn 0;\n}'

describe.each(DIALECTS)('%s: asking, replying and the rest of the write path', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let asker: Agent
  let helper: Agent
  let moderator: Agent
  let threadId: number
  let threadPath: string

  const tagRow = async (title: string) => {
    const doc = parseHtml(
      (await new Agent(app, '10.2.9.9').get('/tags/kernel?sortBy=activity')).body,
    )
    const row = [...doc.querySelectorAll('tbody tr')].find(
      (tr) => tr.querySelector('.thread-title')?.textContent === title,
    )
    return row
      ? [...row.querySelectorAll('td data')].map((d) => Number(d.getAttribute('value')))
      : undefined
  }
  const firstRowTitle = async (query = '') =>
    texts(
      parseHtml((await new Agent(app, '10.2.9.8').get(`/tags/kernel${query}`)).body),
      'tbody .thread-title',
    )[0]

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
    threadPath = res.headers.location ?? ''
    expect(threadPath).toMatch(/^\/threads\/\d+\/kext-panics-in-vnop-lookup-after-rename$/)
    threadId = Number(threadPath.split('/')[2])
    const page = parseHtml((await asker.get(threadPath)).body)
    expect(page.querySelector('.post-body pre code.language-c')?.textContent).toBe(`${C_CODE}\n`)
    const links = [...page.querySelectorAll('a[href^="/attachments/"]')].map(
      (a) => a.getAttribute('href') ?? '',
    )
    expect(links.some((l) => l.endsWith('/repro.c'))).toBe(true)
    const html = await app.inject(links.find((l) => l.endsWith('/page.html')) ?? '')
    expect(html.headers['content-type']).toBe('application/octet-stream')
    expect(await firstRowTitle()).toBe('Kext panics in vnop_lookup after rename')
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
    await helper.get(threadPath)
    const res = await helper.post(`/threads/${threadId}/replies`, {
      body: 'Take an iocount with `vnode_get` first.',
    })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toMatch(new RegExp(`^/threads/${threadId}/.+#post-\\d+$`))
    expect((await tagRow('Kext panics in vnop_lookup after rename'))?.[0]).toBe(1)
    const json = await helper.post(
      `/threads/${threadId}/replies`,
      { body: 'And a second reply, sent by the island.' },
      { json: true },
    )
    expect(json.statusCode).toBe(201)
    expect(json.json().html).toContain('second reply')
    expect((await tagRow('Kext panics in vnop_lookup after rename'))?.[0]).toBe(2)
  })

  it('refills the reply form on an empty reply', async () => {
    await helper.get(threadPath)
    const res = await helper.post(`/threads/${threadId}/replies`, { body: '   ' })
    expect(res.statusCode).toBe(422)
  })

  it('comments under a reply, at most 600 characters', async () => {
    const reply = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'reply')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    await asker.get(threadPath)
    expect(
      (await asker.post(`/posts/${reply.id}/comments`, { body: 'That fixed it, *thanks*.' }))
        .statusCode,
    ).toBe(303)
    const tooLong = await asker.post(`/posts/${reply.id}/comments`, { body: 'x'.repeat(601) })
    expect(tooLong.statusCode).toBe(422)
    expect(parseHtml(tooLong.body).querySelector(`#comment-body-${reply.id}`)?.textContent).toBe(
      'x'.repeat(601),
    )
    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'question')
      .executeTakeFirstOrThrow()
    expect(
      (await asker.post(`/posts/${question.id}/comments`, { body: 'on the question' })).statusCode,
    ).toBe(403)
    expect((await asker.get(threadPath)).body).toContain('<em>thanks</em>')
  })

  it('boosts: once per person, toggled, never one’s own, and shown on the tag page', async () => {
    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'question')
      .executeTakeFirstOrThrow()
    await helper.get(threadPath)
    const on = await helper.post(`/posts/${question.id}/boost`, { state: 'on' }, { json: true })
    expect(on.json()).toEqual({ boosted: true, boostCount: 1 })
    expect((await tagRow('Kext panics in vnop_lookup after rename'))?.[1]).toBe(1)
    const again = await helper.post(`/posts/${question.id}/boost`, { state: 'on' }, { json: true })
    expect(again.json()).toEqual({ boosted: true, boostCount: 1 })
    const toggled = await helper.post(`/posts/${question.id}/boost`, {}, { json: true })
    expect(toggled.json()).toEqual({ boosted: false, boostCount: 0 })
    await asker.get(threadPath)
    expect((await asker.post(`/posts/${question.id}/boost`, { state: 'on' })).statusCode).toBe(403)
    // 50 concurrent boosts by one person still count once.
    await Promise.all(
      Array.from({ length: 50 }, () =>
        helper.post(`/posts/${question.id}/boost`, { state: 'on' }, { json: true }),
      ),
    )
    const row = await t.db
      .selectFrom('posts')
      .select('boost_count')
      .where('id', '=', question.id)
      .executeTakeFirstOrThrow()
    expect(row.boost_count).toBe(1)
    expect((await tagRow('Kext panics in vnop_lookup after rename'))?.[1]).toBe(1)
  })

  it('accepts an answer (asker or moderator only), changeably, and counts the thread solved', async () => {
    const replies = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'reply')
      .orderBy('id')
      .execute()
    const [first, second] = replies.map((r) => r.id)
    await helper.get(threadPath)
    expect((await helper.post(`/posts/${first}/accept`, {})).statusCode).toBe(403)
    await asker.get(threadPath)
    expect((await asker.post(`/posts/${first}/accept`, {}, { json: true })).json()).toEqual({
      accepted: true,
      acceptedPostId: first,
    })
    expect(await firstRowTitle('?filter=solved')).toBe('Kext panics in vnop_lookup after rename')
    expect((await asker.post(`/posts/${second}/accept`, {}, { json: true })).json()).toEqual({
      accepted: true,
      acceptedPostId: second,
    })
    const page = parseHtml((await asker.get(threadPath)).body)
    expect(texts(page, '.post-body')[1]).toContain('second reply')
    await moderator.get(threadPath)
    expect((await moderator.post(`/posts/${second}/accept`, {}, { json: true })).json()).toEqual({
      accepted: false,
      acceptedPostId: null,
    })
    expect(await firstRowTitle('?filter=solved')).toBeUndefined()
  })

  it('lets staff mark a reply Recommended, and nobody else', async () => {
    const reply = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'reply')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    await asker.get(threadPath)
    expect((await asker.post(`/posts/${reply.id}/recommend`, {})).statusCode).toBe(403)
    await moderator.get(threadPath)
    expect((await moderator.post(`/posts/${reply.id}/recommend`, {})).statusCode).toBe(303)
    expect((await moderator.get(threadPath)).body).toContain('Recommended')
  })

  it('keeps every edit as a revision with who and when', async () => {
    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'question')
      .executeTakeFirstOrThrow()
    await helper.get(`/posts/${question.id}/edit`)
    expect(
      (
        await helper.post(`/posts/${question.id}/edit`, {
          title: 'Hijacked title for this thread',
          body: 'x',
        })
      ).statusCode,
    ).toBe(403)
    await asker.get(`/posts/${question.id}/edit`)
    const bad = await asker.post(`/posts/${question.id}/edit`, { title: 'short', body: 'new body' })
    expect(bad.statusCode).toBe(422)
    expect(parseHtml(bad.body).querySelector('[name="body"]')?.textContent).toBe('new body')
    const res = await asker.post(`/posts/${question.id}/edit`, {
      title: 'Kext panics in vnop_lookup after a rename',
      body: 'Edited body with `vnode_put`.',
    })
    expect(res.statusCode).toBe(303)
    const revisions = await new Agent(app).get(`/posts/${question.id}/revisions`)
    expect(revisions.statusCode).toBe(200)
    expect(revisions.body).toContain('Edited body with')
    expect(revisions.body).toContain('#include &lt;stdio.h>')
    expect(revisions.body).toContain('asker_one')
    const thread = parseHtml((await new Agent(app).get(`/threads/${threadId}`)).body)
    expect(texts(thread, 'h1')).toEqual(['Kext panics in vnop_lookup after a rename'])
    expect(thread.querySelector(`a[href="/posts/${question.id}/revisions"]`)).not.toBeNull()
  })

  it('soft-deletes a reply, keeps a placeholder, and lets only moderators restore it', async () => {
    const reply = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'reply')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    await asker.get(threadPath)
    expect((await asker.post(`/posts/${reply.id}/delete`, {})).statusCode).toBe(403)
    await helper.get(threadPath)
    expect((await helper.post(`/posts/${reply.id}/delete`, {})).statusCode).toBe(303)
    const page = await new Agent(app).get(threadPath.replace(/\/[^/]+$/, ''))
    expect(page.body).toContain('This reply was deleted.')
    expect(page.body).not.toContain('second reply')
    expect((await tagRow('Kext panics in vnop_lookup after a rename'))?.[0]).toBe(1)
    expect((await helper.post(`/posts/${reply.id}/restore`, {})).statusCode).toBe(403)
    await moderator.get(threadPath)
    expect((await moderator.post(`/posts/${reply.id}/restore`, {})).statusCode).toBe(303)
    expect((await tagRow('Kext panics in vnop_lookup after a rename'))?.[0]).toBe(2)
  })

  it('does not let an author delete a question that has replies; a moderator can, and can restore it', async () => {
    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'question')
      .executeTakeFirstOrThrow()
    await asker.get(threadPath)
    const refused = await asker.post(`/posts/${question.id}/delete`, {})
    expect(refused.statusCode).toBe(403)
    expect(refused.body).toContain('ask a moderator')
    await moderator.get(threadPath)
    expect((await moderator.post(`/posts/${question.id}/delete`, {})).statusCode).toBe(303)
    expect((await new Agent(app).get(`/threads/${threadId}`)).statusCode).toBe(404)
    expect(await firstRowTitle()).not.toBe('Kext panics in vnop_lookup after a rename')
    expect((await moderator.get(`/threads/${threadId}`)).statusCode).toBe(200)
    expect((await moderator.post(`/posts/${question.id}/restore`, {})).statusCode).toBe(303)
    expect((await new Agent(app).get(`/threads/${threadId}`)).statusCode).toBe(200)
  })

  it('shows a profile with counts and the person’s threads', async () => {
    const res = await new Agent(app).get('/users/asker_one')
    expect(res.statusCode).toBe(200)
    const doc = parseHtml(res.body)
    expect(texts(doc, 'h1')[0]).toContain('asker_one')
    expect(texts(doc, 'tbody .thread-title')).toContain('Kext panics in vnop_lookup after a rename')
    expect((await new Agent(app).get('/users/ASKER_ONE')).statusCode).toBe(301)
    expect((await new Agent(app).get('/users/nobody_at_all')).statusCode).toBe(404)
    const helperPage = parseHtml((await new Agent(app).get('/users/helper_two')).body)
    expect(helperPage.body.textContent).toMatch(/Replies\s*2/)
  })

  it('counts a view once per viewer per day, writes views in a batch, and keeps them over a restart', async () => {
    const id = await make.thread(t.db, { title: 'A thread to count the views of, once each' })
    await app.views.flush(t.db)
    for (let i = 0; i < 3; i++) await asker.get(`/threads/${id}`)
    for (let i = 0; i < 3; i++) await new Agent(app, '10.3.0.1').get(`/threads/${id}`)
    await new Agent(app, '10.3.0.2').get(`/threads/${id}`)
    expect(app.views.pendingCount).toBe(3)
    expect(
      (
        await t.db
          .selectFrom('threads')
          .select('view_count')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).view_count,
    ).toBe(0)
    await app.close() // graceful shutdown writes what is pending
    expect(
      (
        await t.db
          .selectFrom('threads')
          .select('view_count')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).view_count,
    ).toBe(3)
    app = await buildTestApp(t.handle)
  })
})
