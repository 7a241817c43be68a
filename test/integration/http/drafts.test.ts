/**
 * Drafts (issue 26, the composer): what a person types is saved on the server (POST /drafts, as the
 * composer island sends it), comes back rendered into /ask or the thread's reply form (on another device
 * too, without JavaScript), goes when the post is made or on "Discard draft", is the person's alone,
 * holds to the post limits and is rate limited.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draftSaveLimiter } from '../../../src/domain/drafts/index.js'
import { resetAttempts } from '../../../src/domain/shared/index.js'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const field = (html: string, selector: string) =>
  parseHtml(html).querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)?.value

describe.each(DIALECTS)('%s: drafts', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let writer: Agent
  let writerId: number
  let other: Agent
  let threadId: number

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
    const signed = await signedIn(app, t.db, 'draft_writer')
    writer = signed.agent
    writerId = signed.id
    other = (await signedIn(app, t.db, 'draft_other')).agent
    threadId = await make.thread(t.db, { tags: ['kernel'] })
  })
  afterAll(async () => {
    await resetAttempts([draftSaveLimiter, `user:${writerId}`])
    await app?.close()
  })

  const save = (agent: Agent, form: Record<string, string>) =>
    agent.post('/drafts', form, { json: true })
  const draftRows = (userId: number) =>
    t.db.selectFrom('drafts').selectAll().where('user_id', '=', userId).execute()

  it('a question draft comes back in /ask, with a Discard draft button, on another device too', async () => {
    await writer.get('/ask')
    const saved = await save(writer, {
      thread: '',
      title: 'Kext fails to load after "update"',
      body: 'It says:\r\n\n    errno 35 <EAGAIN>',
      tags: 'Kernel, Network Extension',
    })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toMatchObject({ savedAt: expect.any(Number), empty: false })

    const page = await writer.get('/ask')
    expect(field(page.body, '#ask-title')).toBe('Kext fails to load after "update"')
    // Line endings normalised as a post's are; every other character kept.
    expect(field(page.body, '#ask-body')).toBe('It says:\n\n    errno 35 <EAGAIN>')
    expect(field(page.body, '#ask-tags')).toBe('Kernel, Network Extension')
    const doc = parseHtml(page.body)
    expect(doc.querySelector('[data-draft-notice]')?.textContent).toContain('draft is restored')
    const discard = doc.querySelector('form[action="/drafts/discard"]')
    expect(discard?.querySelector('input[name="_csrf"]')).not.toBeNull()
    expect(discard?.querySelector('button')?.textContent).toBe('Discard draft')

    // Another device: a new session of the same person, signed in with the password.
    const laptop = new Agent(app, '10.9.0.2')
    await laptop.get('/login')
    const login = await laptop.post('/login', { login: 'draft_writer', password: TEST_PASSWORD })
    expect(login.statusCode).toBe(303)
    expect(field((await laptop.get('/ask')).body, '#ask-title')).toBe(
      'Kext fails to load after "update"',
    )
    // Somebody else's /ask is empty.
    const theirs = await other.get('/ask')
    expect(field(theirs.body, '#ask-title')).toBe('')
    expect(theirs.body).not.toContain('data-draft-notice')
  })

  it('a reply draft comes back in the reply form; it is its writer’s alone', async () => {
    await writer.get(`/threads/${threadId}`)
    expect(
      (await save(writer, { thread: String(threadId), body: 'Half a reply' })).statusCode,
    ).toBe(200)
    await other.get(`/threads/${threadId}`)
    expect((await save(other, { thread: String(threadId), body: 'Their own' })).statusCode).toBe(
      200,
    )

    const mine = await writer.get(`/threads/${threadId}`)
    expect(field(mine.body, '#reply-body')).toBe('Half a reply')
    expect(mine.body).toContain('data-draft-notice')
    const theirs = await other.get(`/threads/${threadId}`)
    expect(field(theirs.body, '#reply-body')).toBe('Their own')
    // A reader who is not signed in gets no reply form at all.
    const anonymous = await app.inject({ method: 'GET', url: `/threads/${threadId}` })
    expect(anonymous.body).not.toContain('Half a reply')
    expect(anonymous.body).not.toContain('Their own')
  })

  it('posting the reply discards its draft in the same request', async () => {
    await writer.get(`/threads/${threadId}`)
    await save(writer, { thread: String(threadId), body: 'The reply, finished.' })
    const posted = await writer.post(`/threads/${threadId}/replies`, {
      body: 'The reply, finished.',
    })
    expect(posted.statusCode).toBe(303)
    expect((await draftRows(writerId)).filter((d) => d.thread_id === threadId)).toEqual([])
    const page = await writer.get(`/threads/${threadId}`)
    expect(field(page.body, '#reply-body')).toBe('')
    expect(page.body).not.toContain('data-draft-notice')
  })

  it('a save that arrives after the post it became keeps nothing', async () => {
    await writer.get(`/threads/${threadId}`)
    const posted = await writer.post(`/threads/${threadId}/replies`, {
      body: 'Posted while a save was on its way.',
    })
    expect(posted.statusCode).toBe(303)
    const late = await save(writer, {
      thread: String(threadId),
      body: 'Posted while a save was on its way.',
    })
    expect(late.json()).toMatchObject({ empty: true })
    expect((await draftRows(writerId)).filter((d) => d.thread_id === threadId)).toEqual([])
    // Any other text is a new draft.
    await save(writer, { thread: String(threadId), body: 'A follow-up, being written.' })
    expect((await draftRows(writerId)).filter((d) => d.thread_id === threadId)).toHaveLength(1)
    await writer.post('/drafts/discard', { thread: String(threadId) })
  })

  it('posting the question discards its draft in the same request', async () => {
    await writer.get('/ask')
    await save(writer, { thread: '', title: 'A draft question to post', body: 'x', tags: '' })
    const posted = await writer.postMultipart('/ask', {
      title: 'A draft question about kernel locks',
      body: 'The body, finished.',
      tags: 'kernel',
      intent: 'post',
    })
    expect(posted.statusCode, posted.body.slice(0, 300)).toBe(303)
    expect((await draftRows(writerId)).filter((d) => d.thread_id === null)).toEqual([])
  })

  it('a preview or a refused question keeps the draft', async () => {
    await writer.get('/ask')
    await save(writer, { thread: '', title: 'Kept through a preview', body: 'b', tags: '' })
    const preview = await writer.postMultipart('/ask', {
      title: 'Kept through a preview',
      body: 'b',
      tags: 'kernel',
      intent: 'preview',
    })
    expect(preview.statusCode).toBe(200)
    const refused = await writer.postMultipart('/ask', {
      title: 'short',
      body: 'b',
      tags: 'kernel',
      intent: 'post',
    })
    expect(refused.statusCode).toBe(422)
    expect((await draftRows(writerId)).filter((d) => d.thread_id === null)).toHaveLength(1)
  })

  it('"Discard draft" without JavaScript: back to the empty form; with the island: JSON', async () => {
    await writer.get('/ask')
    await save(writer, { thread: '', title: 'To be discarded', body: 'b', tags: '' })
    const res = await writer.post('/drafts/discard', { thread: '' })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/ask')
    expect(field((await writer.get('/ask')).body, '#ask-title')).toBe('')

    await writer.get(`/threads/${threadId}`)
    await save(writer, { thread: String(threadId), body: 'again' })
    const back = await writer.post('/drafts/discard', { thread: String(threadId) })
    expect(back.statusCode).toBe(303)
    expect(back.headers.location).toMatch(new RegExp(`^/threads/${threadId}/[^#]*#reply$`))
    await save(writer, { thread: String(threadId), body: 'again' })
    const json = await writer.post('/drafts/discard', { thread: String(threadId) }, { json: true })
    expect(json.json()).toEqual({ discarded: true })
    // The other person's draft of the same thread is untouched.
    expect(field((await other.get(`/threads/${threadId}`)).body, '#reply-body')).toBe('Their own')
  })

  it('an emptied form deletes the draft', async () => {
    await writer.get('/ask')
    await save(writer, { thread: '', title: 'Something', body: '', tags: '' })
    const res = await save(writer, { thread: '', title: '  ', body: '', tags: '' })
    expect(res.json()).toMatchObject({ empty: true })
    expect((await draftRows(writerId)).filter((d) => d.thread_id === null)).toEqual([])
  })

  it('holds to the post limits: over them, 422 naming the field, and the last draft stays', async () => {
    await writer.get('/ask')
    await save(writer, { thread: '', title: 'The last good draft', body: 'b', tags: '' })
    const long = await save(writer, { thread: '', title: 't', body: 'x'.repeat(64 * 1024 + 1) })
    expect(long.statusCode).toBe(422)
    expect(long.json()).toMatchObject({ error: { code: 'invalid', field: 'body' } })
    const title = await save(writer, { thread: '', title: 'é'.repeat(151), body: 'b' })
    expect(title.json()).toMatchObject({ error: { code: 'invalid', field: 'title' } })
    const exact = await save(writer, {
      thread: '',
      title: 'é'.repeat(150),
      body: 'x'.repeat(65536),
    })
    expect(exact.statusCode).toBe(200)
    const rows = await draftRows(writerId)
    expect(rows.find((d) => d.thread_id === null)?.body).toHaveLength(65536)
  })

  it('refuses strangers, unknown threads, locked threads and unknown fields', async () => {
    const stranger = new Agent(app, '10.9.0.3')
    await stranger.get('/login')
    expect((await save(stranger, { thread: '', body: 'x' })).statusCode).toBe(403)
    await writer.get('/ask')
    expect((await save(writer, { thread: '999999', body: 'x' })).statusCode).toBe(404)
    const locked = await make.thread(t.db, { tags: ['kernel'] })
    await t.db.updateTable('threads').set({ locked: 1 }).where('id', '=', locked).execute()
    expect((await save(writer, { thread: String(locked), body: 'x' })).statusCode).toBe(403)
    expect((await save(writer, { thread: '', body: 'x', user_id: '1' })).statusCode).toBe(400)
    expect((await save(writer, { thread: 'abc', body: 'x' })).statusCode).toBe(400)
  })

  it('deleting the account deletes its drafts', async () => {
    const leaver = await signedIn(app, t.db, 'draft_leaver')
    await leaver.agent.get('/ask')
    await save(leaver.agent, { thread: '', title: 'Leaving soon', body: 'b', tags: '' })
    expect(await draftRows(leaver.id)).toHaveLength(1)
    await leaver.agent.get('/settings/account')
    const res = await leaver.agent.post('/settings/account/delete', {
      confirm: 'draft_leaver',
      password: TEST_PASSWORD,
    })
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303)
    expect(await draftRows(leaver.id)).toEqual([])
  })

  it('limits saves per person: 429 with Retry-After past 60 a minute', async () => {
    await writer.get('/ask')
    await resetAttempts([draftSaveLimiter, `user:${writerId}`])
    const statuses: number[] = []
    for (let i = 0; i < 61; i++)
      statuses.push((await save(writer, { thread: '', title: `n ${i}`, body: '' })).statusCode)
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true)
    const refused = await save(writer, { thread: '', title: 'one more', body: '' })
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
  })
})
