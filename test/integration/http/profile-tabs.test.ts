/**
 * Profiles with tabs (issue 26): /users/:name lists the person's threads, /users/:name/answers their
 * replies with the accepted ones marked, /users/:name/activity everything they wrote, newest first;
 * each paged, the counts linking to them, all plain links. And the generated avatars the pages show:
 * an SVG from the name, immutable under a versioned URL, served so it can run nothing.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent } from '../../support/agent.js'
import { account } from '../../support/accounts.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const HOUR = 3_600_000

describe.each(DIALECTS)('%s: profile tabs and avatars', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let visitor: Agent
  let acceptedReplyId: number

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    await account(t.db, 'tab_person', 'member')
    const now = Date.now()
    // Her question, then her answers to 22 threads (two pages), the newest of them accepted.
    await make.thread(t.db, {
      author: 'tab_person',
      title: 'Why does my kext leak mbufs on unload',
      body: 'The leak shows in `netstat -m` after every unload.',
      created_at: now - 100 * HOUR,
    })
    for (let i = 0; i < 22; i++)
      await make.thread(t.db, {
        title: `Someone else asks question number ${i} here`,
        created_at: now - (90 - i) * HOUR,
        replies: [
          {
            author: 'tab_person',
            created_at: now - (90 - i) * HOUR + 60_000,
            body: `Answer number ${i}: call mbuf_freem on the chain.`,
          },
        ],
      })
    const newest = await t.db
      .selectFrom('posts')
      .innerJoin('users', 'users.id', 'posts.author_id')
      .select(['posts.id', 'posts.thread_id'])
      .where('users.username', '=', 'tab_person')
      .where('posts.kind', '=', 'reply')
      .orderBy('posts.created_at', 'desc')
      .executeTakeFirstOrThrow()
    acceptedReplyId = newest.id
    await t.db
      .updateTable('threads')
      .set({ accepted_post_id: newest.id })
      .where('id', '=', newest.thread_id)
      .execute()
    visitor = new Agent(app, '10.9.9.9')
  })
  afterAll(async () => app?.close())

  const open = async (path: string) => {
    const res = await visitor.get(path)
    expect(res.statusCode, path).toBe(200)
    return parseHtml(res.body)
  }

  it('links the tabs and the counts, marking the open tab', async () => {
    const doc = await open('/users/tab_person')
    const tabs = [...doc.querySelectorAll('nav.profile-tabs a')]
    expect(tabs.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Questions', '/users/tab_person'],
      ['Answers', '/users/tab_person/answers'],
      ['Activity', '/users/tab_person/activity'],
    ])
    expect(doc.querySelector('nav.profile-tabs a[aria-current="page"]')?.textContent).toBe(
      'Questions',
    )
    const counts = [...doc.querySelectorAll('.profile-count')].map((c) => [
      c.querySelector('dt')?.textContent,
      c.querySelector('dd a')?.getAttribute('href') ?? null,
    ])
    expect(counts).toEqual([
      ['Threads', '/users/tab_person'],
      ['Replies', '/users/tab_person/answers'],
      ['Boosts received', null],
      ['Accepted answers', '/users/tab_person/answers'],
    ])
    expect(doc.querySelector('.thread-table')?.textContent).toContain(
      'Why does my kext leak mbufs on unload',
    )
  })

  it('lists answers newest first, 20 a page, the accepted one marked and linked to the post', async () => {
    const first = await open('/users/tab_person/answers')
    expect(first.querySelector('[aria-current="page"]')?.textContent).toBe('Answers')
    const items = [...first.querySelectorAll('.profile-post')]
    expect(items).toHaveLength(20)
    expect(items[0]?.textContent).toContain('Answer number 21')
    expect(items[0]?.querySelector('.badge')?.textContent).toBe('✓ Accepted')
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toMatch(
      new RegExp(`^/threads/\\d+/[^#]+#post-${acceptedReplyId}$`),
    )
    expect(items.slice(1).filter((i) => i.querySelector('.badge') !== null)).toEqual([])
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(
      '/users/tab_person/answers?page=2',
    )
    const second = await open('/users/tab_person/answers?page=2')
    expect([...second.querySelectorAll('.profile-post')].map((i) => i.textContent)).toEqual([
      expect.stringContaining('Answer number 1:'),
      expect.stringContaining('Answer number 0:'),
    ])
    expect((await visitor.get('/users/tab_person/answers?page=3')).statusCode).toBe(404)
  })

  it('lists all activity newest first, the question last here', async () => {
    const doc = await open('/users/tab_person/activity?page=2')
    const items = [...doc.querySelectorAll('.profile-post')]
    expect(items).toHaveLength(3)
    expect(items.at(-1)?.textContent).toContain('Asked')
    expect(items.at(-1)?.textContent).toContain('Why does my kext leak mbufs on unload')
  })

  it('sends a name in another case to its own spelling, and nobody to a 404', async () => {
    const moved = await visitor.get('/users/TAB_PERSON/activity')
    expect(moved.statusCode).toBe(301)
    expect(moved.headers.location).toBe('/users/tab_person/activity')
    expect((await visitor.get('/users/nobody_here/answers')).statusCode).toBe(404)
  })

  it('shows small, lazy avatars with a size on thread pages and a large one on the profile', async () => {
    const profile = await open('/users/tab_person')
    const big = profile.querySelector('h1 img.avatar')
    expect(big?.getAttribute('src')).toBe('/avatars/v1/tab_person.svg')
    expect(big?.getAttribute('width')).toBe('64')
    const thread = await open(
      profile.querySelector('.thread-table a.thread-title')?.getAttribute('href') ?? '',
    )
    const small = thread.querySelector('.post-header img.avatar')
    expect(small?.getAttribute('src')).toBe('/avatars/v1/tab_person.svg')
    expect(small?.getAttribute('loading')).toBe('lazy')
    expect(small?.getAttribute('width')).toBe('24')
    expect(small?.getAttribute('height')).toBe('24')
    expect(small?.getAttribute('alt')).toBe('')
  })

  it('serves a generated avatar as an immutable SVG that can run nothing', async () => {
    const res = await visitor.get('/avatars/v1/tab_person.svg')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox")
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(res.body).toContain('>TP</text>')
    expect(res.body).not.toMatch(/<script|on\w+=|href=/i)
    const old = await visitor.get('/avatars/v0/tab_person.svg')
    expect(old.statusCode).toBe(301)
    expect(old.headers.location).toBe('/avatars/v1/tab_person.svg')
    expect((await visitor.get('/avatars/v1/%3Cscript%3E.svg')).statusCode).toBe(400)
    expect((await visitor.get('/avatars/v1/tab_person.png')).statusCode).toBe(400)
  })
})
