/**
 * What tracking adds and what a person's defaults change: "N new" on the tag page, home and
 * /settings/watching for the threads a signed-in person tracks or watches (from the read position their
 * last view of the thread recorded), never on anonymous pages; tracking tells of mentions and replies
 * to me only; and the "when I ask / when I reply" defaults of /settings/notifications.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/schema.js'
import { mentionSuggestLimiter } from '../../../src/domain/notifications/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

interface Person {
  agent: Agent
  id: number
  name: string
}

async function kindsOf(db: Db, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('kind')
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.kind)
}

async function levelOf(db: Db, userId: number, threadId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('thread_watches')
    .select('level')
    .where('user_id', '=', userId)
    .where('thread_id', '=', threadId)
    .executeTakeFirst()
  return row?.level
}

/** The "N new" badge of a thread's row on a list page, or null when it has none. */
function badgeOf(html: string, threadId: number): string | null {
  const doc = parseHtml(html)
  const link = doc.querySelector(`a[href^="/threads/${threadId}"]`)
  const row = link?.closest('tr, li')
  if (!row) throw new Error(`thread ${threadId} is not on the page`)
  return row.querySelector('.unread-count')?.textContent ?? null
}

describe.each(DIALECTS)('%s: tracking counts and watch defaults', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let people = 0

  const person = async (prefix: string): Promise<Person> => {
    const name = `${prefix}_${++people}`
    const { agent, id } = await signedIn(app, t.db, name)
    return { agent, id, name }
  }

  const ask = async (who: Person, tags = 'drivers') => {
    await who.agent.get('/ask')
    const res = await who.agent.postMultipart('/ask', {
      title: `Why does the ${who.name} controller drop packets under load?`,
      body: `Seen by ${who.name} on every boot since the last firmware update.`,
      tags,
      intent: 'post',
    })
    expect(res.statusCode).toBe(303)
    return Number(/^\/threads\/(\d+)/.exec(res.headers.location ?? '')?.[1])
  }

  const reply = async (who: Person, threadId: number, body?: string) => {
    await who.agent.get(`/threads/${threadId}`)
    const res = await who.agent.post(`/threads/${threadId}/replies`, {
      body: body ?? `Reply from ${who.name}: check the interrupt moderation settings.`,
    })
    expect(res.statusCode).toBe(303)
  }

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await make.tag(t.db, 'drivers')
  })
  afterAll(async () => app?.close())

  it('counts replies since the last view on tracked and watched threads, for their viewer only', async () => {
    const asker = await person('asker')
    const tracker = await person('tracker')
    const bystander = await person('bystander')
    const threadId = await ask(asker)
    await reply(tracker, threadId) // replying tracks it
    await tracker.agent.get(`/threads/${threadId}`) // the page after the reply: read up to here
    await asker.agent.get(`/threads/${threadId}`)
    await bystander.agent.get(`/threads/${threadId}`) // viewed, but normal: no count
    const later = await person('later')
    await reply(later, threadId, 'Which NIC firmware version is it?')
    await reply(later, threadId, 'Does it happen with GRO turned off?')
    await reply(later, threadId, `Late reply, cc @${tracker.name}.`)
    await app.jobs.drain()

    // Asker (watching) and tracker both see "3 new" on home, the tag page and /settings/watching.
    for (const who of [asker, tracker]) {
      expect(badgeOf((await who.agent.get('/')).body, threadId)).toBe('3 new')
      expect(badgeOf((await who.agent.get('/tags/drivers')).body, threadId)).toBe('3 new')
      expect(badgeOf((await who.agent.get('/settings/watching')).body, threadId)).toBe('3 new')
    }
    expect(badgeOf((await bystander.agent.get('/')).body, threadId)).toBeNull()
    // Anonymous pages carry no count and stay cacheable.
    const anon = await new Agent(app, '10.9.8.7').get('/tags/drivers')
    expect(anon.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect(badgeOf(anon.body, threadId)).toBeNull()

    // Viewing the thread reads it: the count is gone.
    await asker.agent.get(`/threads/${threadId}`)
    expect(badgeOf((await asker.agent.get('/')).body, threadId)).toBeNull()
    expect(badgeOf((await tracker.agent.get('/')).body, threadId)).toBe('3 new')

    // Viewing it again with nothing new writes nothing: the row keeps a time set here, as a marker.
    const position = () =>
      t.db
        .selectFrom('thread_reads')
        .select(['read_replies as replies', 'read_at as at'])
        .where('user_id', '=', asker.id)
        .where('thread_id', '=', threadId)
        .executeTakeFirstOrThrow()
    await t.db
      .updateTable('thread_reads')
      .set({ read_at: 1 })
      .where('user_id', '=', asker.id)
      .where('thread_id', '=', threadId)
      .execute()
    await asker.agent.get(`/threads/${threadId}`)
    expect(await position()).toEqual({ replies: 4, at: 1 })

    // Tracking tells of mentions (and replies to me) only, never of every post as watching does.
    expect(await kindsOf(t.db, tracker.id)).toEqual(['mention'])
    expect(await kindsOf(t.db, asker.id)).toEqual(['reply', 'reply', 'reply', 'reply'])
    expect(await kindsOf(t.db, bystander.id)).toEqual([])
  })

  it('counts threads tracked through their tag', async () => {
    const asker = await person('tagasker')
    const fan = await person('tagtracker')
    const tagId = (
      await t.db
        .selectFrom('tags')
        .select('id')
        .where('slug', '=', 'drivers')
        .executeTakeFirstOrThrow()
    ).id
    await fan.agent.get('/tags/drivers')
    await fan.agent.post('/watch', { target: 'tag', id: String(tagId), level: 'tracking' })
    const threadId = await ask(asker)
    await fan.agent.get(`/threads/${threadId}`)
    await reply(await person('tagreplier'), threadId)
    expect(badgeOf((await fan.agent.get('/tags/drivers')).body, threadId)).toBe('1 new')
    await fan.agent.get('/tags/drivers')
    await fan.agent.post('/watch', { target: 'thread', id: String(threadId), level: 'normal' })
    expect(badgeOf((await fan.agent.get('/tags/drivers')).body, threadId)).toBeNull()
  })

  it('approving a held reply sends the notifications its hold skipped, once', async () => {
    const asker = await person('heldasker')
    const watcher = await person('heldwatcher')
    const named = await person('heldnamed')
    const threadId = await ask(asker)
    await watcher.agent.get(`/threads/${threadId}`)
    await watcher.agent.post('/watch', {
      target: 'thread',
      id: String(threadId),
      level: 'watching',
    })
    const newbie = await signedIn(app, t.db, `heldnewbie_${++people}`, 'member', null, 'new')
    await newbie.agent.get(`/threads/${threadId}`)
    const res = await newbie.agent.post(`/threads/${threadId}/replies`, {
      body: `A first reply from a new account, cc @${named.name}.`,
    })
    expect(res.headers.location).toContain('held=approval')
    await app.jobs.drain()
    for (const who of [asker, watcher, named]) expect(await kindsOf(t.db, who.id)).toEqual([])

    const item = await t.db
      .selectFrom('review_items as r')
      .innerJoin('posts as p', 'p.id', 'r.post_id')
      .select('r.id')
      .where('p.thread_id', '=', threadId)
      .where('r.status', '=', 'pending')
      .executeTakeFirstOrThrow()
    const moderator = await signedIn(app, t.db, `heldmod_${++people}`, 'moderator')
    await moderator.agent.get('/review')
    expect((await moderator.agent.post(`/review/${item.id}/approve`)).statusCode).toBe(303)
    expect((await moderator.agent.post(`/review/${item.id}/approve`)).statusCode).toBe(409)
    await app.jobs.drain()
    await app.jobs.drain()
    expect(await kindsOf(t.db, asker.id)).toEqual(['reply'])
    expect(await kindsOf(t.db, watcher.id)).toEqual(['watched-post'])
    expect(await kindsOf(t.db, named.id)).toEqual(['mention'])
    expect(await kindsOf(t.db, newbie.id)).toEqual(['post-approved'])
  })

  it('merging replies into another thread moves their notifications and watchers there', async () => {
    const asker = await person('mergeasker')
    const helper = await person('mergehelper')
    const other = await person('mergeother')
    const source = await ask(asker)
    await reply(helper, source, 'Merged reply: the firmware needs the quirk flag.')
    const target = await ask(other)
    await app.jobs.drain()
    const moderator = await signedIn(app, t.db, `mergemod_${++people}`, 'moderator')
    await moderator.agent.get(`/threads/${source}`)
    const res = await moderator.agent.post(`/threads/${source}/staff/merge`, {
      target: String(target),
    })
    expect(res.statusCode).toBe(303)
    const told = await t.db
      .selectFrom('notifications')
      .select(['kind', 'thread_id'])
      .where('user_id', '=', asker.id)
      .execute()
    expect(told).toEqual([{ kind: 'reply', thread_id: target }])
    expect(await levelOf(t.db, helper.id, target)).toBe('tracking')
    expect(await levelOf(t.db, asker.id, target)).toBe('watching')
    expect(await levelOf(t.db, other.id, target)).toBe('watching')
    const list = parseHtml((await asker.agent.get('/notifications')).body)
    expect(list.querySelector('.notification a')?.getAttribute('href')).toMatch(
      new RegExp(`^/threads/${target}#post-`),
    )
  })

  it('uses the person’s own defaults for asking and replying', async () => {
    const p = await person('chooser')
    const other = await person('otherasker')
    const page = parseHtml((await p.agent.get('/settings/notifications')).body)
    const form = page.querySelector('form[action="/settings/watch-defaults"]')
    expect(form?.querySelector('input[name="_csrf"]')).not.toBeNull()
    expect(form?.querySelector<HTMLSelectElement>('#watch-on-ask')?.value).toBe('watching')
    expect(form?.querySelector<HTMLSelectElement>('#watch-on-reply')?.value).toBe('tracking')

    const saved = await p.agent.post('/settings/watch-defaults', {
      on_ask: 'tracking',
      on_reply: 'normal',
    })
    expect(saved.statusCode).toBe(200)
    const after = parseHtml(saved.body)
    expect(after.querySelector('[role="status"]')?.textContent).toContain('Saved')
    expect(after.querySelector<HTMLSelectElement>('#watch-on-ask')?.value).toBe('tracking')

    const mine = await ask(p)
    expect(await levelOf(t.db, p.id, mine)).toBe('tracking')
    const theirs = await ask(other)
    await reply(p, theirs)
    expect(await levelOf(t.db, p.id, theirs)).toBeUndefined() // normal: no row

    // A level the person chose for a thread stays whatever the default.
    await p.agent.post('/settings/watch-defaults', { on_ask: 'watching', on_reply: 'watching' })
    await p.agent.get(`/threads/${theirs}`)
    await p.agent.post('/watch', { target: 'thread', id: String(theirs), level: 'muted' })
    await reply(p, theirs, 'A second reply from the chooser, with more detail.')
    expect(await levelOf(t.db, p.id, theirs)).toBe('muted')

    // Bad input: 422, the field named, the form filled in; and the CSRF token is required.
    await p.agent.get('/settings/notifications')
    const bad = await p.agent.post('/settings/watch-defaults', {
      on_ask: 'muted',
      on_reply: 'tracking',
    })
    expect(bad.statusCode).toBe(422)
    const badDoc = parseHtml(bad.body)
    expect(badDoc.querySelector('#watch-on-ask-error')?.textContent).toBe(
      'Choose watching, tracking or normal.',
    )
    expect(badDoc.querySelector<HTMLSelectElement>('#watch-on-reply')?.value).toBe('tracking')
    expect(
      (
        await p.agent.post(
          '/settings/watch-defaults',
          { on_ask: 'normal', on_reply: 'normal' },
          { csrf: null },
        )
      ).statusCode,
    ).toBe(403)
    const stored = await t.db
      .selectFrom('watch_defaults')
      .select(['on_ask', 'on_reply'])
      .where('user_id', '=', p.id)
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ on_ask: 'watching', on_reply: 'watching' })
    const anon = new Agent(app, '10.9.8.6')
    await anon.get('/login')
    expect(
      (await anon.post('/settings/watch-defaults', { on_ask: 'normal', on_reply: 'normal' }))
        .statusCode,
    ).toBe(403)
  })
})

describe.each(DIALECTS)('%s: @mention autocomplete endpoint', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  it('offers at most 8 names by prefix, to signed-in people only, names without addresses', async () => {
    const names0 = [...Array.from({ length: 10 }, (_, i) => `Quill_${i}`), 'quillsmith', 'quxa_b']
    await t.db
      .insertInto('users')
      .values(
        names0.map((username) => ({
          username,
          username_key: username.toLowerCase(),
          email: `${username}@example.test`,
          email_key: `${username.toLowerCase()}@example.test`,
          password_hash: null,
          role: 'member' as const,
          title: null,
          created_at: Date.now(),
          deleted_at: null,
          email_verified_at: null,
          silenced_until: null,
          silence_reason: null,
          suspended_until: null,
          suspend_reason: null,
        })),
      )
      .execute()
    const { agent, id } = await signedIn(app, t.db, 'mention_reader')
    mentionSuggestLimiter.reset(`user:${id}`)
    const json = { accept: 'application/json' }
    const res = await agent.get('/mentions/suggest?q=QUILL', json)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('private, no-store')
    const names = (JSON.parse(res.body) as { users: { username: string }[] }).users.map(
      (u) => u.username,
    )
    expect(names).toEqual([
      'Quill_0',
      'Quill_1',
      'Quill_2',
      'Quill_3',
      'Quill_4',
      'Quill_5',
      'Quill_6',
      'Quill_7',
    ])
    expect(res.body).not.toContain('@example')
    // "_" matches itself only, not any one character; nonsense matches nobody.
    const underscore = JSON.parse((await agent.get('/mentions/suggest?q=quill_', json)).body)
    expect(underscore.users).toHaveLength(8)
    const exact = JSON.parse((await agent.get('/mentions/suggest?q=quxa_', json)).body)
    expect(exact.users).toEqual([{ username: 'quxa_b' }])
    const none = JSON.parse((await agent.get('/mentions/suggest?q=quills%25', json)).body)
    expect(none.users).toEqual([])
    const smith = JSON.parse((await agent.get('/mentions/suggest?q=quills', json)).body)
    expect(smith.users).toEqual([{ username: 'quillsmith' }])

    const anon = await new Agent(app, '10.9.8.5').get('/mentions/suggest?q=quill', json)
    expect(anon.statusCode).toBe(403)
    expect(anon.body).not.toContain('Quill_0')
  })

  it('limits lookups per person: 429 with Retry-After past 60 a minute', async () => {
    const { agent, id } = await signedIn(app, t.db, 'mention_flooder')
    mentionSuggestLimiter.reset(`user:${id}`) // one process, two databases: the same ids
    const json = { accept: 'application/json' }
    const statuses = []
    for (let i = 0; i < 61; i++)
      statuses.push((await agent.get(`/mentions/suggest?q=z${i}`, json)).statusCode)
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true)
    const held = await agent.get('/mentions/suggest?q=zz', json)
    expect(held.statusCode).toBe(429)
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0)
  })
})
