/**
 * Notifications by mail, at a real SMTP server: one message per thread for a window's posts, digests,
 * never, nothing for what was read on the site, the RFC 8058 headers and the signed one-click
 * unsubscribe link (signed out), and the settings form with its CSRF token.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scheduleDigests } from '../../../src/domain/notifications/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import type { ParsedMail } from 'mailparser'
import { startSmtp, type TestSmtp } from '../../support/smtp.js'
import { useTestDb } from '../../support/test-db.js'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** A header as sent (mailparser folds the List-* headers into one object). */
function header(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name)?.line ?? ''
  return line.slice(line.indexOf(':') + 1).trim()
}

interface Person {
  agent: Agent
  id: number
  name: string
}

describe.each(DIALECTS)('%s: notification mail', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let smtp: TestSmtp
  let offset = 0
  let people = 0

  const person = async (prefix: string): Promise<Person> => {
    const name = `${prefix}_${++people}`
    const { agent, id } = await signedIn(app, t.db, name)
    return { agent, id, name }
  }

  const ask = async (who: Person) => {
    await who.agent.get('/ask')
    const res = await who.agent.postMultipart('/ask', {
      title: `Mail question from ${who.name} about DMA`,
      // Each asker's own body: the same body from three accounts within an hour is held as spam.
      body: `The DMA engine of ${who.name} stalls after suspend.`,
      tags: 'kernel',
      intent: 'post',
    })
    expect(res.statusCode).toBe(303)
    return Number(/^\/threads\/(\d+)/.exec(res.headers.location ?? '')?.[1])
  }

  const reply = async (who: Person, threadId: number, body: string) => {
    await who.agent.get(`/threads/${threadId}`)
    expect((await who.agent.post(`/threads/${threadId}/replies`, { body })).statusCode).toBe(303)
  }

  /** Runs what is due now, then what is due after `minutes` more. */
  const runJobs = async (minutes = 0) => {
    await app.jobs.drain()
    offset += minutes * MINUTE
    await app.jobs.drain()
  }

  const mailsTo = (who: Person) =>
    smtp.received.filter((m) => m.to && 'text' in m.to && m.to.text === `${who.name}@example.test`)

  beforeAll(async () => {
    smtp = await startSmtp()
    app = await buildTestApp(
      t.handle,
      { SMTP_URL: smtp.url, PUBLIC_URL: 'https://forum.quorum.test' },
      { jobs: { runner: { now: () => Date.now() + offset } } },
    )
    await make.tag(t.db, 'kernel')
  })
  afterAll(async () => {
    await app?.close()
    await smtp?.close()
  })

  it('sends one message for the replies of a five-minute window, with RFC 8058 headers', async () => {
    const a = await person('mailasker')
    const threadId = await ask(a)
    await reply(await person('first'), threadId, 'Check the IOMMU mappings.')
    await reply(await person('second'), threadId, 'Reload the firmware on resume.')
    await app.jobs.drain()
    expect(mailsTo(a)).toHaveLength(0) // the window is still open
    await runJobs(6)
    const mails = mailsTo(a)
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.subject).toBe(`New on Quorum: Mail question from ${a.name} about DMA`)
    expect(mail.text).toMatch(/first_\d+ replied to your question; second_\d+ replied/)
    const unsubscribe = header(mail, 'list-unsubscribe')
    expect(unsubscribe).toMatch(/^<https:\/\/forum\.quorum\.test\/unsubscribe\?u=\d+&t=[\w-]+>$/)
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    expect(mail.text).toContain('https://forum.quorum.test/threads/')
  })

  it('mails nothing that was read on the site first', async () => {
    const a = await person('reader')
    const threadId = await ask(a)
    await reply(await person('quick'), threadId, 'Read this before the mail goes.')
    await app.jobs.drain()
    await a.agent.get('/notifications')
    await runJobs(6)
    expect(mailsTo(a)).toHaveLength(0)
  })

  it('digests daily or weekly, and sends nothing for never', async () => {
    const daily = await person('daily')
    const never = await person('never')
    await daily.agent.get('/settings/notifications')
    expect((await daily.agent.post('/settings/notifications', { reply: 'daily' })).statusCode).toBe(
      200,
    )
    await never.agent.get('/settings/notifications')
    expect((await never.agent.post('/settings/notifications', { reply: 'never' })).statusCode).toBe(
      200,
    )
    const dailyThread = await ask(daily)
    const neverThread = await ask(never)
    const helper = await person('digester')
    await reply(helper, dailyThread, 'A reply for the digest.')
    await reply(helper, neverThread, 'A reply nobody mails.')
    await runJobs(6)
    expect(mailsTo(daily)).toHaveLength(0)
    await runJobs(2 * 24 * 60)
    const digests = mailsTo(daily)
    expect(digests).toHaveLength(1)
    expect(digests[0]!.subject).toBe('Your daily digest from Quorum')
    expect(digests[0]!.text).toContain(`${helper.name} replied to your question`)
    expect(mailsTo(never)).toHaveLength(0)
  })

  it("a tag watcher's daily digest: the new threads and the tag's busy threads", async () => {
    offset = 0 // the posts' times and the jobs' clock agree again (the busy threads are "since a day")
    const fan = await person('tagdigest')
    const kernel = (
      await t.db
        .selectFrom('tags')
        .select('id')
        .where('slug', '=', 'kernel')
        .executeTakeFirstOrThrow()
    ).id
    await fan.agent.get('/settings/watching')
    await fan.agent.post('/watch', {
      target: 'tag',
      id: String(kernel),
      level: 'watching',
      next: '/',
    })
    const asker = await person('tagasker')
    await ask(asker)
    await runJobs(6)
    expect(mailsTo(fan)).toHaveLength(0) // new threads in watched tags come daily by default
    await runJobs(2 * 24 * 60)
    const [digest] = mailsTo(fan)
    expect(digest?.subject).toBe('Your daily digest from Quorum')
    expect(digest?.text).toContain(`${asker.name} asked a question in a tag you watch`)
    // The tag's busiest threads of the day (by replies; other tests' threads may rank first).
    expect(digest?.text).toMatch(/Busy in the tags you watch: Mail question from \w+ about DMA/)
  })

  it('unsubscribes in one click, signed out, with the signed link only', async () => {
    const a = await person('leaver')
    const threadId = await ask(a)
    await reply(await person('poker'), threadId, 'A reply that mails.')
    await runJobs(6)
    const mail = mailsTo(a)[0]!
    const link = /<https:\/\/forum\.quorum\.test(\/unsubscribe\?[^>]+)>/.exec(
      header(mail, 'list-unsubscribe'),
    )![1]!
    const stranger = new Agent(app, '10.7.7.7')
    const page = await stranger.get(link)
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toBe('private, no-store')
    expect(parseHtml(page.body).querySelector('form[action="/unsubscribe"] button')).not.toBeNull()
    // A forged signature changes nothing.
    const forged = link.replace(/t=[\w-]+/, 't=forged')
    expect((await stranger.post(forged, { 'List-Unsubscribe': 'One-Click' })).statusCode).toBe(422)
    expect(
      await t.db
        .selectFrom('notification_email_prefs')
        .select('kind')
        .where('user_id', '=', a.id)
        .execute(),
    ).toHaveLength(0)
    // RFC 8058: a POST to the link with the one-click body, no cookie, no form token.
    const res = await app.inject({
      method: 'POST',
      url: link,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.statusCode).toBe(200)
    const prefs = await t.db
      .selectFrom('notification_email_prefs')
      .select('mode')
      .where('user_id', '=', a.id)
      .execute()
    expect(prefs.length).toBeGreaterThan(0)
    expect(new Set(prefs.map((p) => p.mode))).toEqual(new Set(['never']))
    await reply(await person('after'), threadId, 'Nobody is mailed now.')
    await runJobs(6)
    expect(mailsTo(a)).toHaveLength(1)
  })

  it('settings: needs the form token, names a bad field, shows in the settings navigation', async () => {
    const a = await person('settings')
    const page = parseHtml((await a.agent.get('/settings/notifications')).body)
    expect(page.querySelector('a[aria-current="page"]')?.textContent).toBe('Notification mail')
    expect(page.querySelector<HTMLSelectElement>('#email-reply')?.value).toBe('immediately')
    expect(
      (await a.agent.post('/settings/notifications', { reply: 'never' }, { csrf: null }))
        .statusCode,
    ).toBe(403)
    const bad = await a.agent.post('/settings/notifications', { reply: 'hourly', mention: 'never' })
    expect(bad.statusCode).toBe(422)
    const doc = parseHtml(bad.body)
    expect(doc.querySelector('#email-reply-error')?.textContent).toBe(
      'Choose immediately, daily, weekly or never.',
    )
    expect(doc.querySelector<HTMLSelectElement>('#email-mention')?.value).toBe('never')
  })

  it('a tag tracker told of nothing still gets the busy threads; nothing busy, no message', async () => {
    const tagId = async (slug: string) =>
      (
        await t.db
          .selectFrom('tags')
          .select('id')
          .where('slug', '=', slug)
          .executeTakeFirstOrThrow()
      ).id
    await make.tag(t.db, 'quietusb')
    const tracker = await person('quiettracker')
    const idle = await person('idletracker')
    await tracker.agent.get('/settings/watching')
    await tracker.agent.post('/watch', {
      target: 'tag',
      id: String(await tagId('kernel')),
      level: 'tracking',
    })
    await idle.agent.get('/settings/watching')
    await idle.agent.post('/watch', {
      target: 'tag',
      id: String(await tagId('quietusb')),
      level: 'tracking',
    })
    // The scheduler runs at the next midnight; the day after it is busy in the tracked tag.
    const now = Date.now() + offset
    const midnight = (Math.floor(now / DAY) + 1) * DAY
    await scheduleDigests(t.db, now)
    const title = `Busy thread ${tracker.name}: DMA stalls on resume`
    await make.thread(t.db, { title, tags: ['kernel'], created_at: midnight + 60 * MINUTE })
    offset += midnight - now + MINUTE
    await app.jobs.drain() // the scheduler: a digest job for each tag tracker, due at the day's end
    expect(mailsTo(tracker)).toHaveLength(0)
    await runJobs(24 * 60)
    expect(
      await t.db
        .selectFrom('notifications')
        .where('user_id', '=', tracker.id)
        .select('id')
        .execute(),
    ).toEqual([])
    const [digest, more] = mailsTo(tracker)
    expect(more).toBeUndefined()
    expect(digest?.subject).toBe('Your daily digest from Quorum')
    expect(digest?.text).toContain(`Busy in the tags you watch: ${title}`)
    expect(mailsTo(idle)).toHaveLength(0) // its tag was quiet: nothing to send
  })
})
