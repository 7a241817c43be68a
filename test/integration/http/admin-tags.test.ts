/**
 * /admin/tags: admins create, rename (old slugs answer 301, also after a second rename and for the
 * feed), describe, merge (threads move, a thread with both keeps one link, counts right) and delete
 * empty tags; every change is in the staff log, and the cached anonymous tag pages follow at once.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { listAuditEntries } from '../../../src/domain/audit-log/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

/** A hang guard for the PostgreSQL change feed (it hears a commit within milliseconds). */
const SOON = { timeout: 10_000, interval: 10 }

describe.each(DIALECTS)('%s: tags admin', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let admin: Agent
  let reader: Agent

  const tagRow = (slug: string) =>
    t.db
      .selectFrom('tags')
      .select(['id', 'slug', 'name', 'description', 'thread_count as threadCount'])
      .where('slug', '=', slug)
      .executeTakeFirst()

  /** The anonymous tag page once it shows `text` (the page cache must let go of the old one). */
  const untilShows = async (url: string, text: string) => {
    await vi.waitUntil(async () => (await reader.get(url)).body.includes(text), SOON)
  }

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
    admin = (await signedIn(app, t.db, 'tags_admin', 'admin')).agent
    reader = new Agent(app, '10.6.0.1')
  })
  afterAll(async () => app?.close())

  it('creates a tag, and names the field on a bad slug with the form refilled', async () => {
    await admin.get('/admin/tags')
    const bad = await admin.post('/admin/tags', {
      slug: 'Bad Slug!',
      name: 'Bad <b>name</b>',
      description: 'Kept as typed.',
    })
    expect(bad.statusCode).toBe(422)
    const doc = parseHtml(bad.body)
    expect(texts(doc, '#tag-slug ~ .field-error, .field-error').join(' ')).toMatch(/lower-case/)
    expect(doc.querySelector<HTMLInputElement>('#tag-slug')?.value).toBe('Bad Slug!')
    expect(doc.querySelector<HTMLInputElement>('#tag-name')?.value).toBe('Bad <b>name</b>')
    expect(doc.querySelector('#tag-description')?.textContent).toBe('Kept as typed.')
    expect(bad.body).not.toContain('<b>name</b>')

    const res = await admin.post('/admin/tags', {
      slug: 'usb',
      name: 'USB',
      description: 'Universal Serial Bus drivers.',
    })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/admin/tags/usb')
    expect(await tagRow('usb')).toMatchObject({ name: 'USB', threadCount: 0 })
    const again = await admin.post('/admin/tags', { slug: 'usb', name: 'Other', description: '' })
    expect(again.statusCode).toBe(422)
    expect(again.body).toContain('There is already a tag')
    const [entry] = await listAuditEntries(t.db, { action: 'tag.create' })
    expect(entry).toMatchObject({ targetLabel: 'usb', actor: { username: 'tags_admin' } })
  })

  it('renames: the old slug redirects 301 to the new one, through two renames, feed too', async () => {
    await make.tag(t.db, 'firewire', { name: 'FireWire' })
    await make.thread(t.db, { title: 'A FireWire question about isochronous', tags: ['firewire'] })
    await reader.get('/tags/firewire')
    await reader.get('/tags/firewire') // cached now

    await admin.get('/admin/tags/firewire')
    let res = await admin.post('/admin/tags/firewire/rename', {
      slug: 'ieee1394',
      name: 'IEEE 1394',
    })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/admin/tags/ieee1394')
    await vi.waitUntil(async () => (await reader.get('/tags/firewire')).statusCode === 301, SOON)
    const old = await reader.get('/tags/firewire?sortBy=newest')
    expect(old.headers.location).toBe('/tags/ieee1394?sortBy=newest')
    await untilShows('/tags/ieee1394', 'Posts under IEEE 1394 tag')

    await admin.get('/admin/tags/ieee1394')
    res = await admin.post('/admin/tags/ieee1394/rename', {
      slug: 'firewire-bus',
      name: 'FireWire bus',
    })
    expect(res.statusCode).toBe(303)
    for (const slug of ['firewire', 'ieee1394']) {
      const moved = await reader.get(`/tags/${slug}`)
      expect(moved.statusCode).toBe(301)
      expect(moved.headers.location).toBe('/tags/firewire-bus')
      const feed = await reader.get(`/tags/${slug}/feed`)
      expect(feed.statusCode).toBe(301)
      expect(feed.headers.location).toBe('/tags/firewire-bus/feed')
    }
    expect((await reader.get('/tags/firewire-bus')).statusCode).toBe(200)
    const adminPage = parseHtml((await admin.get('/admin/tags/firewire-bus')).body)
    expect(texts(adminPage, '.tag-old-slugs code')).toEqual(['firewire', 'ieee1394'])
    expect((await reader.get('/tags/never-was')).statusCode).toBe(404)

    // A taken slug is refused, with the form refilled and the field named.
    await admin.get('/admin/tags/firewire-bus')
    const taken = await admin.post('/admin/tags/firewire-bus/rename', { slug: 'kernel', name: 'X' })
    expect(taken.statusCode).toBe(422)
    const doc = parseHtml(taken.body)
    expect(doc.querySelector<HTMLInputElement>('#rename-slug')?.value).toBe('kernel')
    expect(texts(doc, '.field-error').join(' ')).toContain('merge this tag into it')

    const log = await listAuditEntries(t.db, { action: 'tag.rename' })
    expect(log.map((e) => e.targetLabel)).toEqual(['firewire-bus', 'ieee1394'])
    expect(log[1]).toMatchObject({ before: { slug: 'firewire' }, after: { slug: 'ieee1394' } })
  })

  it('describes a tag, and the cached tag page shows the new description', async () => {
    await untilShows('/tags/kernel', 'About kernel.')
    await admin.get('/admin/tags/kernel')
    const long = await admin.post('/admin/tags/kernel/describe', { description: 'x'.repeat(501) })
    expect(long.statusCode).toBe(422)
    expect(parseHtml(long.body).querySelector('#describe-description')?.textContent).toHaveLength(
      501,
    )
    const res = await admin.post('/admin/tags/kernel/describe', {
      description: 'Kernel <internals> & extensions.',
    })
    expect(res.statusCode).toBe(303)
    await untilShows('/tags/kernel', 'Kernel &lt;internals')
    const page = parseHtml((await reader.get('/tags/kernel')).body)
    expect(texts(page, '.tag-description')).toEqual(['Kernel <internals> & extensions.'])
    expect(page.querySelector('internals')).toBeNull()
  })

  it('merges a tag into another: threads move once, counts are right, the slug redirects', async () => {
    await make.tag(t.db, 'wifi', { name: 'Wi-Fi' })
    await make.tag(t.db, 'wireless', { name: 'Wireless' })
    const both = await make.thread(t.db, {
      title: 'Tagged both wifi and wireless here',
      tags: ['wifi', 'wireless'],
    })
    await make.thread(t.db, { title: 'Only tagged wifi in this thread', tags: ['wifi'] })
    await make.thread(t.db, { title: 'Only tagged wireless in this one', tags: ['wireless'] })
    const page = parseHtml((await admin.get('/admin/tags/wifi')).body)
    const suggested = [...page.querySelectorAll('#merge-targets option')].map((o) =>
      o.getAttribute('value'),
    )
    expect(suggested).toContain('wireless')
    expect(suggested).not.toContain('wifi')
    const self = await admin.post('/admin/tags/wifi/merge', { into: 'wifi' })
    expect(self.statusCode).toBe(422)
    expect(parseHtml(self.body).querySelector<HTMLInputElement>('#merge-into')?.value).toBe('wifi')
    const missing = await admin.post('/admin/tags/wifi/merge', { into: 'nope' })
    expect(missing.statusCode).toBe(422)
    expect(missing.body).toContain('There is no tag “nope”')

    const res = await admin.post('/admin/tags/wifi/merge', { into: 'wireless' })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/admin/tags/wireless')
    expect(await tagRow('wifi')).toBeUndefined()
    expect(await tagRow('wireless')).toMatchObject({ threadCount: 3 })
    const links = await t.db
      .selectFrom('thread_tags')
      .select('tag_id')
      .where('thread_id', '=', both)
      .execute()
    expect(links).toHaveLength(1)
    const moved = await reader.get('/tags/wifi')
    expect(moved.statusCode).toBe(301)
    expect(moved.headers.location).toBe('/tags/wireless')
    await untilShows('/tags/wireless', '3 Posts')
    const [entry] = await listAuditEntries(t.db, { action: 'tag.merge' })
    expect(entry).toMatchObject({ targetLabel: 'wifi → wireless', after: { threads: 3 } })
  })

  it('deletes only an empty tag; otherwise the form says how many threads it has', async () => {
    await make.tag(t.db, 'busy', { name: 'Busy' })
    await make.thread(t.db, { title: 'A thread that keeps busy tagged', tags: ['busy'] })
    await make.tag(t.db, 'empty', { name: 'Empty' })
    await admin.get('/admin/tags/busy')
    const refused = await admin.post('/admin/tags/busy/delete')
    expect(refused.statusCode).toBe(422)
    expect(texts(parseHtml(refused.body), '.field-error').join(' ')).toContain('is on 1 thread')
    expect(await tagRow('busy')).toBeDefined()
    const res = await admin.post('/admin/tags/empty/delete')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/admin/tags')
    expect(await tagRow('empty')).toBeUndefined()
    expect((await listAuditEntries(t.db, { action: 'tag.delete' }))[0]?.targetLabel).toBe('empty')
  })

  it('refuses tag changes without the CSRF token, and to anyone but admins', async () => {
    expect(
      (await admin.post('/admin/tags', { slug: 'nocsrf', name: 'N' }, { csrf: null })).statusCode,
    ).toBe(403)
    const { agent: mod } = await signedIn(app, t.db, 'tags_mod', 'moderator')
    expect((await mod.get('/admin/tags')).statusCode).toBe(403)
    await mod.get('/')
    expect((await mod.post('/admin/tags', { slug: 'bymod', name: 'By mod' })).statusCode).toBe(403)
    expect(await tagRow('bymod')).toBeUndefined()
    expect((await new Agent(app, '10.6.0.9').get('/admin/tags')).headers.location).toBe(
      '/login?next=%2Fadmin%2Ftags',
    )
  })
})
