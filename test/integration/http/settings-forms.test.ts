/**
 * Every form of every settings page (SETTINGS_PAGES), posted with exactly the fields the page renders,
 * reaches its route's rules: never a 400 from a schema that forgot a field the page sends (the hidden
 * `username` that password managers read once did), never a 403 for a token the page gave.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SETTINGS_PAGES } from '../../../src/views/components/settings-nav.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: settings forms', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let n = 0

  beforeAll(async () => {
    // One provider, so /settings/logins renders its "link" form; nothing answers at its issuer.
    app = await buildTestApp(t.handle, {
      OIDC_PROVIDERS: JSON.stringify([
        {
          id: 'corp',
          name: 'Corp SSO',
          issuer: 'http://127.0.0.1:9/realms/corp',
          clientId: 'quorum',
          clientSecret: 'not-a-real-secret',
        },
      ]),
    })
  })
  afterAll(async () => app?.close())

  it.each(SETTINGS_PAGES.map((p) => p.href))('%s: each form as rendered', async (href) => {
    const username = `settings_forms_${++n}`
    const { agent, id } = await signedIn(app, t.db, username)
    // Something watched, so /settings/watching lists a row with its form.
    const threadId = await make.thread(t.db, { title: `A thread ${username} watches` })
    await t.db
      .insertInto('thread_watches')
      .values({ user_id: id, thread_id: threadId, level: 'watching', updated_at: Date.now() })
      .execute()
    await new Agent(app, `10.40.0.${n}`).login(username) // a second session, so every form shows
    const page = await agent.get(href)
    expect(page.statusCode).toBe(200)
    const forms = [...parseHtml(page.body).querySelectorAll('main form[method="post"]')]
    expect(forms.length).toBeGreaterThan(0)
    for (const form of forms) {
      const fields: Record<string, string> = {}
      for (const input of form.querySelectorAll<HTMLInputElement>('input[name]'))
        fields[input.name] = input.value
      const action = form.getAttribute('action') ?? ''
      const res = await agent.post(action, fields, { csrf: null })
      expect(res.statusCode, `${action}: ${res.body.slice(0, 200)}`).not.toBe(400)
      expect(res.statusCode, action).not.toBe(403)
      // Starting a provider's flow reaches the provider, which is away here: its own clear 503 page.
      if (action.startsWith('/auth/oidc/')) expect(res.statusCode, action).toBe(503)
      else expect(res.statusCode, action).toBeLessThan(500)
      await agent.get(href) // a fresh token for the next form
    }
  })
})
