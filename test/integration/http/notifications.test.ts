/**
 * Notifications and watching through the pages: every kind, written by the notify job after the
 * commit (nothing before `app.jobs.drain()`), the watch levels and their defaults, the bell, the list
 * (grouped, read on visit, mark all read with its CSRF token), and muted tags leaving home.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/schema.js'
import { notifyActivity } from '../../../src/domain/notifications/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
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

describe.each(DIALECTS)('%s: notifications and watching', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let people = 0

  const person = async (prefix: string): Promise<Person> => {
    const name = `${prefix}_${++people}`
    const { agent, id } = await signedIn(app, t.db, name)
    return { agent, id, name }
  }

  // Each asker's body is their own: the same body from three accounts within an hour is held as spam.
  const ask = async (who: Person, given?: string, tags = 'kernel') => {
    const body = given ?? `Why does the driver of ${who.name} hang on resume?`
    await who.agent.get('/ask')
    const res = await who.agent.postMultipart('/ask', {
      title: `A question from ${who.name} about resume hangs`,
      body,
      tags,
      intent: 'post',
    })
    expect(res.statusCode).toBe(303)
    const id = Number(/^\/threads\/(\d+)/.exec(res.headers.location ?? '')?.[1])
    expect(id).toBeGreaterThan(0)
    return id
  }

  const reply = async (who: Person, threadId: number, body = 'Try turning off ASPM.') => {
    await who.agent.get(`/threads/${threadId}`)
    const res = await who.agent.post(`/threads/${threadId}/replies`, { body })
    expect(res.statusCode).toBe(303)
    return Number(/#post-(\d+)$/.exec(res.headers.location ?? '')?.[1])
  }

  const watch = async (who: Person, target: 'thread' | 'tag', id: number, level: string) => {
    await who.agent.get('/settings/watching')
    const res = await who.agent.post('/watch', { target, id: String(id), level, next: '/' })
    expect(res.statusCode).toBe(303)
  }

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await make.tag(t.db, 'kernel')
    await make.tag(t.db, 'usb')
  })
  afterAll(async () => app?.close())

  it('tells the asker of a reply after the commit, with the bell and the list', async () => {
    const a = await person('asker')
    const b = await person('helper')
    const threadId = await ask(a)
    const postId = await reply(b, threadId)
    expect(await kindsOf(t.db, a.id)).toEqual([]) // the job has not run: nothing in the request
    await app.jobs.drain()
    expect(await kindsOf(t.db, a.id)).toEqual(['reply'])

    const home = parseHtml((await a.agent.get('/')).body)
    expect(home.querySelector('[data-bell-count]')?.textContent).toBe('1')
    expect(home.querySelector('.notification-bell')?.getAttribute('aria-label')).toBe(
      'Notifications, 1 unread',
    )
    // Phones fold the bell behind Menu; the button shows the count (to the eye: the bell says it).
    const menuCount = home.querySelector('.site-menu-button [data-menu-count]')
    expect(menuCount?.textContent).toBe('1')
    expect(menuCount?.hasAttribute('hidden')).toBe(false)
    expect(menuCount?.getAttribute('aria-hidden')).toBe('true')

    const list = parseHtml((await a.agent.get('/notifications')).body)
    expect(texts(list, '.notification-group h2')).toEqual([
      `A question from ${a.name} about resume hangs`,
    ])
    expect(texts(list, '.notification a')).toEqual([`${b.name} replied to your question`])
    expect(list.querySelector('.notification a')?.getAttribute('href')).toBe(
      `/threads/${threadId}#post-${postId}`,
    )
    expect(list.querySelectorAll('.notification.is-unread')).toHaveLength(1)
    // The list read it: the bell of that very page already counts none.
    expect(list.querySelector('[data-bell-count]')?.hasAttribute('hidden')).toBe(true)
    expect(list.querySelector('[data-menu-count]')?.hasAttribute('hidden')).toBe(true)
    // Visiting read it: the bell is back to none, the list shows it as read.
    const again = parseHtml((await a.agent.get('/notifications')).body)
    expect(again.querySelectorAll('.notification.is-unread')).toHaveLength(0)
    expect(again.querySelector('[data-bell-count]')?.hasAttribute('hidden')).toBe(true)
    // The replier hears nothing of their own reply.
    expect(await kindsOf(t.db, b.id)).toEqual([])
  })

  it('never shows the bell to anonymous readers, whose pages stay cacheable', async () => {
    const a = await person('cache')
    const threadId = await ask(a)
    const anon = new Agent(app, '10.9.9.9')
    const res = await anon.get(`/threads/${threadId}`)
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    const doc = parseHtml(res.body)
    expect(doc.querySelector('.notification-bell')).toBeNull()
    expect(doc.querySelector('form[action="/watch"]')).toBeNull()
    const signedInPage = parseHtml((await a.agent.get(`/threads/${threadId}`)).body)
    expect(
      signedInPage.querySelector<HTMLSelectElement>('form[action="/watch"] select')?.value,
    ).toBe('watching') // asking watches
  })

  it('comments, mentions (not in code), accepts, recommendations and edits by others', async () => {
    const a = await person('owner')
    const b = await person('answerer')
    const c = await person('named')
    const d = await person('coded')
    const staff = await signedIn(app, t.db, `staff_${++people}`, 'moderator')
    const threadId = await ask(a)
    const replyId = await reply(b, threadId, `Ask @${c.name} too; not \`@${d.name}\`.`)
    await a.agent.get(`/threads/${threadId}`)
    expect(
      (await a.agent.post(`/posts/${replyId}/comments`, { body: 'Which kernel version?' }))
        .statusCode,
    ).toBe(303)
    expect((await a.agent.post(`/posts/${replyId}/accept`, { state: 'on' })).statusCode).toBe(303)
    await staff.agent.get(`/threads/${threadId}`)
    expect(
      (await staff.agent.post(`/posts/${replyId}/recommend`, { state: 'on' })).statusCode,
    ).toBe(303)
    expect(
      (await staff.agent.post(`/posts/${replyId}/edit`, { body: 'Try turning off ASPM (edited).' }))
        .statusCode,
    ).toBe(303)
    await app.jobs.drain()
    expect(await kindsOf(t.db, c.id)).toEqual(['mention'])
    expect(await kindsOf(t.db, d.id)).toEqual([])
    expect((await kindsOf(t.db, b.id)).sort()).toEqual(
      ['accepted', 'comment', 'edited', 'recommended'].sort(),
    )
    const list = texts(parseHtml((await b.agent.get('/notifications')).body), '.notification a')
    expect(list).toContain(`${a.name} accepted your answer`)
    expect(list).toContain(`${a.name} commented on your reply`)
  })

  it('notifies at most ten mentions of one post', async () => {
    const a = await person('crowd')
    const named = []
    for (let i = 0; i < 12; i++) named.push(await person('m'))
    await ask(a, `Paging ${named.map((p) => `@${p.name}`).join(' ')} about this.`)
    await app.jobs.drain()
    const heard = []
    for (const p of named) heard.push((await kindsOf(t.db, p.id)).length)
    expect(heard).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
  })

  it('groups boosts of one post: "3 people boosted your post"', async () => {
    const a = await person('boosted')
    const threadId = await ask(a)
    const questionId = (
      await t.db
        .selectFrom('posts')
        .select('id')
        .where('thread_id', '=', threadId)
        .executeTakeFirstOrThrow()
    ).id
    for (let i = 0; i < 3; i++) {
      const fan = await person('fan')
      await fan.agent.get(`/threads/${threadId}`)
      expect((await fan.agent.post(`/posts/${questionId}/boost`, { state: 'on' })).statusCode).toBe(
        303,
      )
      await app.jobs.drain()
    }
    expect(await kindsOf(t.db, a.id)).toEqual(['boost'])
    const doc = parseHtml((await a.agent.get('/notifications')).body)
    expect(texts(doc, '.notification a')).toEqual(['3 people boosted your post'])
  })

  it('watch levels: watching hears every post, normal only replies to them, muted nothing', async () => {
    const a = await person('levels')
    const watcher = await person('watcher')
    const normal = await person('normal')
    const muter = await person('muter')
    const threadId = await ask(a)
    await watch(watcher, 'thread', threadId, 'watching')
    await reply(normal, threadId, 'First reply.')
    await reply(muter, threadId, `Second reply, cc @${normal.name}.`)
    await app.jobs.drain() // the job decides by the levels when it runs
    await watch(a, 'thread', threadId, 'muted')
    await watch(normal, 'thread', threadId, 'muted')
    await reply(watcher, threadId, `Third reply, @${normal.name}.`)
    await app.jobs.drain()
    expect(await kindsOf(t.db, watcher.id)).toEqual(['watched-post', 'watched-post'])
    // The asker heard the two replies before muting, not the third; a muted mention is silent too.
    expect(await kindsOf(t.db, a.id)).toEqual(['reply', 'reply'])
    // Replying tracked the thread for `normal`, who heard the mention of the second reply only.
    expect(await kindsOf(t.db, normal.id)).toEqual(['mention'])
    const settings = parseHtml((await watcher.agent.get('/settings/watching')).body)
    expect(settings.querySelector('a[aria-current="page"]')?.textContent).toBe('Watching')
    expect(texts(settings, '.watch-item a')).toContain(
      `A question from ${a.name} about resume hangs`,
    )
  })

  it('watching a tag hears its new threads; muting it takes them off home', async () => {
    const fan = await person('tagfan')
    const hater = await person('taghater')
    const a = await person('tagasker')
    const usb = (
      await t.db.selectFrom('tags').select('id').where('slug', '=', 'usb').executeTakeFirstOrThrow()
    ).id
    await watch(fan, 'tag', usb, 'watching')
    await watch(hater, 'tag', usb, 'muted')
    const tagPage = parseHtml((await fan.agent.get('/tags/usb')).body)
    expect(tagPage.querySelector<HTMLSelectElement>('form[action="/watch"] select')?.value).toBe(
      'watching',
    )
    const threadId = await ask(a, 'My hub resets.', 'usb')
    await app.jobs.drain()
    expect(await kindsOf(t.db, fan.id)).toEqual(['new-thread'])
    expect(await kindsOf(t.db, hater.id)).toEqual([])
    const link = `a[href^="/threads/${threadId}/"]`
    expect(parseHtml((await fan.agent.get('/')).body).querySelector(link)).not.toBeNull()
    expect(parseHtml((await hater.agent.get('/')).body).querySelector(link)).toBeNull()
  })

  it('refuses a watch or mark-all-read without the CSRF token, and anonymous ones', async () => {
    const a = await person('csrf')
    const threadId = await ask(a)
    await a.agent.get('/notifications')
    const noToken = { csrf: null }
    expect((await a.agent.post('/notifications/read-all', {}, noToken)).statusCode).toBe(403)
    expect(
      (
        await a.agent.post(
          '/watch',
          { target: 'thread', id: String(threadId), level: 'muted' },
          noToken,
        )
      ).statusCode,
    ).toBe(403)
    expect((await a.agent.post('/notifications/read-all')).statusCode).toBe(303)
    const bad = await a.agent.post('/watch', {
      target: 'thread',
      id: String(threadId),
      level: 'loud',
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.body).toContain('Choose watching, tracking, normal or muted.')
    const anon = new Agent(app, '10.9.9.8')
    expect((await anon.get('/notifications')).statusCode).toBe(303)
    expect((await anon.get('/settings/watching')).statusCode).toBe(303)
  })

  it('marks all read and pages the list', async () => {
    const a = await person('many')
    const threadId = await ask(a)
    for (let i = 0; i < 22; i++) {
      const b = await person('r')
      await reply(b, threadId, `Reply number ${i + 1}.`)
    }
    await app.jobs.drain()
    const first = parseHtml((await a.agent.get('/')).body)
    expect(first.querySelector('[data-bell-count]')?.textContent).toBe('22')
    await a.agent.get('/notifications?page=2')
    const afterPage2 = parseHtml((await a.agent.get('/')).body)
    expect(afterPage2.querySelector('[data-bell-count]')?.textContent).toBe('20')
    expect((await a.agent.post('/notifications/read-all')).statusCode).toBe(303)
    const after = parseHtml((await a.agent.get('/')).body)
    expect(after.querySelector('[data-bell-count]')?.hasAttribute('hidden')).toBe(true)
    expect((await a.agent.get('/notifications?page=3')).statusCode).toBe(404)
  })

  it('a notify job that runs twice notifies nobody twice', async () => {
    const a = await person('twice')
    const b = await person('twicehelper')
    const threadId = await ask(a)
    const postId = await reply(b, threadId, `Hello @${a.name}.`)
    await app.jobs.drain()
    const event = { type: 'post.created' as const, postId, mentions: [a.name] }
    // As after a crash between its work and its record: the same job again.
    expect(await notifyActivity(t.db, event)).toEqual([])
    expect(await kindsOf(t.db, a.id)).toEqual(['mention'])
    const boost = { type: 'post.boosted' as const, postId, byId: a.id, at: Date.now() }
    await a.agent.get(`/threads/${threadId}`)
    await a.agent.post(`/posts/${postId}/boost`, { state: 'on' })
    await app.jobs.drain()
    expect(await notifyActivity(t.db, boost)).toEqual([])
    const rows = await t.db
      .selectFrom('notifications')
      .select(['kind', 'actor_count'])
      .where('user_id', '=', b.id)
      .execute()
    expect(rows).toEqual([{ kind: 'boost', actor_count: 1 }])
  })
})
