/**
 * /settings/tokens: a person makes a token (shown once, never stored), sees it listed with its scopes,
 * uses it, and revokes it; bad input comes back as the form, filled in, with the field named; a member
 * is never offered (nor given) a staff scope; nobody can revoke another person's token.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: the API tokens page', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  it('makes a token shown once, lists it, and revokes it', async () => {
    const { agent } = await signedIn(app, t.db, 'token_maker')
    const page = await agent.get('/settings/tokens')
    expect(page.statusCode).toBe(200)
    const doc = parseHtml(page.body)
    expect(
      [...doc.querySelectorAll('input[name="scopes"]')].map((i) => i.getAttribute('value')),
    ).toEqual(['read', 'write'])
    const made = await agent.post('/settings/tokens', {
      name: 'Crash bot',
      scopes: 'read',
      lifetime: '30',
    })
    expect(made.statusCode).toBe(201)
    expect(made.headers['cache-control']).toBe('no-store')
    const token = parseHtml(made.body).querySelector('.token-value')?.textContent ?? ''
    expect(token).toMatch(/^qrm_[\w-]{43}$/)
    const stored = await t.db.selectFrom('api_tokens').select(['token_hash', 'prefix']).execute()
    expect(JSON.stringify(stored)).not.toContain(token)
    const me = await app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(me.json()).toMatchObject({ username: 'token_maker', scopes: ['read'] })
    const listed = parseHtml((await agent.get('/settings/tokens')).body)
    expect(listed.querySelector('.token-list')?.textContent).toContain('Crash bot')
    expect((await agent.get('/settings/tokens')).body).not.toContain(token)
    const id = listed.querySelector('tr[data-token]')?.getAttribute('data-token')
    const revoked = await agent.post(`/settings/tokens/${id}/revoke`, {})
    expect(revoked.statusCode).toBe(303)
    const after = await app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(after.statusCode).toBe(401)
  })

  it('gives the form back filled in, with the field named', async () => {
    const { agent } = await signedIn(app, t.db, 'token_typo')
    await agent.get('/settings/tokens')
    const res = await agent.post('/settings/tokens', {
      name: 'Nightly',
      scopes: 'moderate',
      lifetime: '30',
    })
    expect(res.statusCode).toBe(422)
    const doc = parseHtml(res.body)
    expect(doc.querySelector('#token-name')?.getAttribute('value')).toBe('Nightly')
    expect(doc.querySelector('.error-summary')?.textContent).toContain(
      'cannot hold the “moderate” scope',
    )
    const noName = await agent.post('/settings/tokens', {
      name: '  ',
      scopes: 'read',
      lifetime: '7',
    })
    expect(noName.statusCode).toBe(422)
    expect(parseHtml(noName.body).querySelector('#token-name-error')).not.toBeNull()
  })

  it('refuses to revoke another person’s token, and strangers', async () => {
    const owner = await signedIn(app, t.db, 'token_owner')
    await owner.agent.get('/settings/tokens')
    await owner.agent.post('/settings/tokens', { name: 'Mine', scopes: 'read', lifetime: '7' })
    const row = await t.db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', 'Mine')
      .executeTakeFirstOrThrow()
    const other = await signedIn(app, t.db, 'token_thief')
    await other.agent.get('/settings/tokens')
    const res = await other.agent.post(`/settings/tokens/${row.id}/revoke`, {})
    expect(res.statusCode).toBe(404)
    const still = await t.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    expect(still.revoked_at).toBeNull()
    const anonymous = await app.inject({ url: '/settings/tokens' })
    expect(anonymous.statusCode).toBe(303)
  })
})
