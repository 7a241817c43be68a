/**
 * Passkey routes without a browser (the ceremony itself runs in Chromium: e2e/passkeys.test.ts): the
 * options name PUBLIC_URL's host whatever the Host header says, challenges are stored hashed and act
 * once, forged answers are refused with the page and no session, and a passkey is removed only by
 * its owner.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { hashToken } from '../../../src/domain/sessions/index.js'
import { createTwoFactorLimits, twoFactorLimits } from '../../../src/domain/two-factor/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: passkey routes', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())
  beforeEach(() => {
    Object.assign(twoFactorLimits, createTwoFactorLimits())
  })

  it('gives registration options for PUBLIC_URL, never the Host header, and keeps only a hash', async () => {
    const { agent, id } = await signedIn(app, t.db, 'pk_options')
    await agent.get('/settings/security')
    const res = await agent.post(
      '/settings/security/passkeys/options',
      {},
      { json: true, headers: { host: 'evil.test' } },
    )
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const options = res.json<{ rp: { id: string }; challenge: string; user: { name: string } }>()
    expect(options.rp.id).toBe('quorum.test')
    expect(options.user.name).toBe('pk_options')
    const rows = await t.db
      .selectFrom('sign_in_challenges')
      .selectAll()
      .where('user_id', '=', id)
      .execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      purpose: 'passkey-register',
      id_hash: hashToken(options.challenge),
    })
    expect(rows[0]!.expires_at - rows[0]!.created_at).toBe(5 * 60_000)
  })

  it('refuses registration options to a visitor', async () => {
    const visitor = new Agent(app, '10.8.0.1')
    await visitor.get('/login')
    const res = await visitor.post('/settings/security/passkeys/options', {}, { json: true })
    expect(res.statusCode).toBe(403)
  })

  it('refuses a forged registration with the form, filled in, and stores nothing', async () => {
    const { agent, id } = await signedIn(app, t.db, 'pk_forged')
    await agent.get('/settings/security')
    await agent.post('/settings/security/passkeys/options', {}, { json: true })
    const forged = JSON.stringify({
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'e30', attestationObject: 'AA' },
      clientExtensionResults: {},
    })
    for (const response of [forged, 'not json', '']) {
      const res = await agent.post('/settings/security/passkeys', { name: 'My key', response })
      expect(res.statusCode).toBe(422)
      expect(res.body).toContain('That passkey was not accepted.')
      expect(res.body).toContain('value="My key"')
    }
    const long = await agent.post('/settings/security/passkeys', {
      name: 'x'.repeat(61),
      response: forged,
    })
    expect(long.statusCode).toBe(422)
    expect(long.body).toContain('at most 60 characters')
    expect(
      await t.db.selectFrom('passkeys').select('id').where('user_id', '=', id).execute(),
    ).toEqual([])
  })

  it('gives sign-in options with no account named, and limits them per address', async () => {
    const visitor = new Agent(app, '10.8.0.2')
    await visitor.get('/login')
    const res = await visitor.post('/login/passkey/options', {}, { json: true })
    expect(res.statusCode).toBe(200)
    const options = res.json<{
      rpId: string
      userVerification: string
      allowCredentials?: unknown[]
    }>()
    expect(options.rpId).toBe('quorum.test')
    expect(options.userVerification).toBe('required')
    expect(options.allowCredentials ?? []).toEqual([])
    for (let i = 1; i < 60; i++)
      expect((await visitor.post('/login/passkey/options', {}, { json: true })).statusCode).toBe(
        200,
      )
    const held = await visitor.post('/login/passkey/options', {}, { json: true })
    expect(held.statusCode).toBe(429)
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('refuses an unknown passkey at sign-in with the sign-in page and no session', async () => {
    const visitor = new Agent(app, '10.8.0.3')
    await visitor.get('/login')
    const res = await visitor.post('/login/passkey', {
      response: JSON.stringify({ id: 'bm8tc3VjaC1rZXk', type: 'public-key', response: {} }),
      next: '/settings',
    })
    expect(res.statusCode).toBe(422)
    expect(res.body).toContain('That passkey was not accepted.')
    expect(res.body).toContain('name="next" value="/settings"')
    expect(res.cookies.find((c) => c.name === 'quorum_session')).toBeUndefined()
  })

  it('sends the second-step passkey routes back to sign-in without a pending sign-in', async () => {
    const visitor = new Agent(app, '10.8.0.4')
    await visitor.get('/login')
    const options = await visitor.post('/login/two-factor/passkey/options', {}, { json: true })
    expect(options.statusCode).toBe(422)
    const res = await visitor.post('/login/two-factor/passkey', { response: '{}' })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/login')
  })

  it('removes a passkey only for its owner', async () => {
    const { agent: owner, id } = await signedIn(app, t.db, 'pk_owner')
    const { agent: other } = await signedIn(app, t.db, 'pk_other')
    const row = await t.db
      .insertInto('passkeys')
      .values({
        user_id: id,
        credential_id: 'b3duZXIta2V5',
        public_key: 'AA',
        name: 'Owner key',
        created_at: Date.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await other.get('/settings/security')
    const refused = await other.post(`/settings/security/passkeys/${row.id}/delete`)
    expect(refused.statusCode).toBe(404)
    const listed = await owner.get('/settings/security')
    expect(listed.body).toContain('Owner key')
    const removed = await owner.post(`/settings/security/passkeys/${row.id}/delete`)
    expect(removed.statusCode).toBe(303)
    expect(
      await t.db.selectFrom('passkeys').select('id').where('user_id', '=', id).execute(),
    ).toEqual([])
  })
})
