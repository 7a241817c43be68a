/**
 * The account, tag, profile, revision, edit, notification, token and error pages in German (docs/i18n.md):
 * a browser that asks for German gets their headings, buttons and labels in German, and an English one
 * gets the same pages exactly as before.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make, questionOf } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const DE = { 'accept-language': 'de-DE,de;q=0.9' }
const EN = { 'accept-language': 'en-GB,en;q=0.9' }

describe.each(DIALECTS)('%s: pages in German (lane pages-b)', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let writer: Agent
  let questionId: number

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    ;({ agent: writer } = await signedIn(app, t.db, 'sprach_autor'))
    const threadId = await make.thread(t.db, {
      author: 'sprach_autor',
      title: 'Kext panics on load after the update',
      body: 'The kext panics in vnode_put when the volume unmounts.',
    })
    questionId = await questionOf(t.db, threadId)
    await writer.get(`/posts/${questionId}/edit`)
    const edited = await writer.post(`/posts/${questionId}/edit`, {
      title: 'Kext panics on load after the 26.1 update',
      body: 'The kext panics in vnode_rele when the volume unmounts.',
      reason: 'named the right function',
    })
    expect(edited.statusCode).toBe(303)
  })
  afterAll(async () => app?.close())

  const lang = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1]
  const text = (html: string, selector: string) =>
    [...parseHtml(html).querySelectorAll(selector)].map((e) =>
      (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
    )

  it('shows a tag page in German, and in English as before', async () => {
    const visitor = new Agent(app, '10.41.0.1')
    const de = await visitor.get('/tags/kernel', DE)
    expect(de.statusCode).toBe(200)
    expect(lang(de.body)).toBe('de')
    expect(text(de.body, 'h1')).toEqual(['Beiträge mit dem Tag Kernel'])
    expect(text(de.body, '.listing-count')).toEqual(['1 Beitrag'])
    expect(text(de.body, '.feed-link')).toEqual(['RSS für diesen Tag'])
    const en = await visitor.get('/tags/kernel', EN)
    expect(lang(en.body)).toBe('en')
    expect(text(en.body, 'h1')).toEqual(['Posts under Kernel tag'])
    expect(text(en.body, '.listing-count')).toEqual(['1 Post'])
    expect(text(en.body, '.feed-link')).toEqual(['RSS for tag'])
  })

  it('shows a profile in German', async () => {
    const visitor = new Agent(app, '10.41.0.2')
    const de = await visitor.get('/users/sprach_autor', DE)
    expect(de.statusCode).toBe(200)
    expect(lang(de.body)).toBe('de')
    expect(text(de.body, '.profile-meta')[0]).toMatch(/^Dabei seit \d+\. \S+ \d{4}$/)
    expect(text(de.body, '.profile-counts dt')).toEqual([
      'Threads',
      'Antworten',
      'Erhaltene Boosts',
      'Akzeptierte Antworten',
    ])
    expect(text(de.body, '.profile-tabs a')).toEqual(['Fragen', 'Antworten', 'Aktivität'])
    const en = await visitor.get('/users/sprach_autor', EN)
    expect(text(en.body, '.profile-meta')[0]).toMatch(/^Joined \d+ \w{3} \d{4}$/)
    expect(text(en.body, '.profile-tabs a')).toEqual(['Questions', 'Answers', 'Activity'])
  })

  it('shows the edit history in German, with its diff’s words for screen readers', async () => {
    const visitor = new Agent(app, '10.41.0.3')
    const de = await visitor.get(`/posts/${questionId}/revisions`, DE)
    expect(de.statusCode).toBe(200)
    expect(lang(de.body)).toBe('de')
    expect(text(de.body, 'h1')).toEqual(['Bearbeitungsverlauf'])
    expect(text(de.body, '.revision h2')).toEqual(['Version 2 (aktuell)', 'Original'])
    expect(text(de.body, '.listing-count')).toEqual(['2 Versionen, neueste zuerst'])
    expect(text(de.body, '#revision-2 ~ .revision-meta')[0]).toMatch(
      /^Bearbeitet von sprach_autor /,
    )
    expect(text(de.body, 'pre.revision-diff ins')).toContain('[hinzugefügt: vnode_rele]')
    expect(text(de.body, '.revision-reason')).toEqual(['Grund: named the right function'])
    const en = await visitor.get(`/posts/${questionId}/revisions`, EN)
    expect(text(en.body, '.revision h2')).toEqual(['Revision 2 (current)', 'Original'])
    expect(text(en.body, '.listing-count')).toEqual(['2 versions, newest first'])
    expect(text(en.body, 'pre.revision-diff ins')).toContain('[added: vnode_rele]')
  })

  it('shows the edit form in German to its author', async () => {
    const de = await writer.get(`/posts/${questionId}/edit`, DE)
    expect(de.statusCode).toBe(200)
    expect(lang(de.body)).toBe('de')
    expect(text(de.body, 'h1')).toEqual(['Frage bearbeiten'])
    expect(text(de.body, 'label[for="edit-title"]')).toEqual(['Titel'])
    expect(text(de.body, 'label[for="edit-reason"]')).toEqual([
      'Grund für die Bearbeitung (optional)',
    ])
    expect(text(de.body, 'button[value="save"]')).toEqual(['Änderungen speichern'])
    const en = await writer.get(`/posts/${questionId}/edit`, EN)
    expect(text(en.body, 'h1')).toEqual(['Edit question'])
    expect(text(en.body, 'button[value="save"]')).toEqual(['Save changes'])
  })

  it('shows notifications and API tokens in German to a signed-in person', async () => {
    const { agent } = await signedIn(app, t.db, 'sprach_leser')
    const notifications = await agent.get('/notifications', DE)
    expect(notifications.statusCode).toBe(200)
    expect(lang(notifications.body)).toBe('de')
    expect(text(notifications.body, 'h1')).toEqual(['Benachrichtigungen'])
    expect(text(notifications.body, '.empty-state')).toEqual([
      'Noch nichts. Antworten, Erwähnungen und Beiträge in dem, was Sie beobachten, erscheinen hier.',
    ])
    // A notification's line, made from the domain's message and its values, in German too.
    const { id } = await signedIn(app, t.db, 'sprach_melder')
    const readerId = (
      await t.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'sprach_leser')
        .executeTakeFirstOrThrow()
    ).id
    const threadId = await make.thread(t.db, { author: 'sprach_leser' })
    await t.db
      .insertInto('notifications')
      .values({
        user_id: readerId,
        kind: 'reply',
        thread_id: threadId,
        post_id: null,
        actor_id: id,
        dedupe_key: 'languages-pages-b',
        created_at: Date.now(),
        updated_at: Date.now(),
      })
      .execute()
    const listed = await agent.get('/notifications', DE)
    expect(text(listed.body, '.notification-list a')).toEqual([
      'sprach_melder hat auf Ihre Frage geantwortet',
    ])
    const tokens = await agent.get('/settings/tokens', DE)
    expect(tokens.statusCode).toBe(200)
    expect(text(tokens.body, '#tokens-heading')).toEqual(['API-Tokens'])
    expect(text(tokens.body, 'label[for="token-name"]')).toEqual(['Name'])
    expect(text(tokens.body, 'legend')).toEqual(['Berechtigungen'])
    expect(text(tokens.body, '#token-lifetime option')).toContain('Läuft nie ab')
    expect(text(tokens.body, 'button.button-primary')).toEqual(['Token erstellen'])
    const en = await agent.get('/settings/tokens', EN)
    expect(text(en.body, '#tokens-heading')).toEqual(['API tokens'])
    expect(text(en.body, '#token-lifetime option')).toEqual([
      '7 days',
      '30 days',
      '90 days',
      '365 days',
      'Never expires',
    ])
  })

  it('shows account settings, the password form and the API reference in German', async () => {
    const { agent } = await signedIn(app, t.db, 'sprach_konto')
    const account = await agent.get('/settings/account', DE)
    expect(account.statusCode).toBe(200)
    expect(text(account.body, 'h2')).toEqual(
      expect.arrayContaining(['Ihre Daten exportieren', 'Ihr Konto löschen']),
    )
    expect(account.body).toContain('Ihr Benutzername ist sprach_konto.')
    const watching = await agent.get('/settings/watching', DE)
    expect(text(watching.body, '#watched-threads')).toEqual(['Threads'])
    expect(watching.body).toContain('Noch keine Threads.')
    const visitor = new Agent(app, '10.41.0.5')
    const forgot = await visitor.get('/password/forgot', DE)
    expect(text(forgot.body, 'h1')).toEqual(['Passwort vergessen?'])
    expect(text(forgot.body, 'label[for="forgot-login"]')).toEqual([
      'Benutzername oder E-Mail-Adresse',
    ])
    const docs = await visitor.get('/api/docs', DE)
    expect(text(docs.body, 'h1')).toEqual(['API-Referenz'])
    expect(text(docs.body, '.lede')[0]).toMatch(
      /^JSON unter \S+\/api\/v1\. Die maschinenlesbare Beschreibung ist openapi\.json/,
    )
    expect(text((await visitor.get('/api/docs', EN)).body, '.lede')[0]).toMatch(
      /^JSON at \S+\/api\/v1\. The machine-readable description is openapi\.json \(OpenAPI 3\.1\)\./,
    )
  })

  it('shows a missing page’s error page in German', async () => {
    const visitor = new Agent(app, '10.41.0.4')
    const de = await visitor.get('/no-such-page-here', DE)
    expect(de.statusCode).toBe(404)
    expect(lang(de.body)).toBe('de')
    expect(text(de.body, '.error-status')).toEqual(['Fehler 404'])
    const en = await visitor.get('/no-such-page-here', EN)
    expect(text(en.body, '.error-status')).toEqual(['Error 404'])
  })
})
