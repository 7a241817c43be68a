/**
 * What routes and the domain say, in the page's language (docs/i18n.md): error pages (404, 403 "Form
 * expired", a failure's own words with their values), form errors from the domain, the islands' JSON
 * errors, notices the routes build; the JSON API keeps English; English pages say what they said before;
 * mail in the recipient's chosen language.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enqueueMail } from '../../../src/domain/mail/index.js'
import { setUserLocale } from '../../../src/domain/users/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { startSmtp, type TestSmtp } from '../../support/smtp.js'
import { useTestDb } from '../../support/test-db.js'

const DE = { 'accept-language': 'de-DE,de;q=0.9' }

describe.each(DIALECTS)('%s: messages in the page’s language', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
  })
  afterAll(async () => app?.close())

  const lang = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1]
  const heading = (html: string) => parseHtml(html).querySelector('h1')?.textContent
  const text = (html: string) => parseHtml(html).body.textContent ?? ''

  it('shows the 404 page in German, and in English as before', async () => {
    const visitor = new Agent(app, '10.41.0.1')
    const de = await visitor.get('/no/such/page', DE)
    expect(de.statusCode).toBe(404)
    expect(lang(de.body)).toBe('de')
    expect(heading(de.body)).toBe('Seite nicht gefunden')
    expect(text(de.body)).toContain(
      'Unter dieser Adresse gibt es nichts. Vielleicht wurde es verschoben oder gelöscht.',
    )
    const en = await visitor.get('/no/such/page')
    expect(lang(en.body)).toBe('en')
    expect(heading(en.body)).toBe('Page not found')
    expect(text(en.body)).toContain(
      'There is nothing at this address. It may have been moved or deleted.',
    )
  })

  it('puts a value into a translated error page (a tag that does not exist)', async () => {
    const visitor = new Agent(app, '10.41.0.2')
    const de = await visitor.get('/tags/nirgends', DE)
    expect(de.statusCode).toBe(404)
    expect(heading(de.body)).toBe('Tag nicht gefunden')
    expect(text(de.body)).toContain('Es gibt keinen Tag namens „nirgends“.')
    expect(parseHtml(de.body).querySelector('.error-links a[href="/tags"]')?.textContent).toBe(
      'Alle Tags ansehen',
    )
    const en = await visitor.get('/tags/nirgends')
    expect(heading(en.body)).toBe('Tag not found')
    expect(text(en.body)).toContain('There is no tag named “nirgends”.')
  })

  it('says “Form expired” in German', async () => {
    const { agent } = await signedIn(app, t.db, 'formular_de')
    agent.cookies.set('lang', 'de')
    await agent.get('/settings/language')
    const res = await agent.post('/settings/language', { locale: 'de' }, { csrf: null })
    expect(res.statusCode).toBe(403)
    expect(lang(res.body)).toBe('de')
    expect(heading(res.body)).toBe('Formular abgelaufen')
  })

  it('shows the domain’s form errors in German, with their numbers', async () => {
    const { agent } = await signedIn(app, t.db, 'fragen_de')
    agent.cookies.set('lang', 'de')
    await agent.get('/ask')
    const res = await agent.postMultipart('/ask', {
      title: 'Zu kurz',
      body: 'Etwas Text',
      tags: 'kernel',
      intent: 'post',
    })
    expect(res.statusCode).toBe(422)
    expect(lang(res.body)).toBe('de')
    expect(text(res.body)).toContain(
      'Schreiben Sie einen Titel mit mindestens 15 Zeichen, der sagt, worin das Problem besteht.',
    )
    const unknown = await agent.postMultipart('/ask', {
      title: 'Ein ausreichend langer Titel über Kernel',
      body: 'Etwas Text',
      tags: 'kernel, gibtsnicht',
      intent: 'post',
    })
    expect(unknown.statusCode).toBe(422)
    expect(text(unknown.body)).toContain('Unbekannter Tag: gibtsnicht.')
  })

  it('keeps the English form errors as they were', async () => {
    const { agent } = await signedIn(app, t.db, 'asks_en')
    await agent.get('/ask')
    const res = await agent.postMultipart('/ask', {
      title: 'Too short',
      body: 'Some text',
      tags: 'kernel',
      intent: 'post',
    })
    expect(res.statusCode).toBe(422)
    expect(lang(res.body)).toBe('en')
    expect(text(res.body)).toContain(
      'Write a title of at least 15 characters that says what the problem is.',
    )
  })

  it('answers the islands in German and the API in English', async () => {
    const { agent } = await signedIn(app, t.db, 'insel_de')
    await agent.get('/settings/language')
    const island = await agent.post(
      '/posts/999999/boost',
      { state: 'on' },
      { json: true, headers: DE },
    )
    expect(island.statusCode).toBe(404)
    expect(island.json()).toMatchObject({
      error: { code: 'not_found', message: 'Dieser Beitrag existiert nicht oder wurde gelöscht.' },
    })
    const api = await new Agent(app, '10.41.0.3').get('/api/v1/threads/999999', DE)
    expect(api.statusCode).toBe(404)
    expect(JSON.stringify(api.json())).not.toMatch(/existiert/)
    expect(api.json()).toMatchObject({ detail: expect.stringMatching(/does not exist/) })
  })

  it('gives a notice the route builds in German', async () => {
    const { agent } = await signedIn(app, t.db, 'hinweis_de')
    agent.cookies.set('lang', 'de')
    const page = await agent.get('/settings?avatar=saved')
    expect(page.statusCode).toBe(200)
    expect(text(page.body)).toContain(
      'Avatar aktualisiert: Ihre Beiträge und Ihr Profil zeigen das neue Bild.',
    )
  })
})

describe.each(DIALECTS)('%s: mail in the recipient’s language', (dialect) => {
  const t = useTestDb(dialect)
  let smtp: TestSmtp
  let app: FastifyInstance

  beforeAll(async () => {
    smtp = await startSmtp()
    app = await buildTestApp(t.handle, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://forum.test' })
  })
  afterAll(async () => {
    await app?.close()
    await smtp?.close()
  })

  const resetMail = async (username: string) => {
    const to = `${username}@example.test`
    await enqueueMail(t.db, `reset:${username}`, {
      to,
      template: {
        name: 'password-reset',
        username,
        link: '/password/reset?token=abc',
        expiresInMinutes: 60,
      },
    })
    await app.jobs.drain()
    return smtp.received.find((m) => m.to && 'text' in m.to && m.to.text === to)
  }

  it('writes to a person who chose German in German, and to everyone else in English', async () => {
    const { id } = await signedIn(app, t.db, 'post_de')
    await setUserLocale(t.db, id, 'de')
    await signedIn(app, t.db, 'post_en')
    const de = await resetMail('post_de')
    expect(de?.subject).toBe('Setzen Sie Ihr Passwort für Quorum zurück')
    expect(de?.text).toContain('Hallo post_de,')
    expect(de?.text).toContain('Der Link funktioniert einmal, 60 Minuten lang')
    expect(String(de?.html)).toContain('<html lang="de">')
    // A notification mail's lines too ("Someone" is a message inside the message).
    await enqueueMail(t.db, 'notify:post_de', {
      to: 'post_de@example.test',
      template: {
        name: 'notifications',
        username: 'post_de',
        scope: 'daily',
        threads: [
          {
            title: 'Panik im Treiber',
            link: '/threads/1',
            lines: [
              {
                message: '{who} replied to your question',
                values: { who: { message: 'Someone' } },
              },
            ],
          },
        ],
        topThreads: [],
        settingsLink: '/settings/notifications',
        unsubscribeLink: '/unsubscribe?token=x',
      },
    })
    await app.jobs.drain()
    const digest = smtp.received.find((m) => m.subject?.includes('Zusammenfassung'))
    expect(digest?.subject).toBe('Ihre tägliche Zusammenfassung von Quorum')
    expect(digest?.text).toContain('Panik im Treiber: Jemand hat auf Ihre Frage geantwortet.')
    const en = await resetMail('post_en')
    expect(en?.subject).toBe('Reset your Quorum password')
    expect(en?.text).toContain('Hello post_en,')
    expect(String(en?.html)).toContain('<html lang="en">')
  })
})
