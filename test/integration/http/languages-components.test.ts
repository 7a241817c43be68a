/**
 * The shared components in German (docs/i18n.md), through the real app on each database: a thread page
 * (post controls, comment and reply forms, similar threads) and a tag page (thread table, listing
 * controls, pagination) for a browser that asks for German, and the same pages unchanged in English.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rankDueThreads } from '../../../src/domain/signatures/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const GERMAN = { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' }
const PANIC = (cpu: number, caller: string, line: number) =>
  `panic(cpu ${cpu} caller 0xfffffe00${caller}): "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c:${line}`

describe.each(DIALECTS)('%s: components in German', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let thread: number
  let reader: Agent

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    thread = await make.thread(t.db, {
      title: 'Overlay file system panics in APFS locking',
      body: `Our stacking file system panics on write:\n\n\`\`\`\n${PANIC(4, '2c1f88a4', 435)}\n\`\`\``,
      replies: [{ author: 'helper', created_at: Date.now() - 1000, body: 'Use a separate lock.' }],
    })
    await make.thread(t.db, {
      title: 'Kernel panic with our encryption layer over APFS during backups',
      body: `Time Machine backups bring the Mac down:\n\n${PANIC(1, '18a0c3b0', 441)}\n\nWhat is recursive here?`,
    })
    // More threads than a page holds, so the tag page has a second page.
    for (let i = 0; i < 21; i += 1) await make.thread(t.db, { tags: ['kernel'] })
    // The factory writes rows directly: rank the similar threads the way the refresh job does.
    await rankDueThreads(t.db, { before: Date.now() + 1 })
    app = await buildTestApp(t.handle)
    reader = (await signedIn(app, t.db, 'leserin')).agent
  })
  afterAll(async () => app?.close())

  const lang = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1]

  it('shows a thread’s post controls, forms and similar threads in German', async () => {
    const res = await reader.get(`/threads/${thread}`, GERMAN)
    expect(res.statusCode).toBe(200)
    expect(lang(res.body)).toBe('de')
    const doc = parseHtml(res.body)
    const reply = doc.querySelector('article.post-reply')!
    expect(texts(reply, '[data-boost-label]')).toEqual(['Boosten'])
    expect(texts(reply, '[data-boost-count]')).toEqual(['0 Boosts'])
    expect(texts(reply, '.post-action-link')).toContain('Diesen Beitrag bei der Moderation Melden')
    expect(texts(reply, '.comment-composer summary')).toEqual(['Kommentar hinzufügen'])
    expect(texts(doc, 'h3[data-post-heading]')).toEqual(['Antwort von helper'])
    expect(texts(doc, 'label[for="reply-body"]')).toEqual(['Ihre Antwort'])
    expect(texts(doc, '#reply button[type="submit"]')).toEqual(['Antwort senden'])
    expect(texts(doc, '#reply-body-hint')[0]).toMatch(/^Markdown\. Fassen Sie Code, Logs .* KB;/)
    expect(texts(doc, '#similar-heading')).toEqual(['Ähnliche Threads'])
    expect(texts(doc, '.similar-facts')[0]).toMatch(/^0 Antworten/)
    // The anonymous post cache keeps one rendering per language.
    const anonymous = parseHtml(
      (await app.inject({ url: `/threads/${thread}`, headers: GERMAN })).body,
    )
    expect(texts(anonymous, '[data-boost-count]')[0]).toBe('▲ 0 Boosts')
  })

  it('shows a tag page’s table, listing controls and pagination in German', async () => {
    const res = await new Agent(app, '10.41.0.1').get('/tags/kernel', GERMAN)
    expect(lang(res.body)).toBe('de')
    const doc = parseHtml(res.body)
    expect(texts(doc, '.thread-table thead th')).toEqual([
      'Beitrag',
      'Antworten',
      'Boosts',
      'Aufrufe',
      'Aktivität ↓',
    ])
    expect(texts(doc, '.choice-label')).toEqual(['Anzeigen', 'Sortieren nach', 'Reihenfolge'])
    expect(texts(doc, '.segmented a')).toContain('Gelöst')
    const pagination = doc.querySelector('nav.pagination')!
    expect(pagination.getAttribute('aria-label')).toBe('Seitennavigation')
    expect(texts(pagination, 'a[rel="next"]')).toEqual(['Weiter →'])
    expect(pagination.querySelector('a[href$="page=2"]')?.getAttribute('aria-label')).toBe(
      'Seite 2',
    )
  })

  it('shows staff their panel in German', async () => {
    const { agent } = await signedIn(app, t.db, 'moderatorin', 'moderator')
    const doc = parseHtml((await agent.get(`/threads/${thread}`, GERMAN)).body)
    expect(texts(doc, '.staff-panel > summary')).toEqual(['Team'])
    expect(texts(doc, '.staff-panel h3')).toEqual([
      'Sperren',
      'Anheften',
      'Als Duplikat schließen',
      'In andere Tags verschieben',
      'In einen anderen Thread zusammenführen',
      'Löschen',
    ])
    expect(texts(doc, '.hide-composer summary')).toContain('Verbergen')
  })

  it('leaves the same pages in English for an English browser', async () => {
    const threadPage = parseHtml((await reader.get(`/threads/${thread}`)).body)
    expect(texts(threadPage, 'article.post-reply [data-boost-label]')).toEqual(['Boost'])
    expect(texts(threadPage, 'label[for="reply-body"]')).toEqual(['Your reply'])
    expect(texts(threadPage, '#similar-heading')).toEqual(['Similar threads'])
    expect(texts(threadPage, 'h3[data-post-heading]')).toEqual(['Reply by helper'])
    // Anonymous posts come from a per-language fragment cache: German ones never leak into English.
    const anonymous = parseHtml((await app.inject(`/threads/${thread}`)).body)
    expect(texts(anonymous, '[data-boost-count]')[0]).toBe('▲ 0 boosts')
    const tagPage = parseHtml((await new Agent(app, '10.41.0.2').get('/tags/kernel')).body)
    expect(texts(tagPage, '.thread-table thead th')[0]).toBe('Post')
    expect(texts(tagPage, '.choice-label')).toEqual(['Show', 'Sort by', 'Order'])
    expect(texts(tagPage, 'nav.pagination a[rel="next"]')).toEqual(['Next →'])
  })
})
