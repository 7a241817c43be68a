/**
 * The pages of the pages-a set in German (docs/i18n.md): the home page, the tag directory, search, a
 * thread, sign-in and registration for anyone; asking and the settings pages for a signed-in member.
 * The same pages for an English browser read as before.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const GERMAN = { 'accept-language': 'de-DE,de;q=0.9' }
const ENGLISH = { 'accept-language': 'en-GB,en;q=0.9' }

describe.each(DIALECTS)('%s: pages in German', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let threadId: number

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    threadId = await make.thread(t.db, {
      title: 'Why does the interrupt handler run twice',
      tags: ['kernel'],
      replies: 2,
    })
  })
  afterAll(async () => app?.close())

  const lang = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1]
  const text = (doc: Document, selector: string) =>
    texts(doc, selector)[0] ?? `(nothing matches ${selector})`

  /** GETs `url` as `agent` in the browser language of `headers`; follows one redirect (a thread's slug). */
  async function page(agent: Agent, url: string, headers: Record<string, string>) {
    let res = await agent.get(url, headers)
    if (res.statusCode === 301 || res.statusCode === 302 || res.statusCode === 308)
      res = await agent.get(String(res.headers.location), headers)
    expect(res.statusCode, url).toBe(200)
    return { html: res.body, doc: parseHtml(res.body) }
  }

  it('shows the home page, the tag directory and search in German', async () => {
    const visitor = new Agent(app, '10.41.0.1')
    const home = await page(visitor, '/', GERMAN)
    expect(lang(home.html)).toBe('de')
    expect(text(home.doc, '#latest-posts')).toBe('Neueste Beiträge')
    expect(text(home.doc, '#popular-tags')).toBe('Beliebte Tags')
    expect(text(home.doc, '.tag-counts .muted')).toBe('1 Beitrag')
    expect(home.html).not.toContain('Latest posts')

    const tags = await page(visitor, '/tags', GERMAN)
    expect(text(tags.doc, '.listing-count')).toBe('1 Tag')
    expect(text(tags.doc, '.tag-card-count')).toBe('1 Beitrag')
    expect(tags.doc.querySelector('meta[name="description"]')?.getAttribute('content')).toMatch(
      /^Alle Tags auf .+ und worum es darin geht\.$/,
    )

    const empty = await page(visitor, '/search', GERMAN)
    expect(text(empty.doc, 'h1')).toBe('Suchen')
    const found = await page(visitor, '/search?q=interrupt', GERMAN)
    expect(text(found.doc, 'h1')).toBe('Suchergebnisse')
    expect(text(found.doc, '.listing-count')).toBe('1 Ergebnis für „interrupt“')
    expect(found.doc.title).toMatch(/^Suchergebnisse für „interrupt“/)
    const none = await page(visitor, '/search?q=frobnicator', GERMAN)
    expect(texts(none.doc, '.empty-state p')).toContain('Kein Thread passt zu „frobnicator“.')
  })

  it('shows a thread in German to an anonymous reader', async () => {
    const { html, doc } = await page(new Agent(app, '10.41.0.2'), `/threads/${threadId}`, GERMAN)
    expect(lang(html)).toBe('de')
    expect(text(doc, '#replies-heading')).toBe('2 Antworten')
    expect(text(doc, '.thread-meta li')).toMatch(/^Gefragt von asker am \d{1,2}\. \S+ \d{4}$/)
    const meta = texts(doc, '.thread-meta li')
    expect(meta[1]).toMatch(/^\S+ Aufrufe?$/)
    expect(meta[2]).toMatch(/^Letzte Aktivität \S/)
    expect(text(doc, '.replies .notice a')).toBe('Zum Antworten anmelden')
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'Why does the interrupt handler run twice: eine Frage zu Kernel mit 2 Antworten.',
    )
    expect(html).not.toContain('Sign in to reply')
  })

  it('shows sign-in and registration in German', async () => {
    const visitor = new Agent(app, '10.41.0.3')
    const login = await page(visitor, '/login', GERMAN)
    expect(text(login.doc, 'h1')).toBe('Anmelden')
    expect(text(login.doc, 'label[for="login-name"]')).toBe('Benutzername oder E-Mail-Adresse')
    expect(text(login.doc, 'label[for="login-password"]')).toBe('Passwort')
    expect(text(login.doc, '.form-aside a[href="/password/forgot"]')).toBe('Passwort vergessen?')
    expect(texts(login.doc, '.form-aside')).toContainEqual(
      expect.stringMatching(/^Neu bei .+\? Konto anlegen$/),
    )

    const register = await page(visitor, '/register', GERMAN)
    expect(lang(register.html)).toBe('de')
    expect(text(register.doc, 'h1')).toBe('Konto anlegen')
    expect(text(register.doc, 'label[for="register-username"]')).toBe('Benutzername')
    expect(text(register.doc, 'label[for="register-email"]')).toBe('E-Mail')
    expect(text(register.doc, 'form[action="/register"] button[type="submit"]')).toBe(
      'Konto anlegen',
    )
    expect(texts(register.doc, '.form-aside')).toContain('Sie haben schon ein Konto? Anmelden')
  })

  it('shows the ask page and the settings pages in German to a signed-in member', async () => {
    const { agent } = await signedIn(app, t.db, 'deutsch_leser')
    const ask = await page(agent, '/ask', GERMAN)
    expect(lang(ask.html)).toBe('de')
    expect(text(ask.doc, 'h1')).toBe('Frage stellen')
    expect(text(ask.doc, 'label[for="ask-title"]')).toBe('Titel')
    expect(text(ask.doc, 'label[for="ask-body"]')).toBe('Frage')
    expect(text(ask.doc, 'button[value="preview"]')).toBe('Vorschau')
    expect(text(ask.doc, 'button[value="post"]')).toBe('Frage veröffentlichen')
    expect(text(ask.doc, '.tag-help summary')).toBe('Verfügbare Tags (1)')

    const settings = await page(agent, '/settings', GERMAN)
    expect(text(settings.doc, 'h1')).toBe('Einstellungen')
    expect(text(settings.doc, '#avatar-heading')).toBe('Avatar')
    expect(text(settings.doc, '#change-password')).toBe('Passwort ändern')
    expect(text(settings.doc, '.lede')).toBe('Angemeldet als deutsch_leser.')
    expect(text(settings.doc, 'label[for="settings-new-password"]')).toBe('Neues Passwort')

    const sessions = await page(agent, '/settings/sessions', GERMAN)
    expect(text(sessions.doc, '#sessions-heading')).toBe('Wo Sie angemeldet sind')
    expect(text(sessions.doc, '.session-current')).toBe('Diese Sitzung')
    // The test agent sends no User-Agent: the device is named in German too.
    expect(text(sessions.doc, '.session-device strong')).toBe('Unbekannter Browser')
    const ended = await page(agent, '/settings/sessions?ended=2', GERMAN)
    expect(text(ended.doc, '.notice-success')).toBe('Von 2 Sitzungen abgemeldet.')

    const security = await page(agent, '/settings/security', GERMAN)
    expect(text(security.doc, 'h1')).toBe('Sicherheit')
    expect(text(security.doc, '#totp-heading')).toBe('Authenticator-App')

    const mail = await page(agent, '/settings/notifications', GERMAN)
    expect(text(mail.doc, '#watch-defaults')).toBe('Meinen eigenen Threads folgen')
    expect(texts(mail.doc, 'option')).toContain('Tägliche Zusammenfassung')
  })

  it('shows the staff pages in German to an admin', async () => {
    const { agent } = await signedIn(app, t.db, 'deutsch_admin', 'admin')
    const hub = await page(agent, '/admin', GERMAN)
    expect(text(hub.doc, 'h1')).toBe('Verwaltung')
    expect(texts(hub.doc, '.admin-sections h2')).toContain('Hintergrundaufgaben und E-Mail')
    const jobs = await page(agent, '/admin/jobs', GERMAN)
    expect(texts(jobs.doc, 'main h2')).toEqual(['E-Mail', 'Gescheiterte Aufgaben', 'Wartend'])
    const review = await page(agent, '/review', GERMAN)
    expect(text(review.doc, '.lede')).toBe('Nichts wartet auf eine Entscheidung.')
  })

  it('keeps the same pages English for an English browser', async () => {
    const visitor = new Agent(app, '10.41.0.4')
    const home = await page(visitor, '/', ENGLISH)
    expect(lang(home.html)).toBe('en')
    expect(text(home.doc, '#latest-posts')).toBe('Latest posts')
    expect(text(home.doc, '.tag-counts .muted')).toBe('1 post')
    const thread = await page(visitor, `/threads/${threadId}`, ENGLISH)
    expect(text(thread.doc, '#replies-heading')).toBe('2 Replies')
    expect(text(thread.doc, '.thread-meta li')).toMatch(/^Asked by asker on \d{1,2} \w{3} \d{4}$/)
    expect(text(thread.doc, '.replies .notice a')).toBe('Sign in to reply')
    const found = await page(visitor, '/search?q=interrupt', ENGLISH)
    expect(text(found.doc, '.listing-count')).toBe('1 result for “interrupt”')
    const register = await page(visitor, '/register', ENGLISH)
    expect(text(register.doc, 'h1')).toBe('Create an account')
    expect(texts(register.doc, '.form-aside')).toContain('Already have an account? Sign in')

    const { agent } = await signedIn(app, t.db, 'english_reader')
    const ask = await page(agent, '/ask', ENGLISH)
    expect(text(ask.doc, 'button[value="post"]')).toBe('Post question')
    const settings = await page(agent, '/settings', ENGLISH)
    expect(text(settings.doc, '#change-password')).toBe('Change password')
    expect(text(settings.doc, '.lede')).toBe('Signed in as english_reader.')
  })
})
