/**
 * Choosing the interface language (docs/i18n.md): Accept-Language, the footer's links (a cookie), the
 * account's setting; the page cache keeps one page per language; responses say which language they
 * are in and that they vary by it.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: interface languages', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    await make.thread(t.db, { title: 'Why does the interrupt handler run twice', tags: ['kernel'] })
  })
  afterAll(async () => app?.close())

  const skipLink = (html: string) => parseHtml(html).querySelector('.skip-link')?.textContent
  const lang = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1]

  it('speaks English by default and German to a browser that asks for it', async () => {
    const visitor = new Agent(app, '10.40.0.1')
    const en = await visitor.get('/tags/kernel')
    expect(lang(en.body)).toBe('en')
    expect(skipLink(en.body)).toBe('Skip to content')
    expect(en.headers['content-language']).toBe('en')
    const de = await visitor.get('/tags/kernel', { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' })
    expect(lang(de.body)).toBe('de')
    expect(skipLink(de.body)).toBe('Zum Inhalt springen')
    expect(de.headers['content-language']).toBe('de')
    expect(String(de.headers.vary)).toMatch(/Accept-Language/)
  })

  it('caches one page per language', async () => {
    const visitor = new Agent(app, '10.40.0.2')
    // Each language's page is kept from its second rendering on (page-store.ts).
    for (let i = 0; i < 2; i++) {
      await visitor.get('/tags/kernel?cache=1')
      await visitor.get('/tags/kernel?cache=1', { 'accept-language': 'de' })
    }
    const en = await visitor.get('/tags/kernel?cache=1')
    const de = await visitor.get('/tags/kernel?cache=1', { 'accept-language': 'de' })
    expect(en.headers['x-page-cache']).toBe('hit')
    expect(de.headers['x-page-cache']).toBe('hit')
    expect(lang(en.body)).toBe('en')
    expect(lang(de.body)).toBe('de')
  })

  it('remembers the footer’s choice in a cookie and returns to the page', async () => {
    const visitor = new Agent(app, '10.40.0.3')
    const page = await visitor.get('/tags/kernel?page=1')
    const link = parseHtml(page.body).querySelector<HTMLAnchorElement>(
      '.language-links a[lang="de"]',
    )
    expect(link?.getAttribute('href')).toBe('/language/de?next=%2Ftags%2Fkernel%3Fpage%3D1')
    const chosen = await visitor.get(link!.getAttribute('href')!)
    expect(chosen.statusCode).toBe(303)
    expect(chosen.headers.location).toBe('/tags/kernel?page=1')
    expect(visitor.cookies.get('lang')).toBe('de')
    // The cookie outweighs the browser's own preference.
    const after = await visitor.get('/tags/kernel?page=1', { 'accept-language': 'en' })
    expect(lang(after.body)).toBe('de')
    expect(parseHtml(after.body).querySelector('.language-links [aria-current]')?.textContent).toBe(
      'Deutsch',
    )
  })

  it('refuses an unknown language and a link that would leave the site', async () => {
    const visitor = new Agent(app, '10.40.0.4')
    expect((await visitor.get('/language/xx?next=/')).statusCode).toBe(404)
    const away = await visitor.get('/language/de?next=//evil.example/')
    expect(away.statusCode).toBe(303)
    expect(away.headers.location).toBe('/')
  })

  it('keeps a signed-in person’s choice on the account, for every device', async () => {
    const { agent } = await signedIn(app, t.db, 'sprachwahl')
    const form = await agent.get('/settings/language')
    expect(form.statusCode).toBe(200)
    expect(
      parseHtml(form.body).querySelector<HTMLInputElement>('input[value="auto"]')?.checked,
    ).toBe(true)
    // A form without its token changes nothing.
    expect(
      (await agent.post('/settings/language', { locale: 'de' }, { csrf: null })).statusCode,
    ).toBe(403)
    const saved = await agent.post('/settings/language', { locale: 'de' })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe('/settings/language?saved=1')
    const settings = await agent.get('/settings/language?saved=1')
    expect(lang(settings.body)).toBe('de')
    expect(
      parseHtml(settings.body).querySelector<HTMLInputElement>('input[value="de"]')?.checked,
    ).toBe(true)
    // Another device: no cookie, an English browser; the account's choice applies.
    agent.cookies.delete('lang')
    expect(lang((await agent.get('/tags/kernel', { 'accept-language': 'en' })).body)).toBe('de')
    // Back to "as my browser asks": the cookie is cleared and the browser decides again.
    await agent.post('/settings/language', { locale: 'auto' })
    expect(agent.cookies.has('lang')).toBe(false)
    expect(lang((await agent.get('/tags/kernel', { 'accept-language': 'en' })).body)).toBe('en')
  })

  it('explains how a search was read in the page’s language, and in English in the API', async () => {
    const visitor = new Agent(app, '10.40.0.6')
    const de = await visitor.get('/search?q=interrupt+is:maybe', { 'accept-language': 'de' })
    expect(texts(parseHtml(de.body), '.search-notices li')).toContain(
      'is: erwartet solved oder unsolved; „is:maybe“ wurde als Text gesucht.',
    )
    const api = await visitor.get('/api/v1/search?q=interrupt+is:maybe', {
      'accept-language': 'de',
    })
    expect((api.json() as { notices: string[] }).notices).toContain(
      'is: takes solved or unsolved; “is:maybe” was searched as text.',
    )
  })

  it('sends signed-out visitors of the settings page to sign in', async () => {
    const res = await new Agent(app, '10.40.0.5').get('/settings/language')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/login?next=/settings/language')
  })
})
