import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: accounts, sessions and CSRF', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  async function register(agent: Agent, form: Record<string, string>) {
    await agent.get('/register')
    return agent.post('/register', form)
  }

  it('registers a member who then signs in with a safe cookie, and never makes them admin', async () => {
    const agent = new Agent(app, '10.1.0.1')
    const res = await register(agent, {
      username: 'first_user',
      email: 'first@example.test',
      password: 'a long enough passphrase',
    })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/register/check-email')
    // No session from sign-up itself: the answer must be the same for an address that has an account.
    expect(res.cookies.find((c) => c.name === 'quorum_session')).toBeUndefined()
    const signIn = await agent.login('first_user', 'a long enough passphrase')
    const cookie = signIn.cookies.find((c) => c.name === 'quorum_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie?.secure).toBeFalsy()
    expect(cookie?.domain).toBeUndefined()
    const row = await t.db
      .selectFrom('users')
      .select(['role', 'password_hash'])
      .where('username_key', '=', 'first_user')
      .executeTakeFirstOrThrow()
    expect(row.role).toBe('member')
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
    const home = await agent.get('/')
    expect(home.body).toContain('href="/users/first_user"')
  })

  it('stores only a hash of the session token', async () => {
    const agent = new Agent(app, '10.1.0.2')
    await register(agent, {
      username: 'hash_check',
      email: 'hash@example.test',
      password: 'another long passphrase',
    })
    await agent.login('hash_check', 'another long passphrase')
    const token = agent.cookies.get('quorum_session') ?? ''
    expect(token.length).toBeGreaterThanOrEqual(43) // 256 bits, base64url
    const rows = await t.db.selectFrom('sessions').select('id_hash').execute()
    expect(rows.some((r) => r.id_hash === token)).toBe(false)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true)
  })

  it.each([
    [{ username: 'ab', email: 'x@example.test', password: 'long enough password' }, 'username'],
    [
      { username: 'bad name!', email: 'x@example.test', password: 'long enough password' },
      'username',
    ],
    [{ username: 'okname', email: 'not-an-email', password: 'long enough password' }, 'email'],
    [{ username: 'okname', email: 'x@example.test', password: 'short' }, 'password'],
    [{ username: 'okname', email: 'x@example.test', password: 'qwertyuiop' }, 'password'],
    [
      { username: 'FIRST_USER', email: 'y@example.test', password: 'long enough password' },
      'username',
    ],
  ])('refuses %j with the form refilled and the %s field named', async (form, field) => {
    const agent = new Agent(app, '10.1.0.3')
    const res = await register(agent, form)
    expect(res.statusCode).toBe(422)
    const doc = parseHtml(res.body)
    const input = doc.querySelector(`[name="${field}"]`)
    expect(input?.getAttribute('aria-invalid')).toBe('true')
    if (field !== 'password')
      expect(input?.getAttribute('value')).toBe(form[field as 'username' | 'email'])
    expect(doc.querySelector('[name="password"]')?.getAttribute('value') ?? '').toBe('')
  })

  it('accepts a 100-character password and rejects it when only the last character differs', async () => {
    const long = `${'x'.repeat(60)} words of a very long passphrase ${'y'.repeat(6)}`
    const agent = new Agent(app, '10.1.0.4')
    expect(
      (
        await register(agent, {
          username: 'longpass',
          email: 'long@example.test',
          password: `${long}A`,
        })
      ).statusCode,
    ).toBe(303)
    const other = new Agent(app, '10.1.0.5')
    await other.get('/login')
    expect(
      (await other.post('/login', { login: 'longpass', password: `${long}B` })).statusCode,
    ).toBe(422)
    await other.get('/login')
    expect(
      (await other.post('/login', { login: 'LONG@example.test', password: `${long}A` })).statusCode,
    ).toBe(303)
  })

  it('gives unknown users and wrong passwords the same answer', async () => {
    await signedIn(app, t.db, 'known_user')
    const agent = new Agent(app, '10.1.0.6')
    await agent.get('/login')
    const wrong = await agent.post('/login', { login: 'known_user', password: 'not the password' })
    await agent.get('/login')
    const unknown = await agent.post('/login', {
      login: 'nobody_here',
      password: 'not the password',
    })
    expect(wrong.statusCode).toBe(unknown.statusCode)
    const message = (html: string) =>
      texts(parseHtml(html), '.field-error, .error-summary').join(' ')
    expect(message(wrong.body)).toBe(message(unknown.body))
  })

  it('issues a new session id at login; logout ends it on the server', async () => {
    const { agent } = await signedIn(app, t.db, 'session_user')
    const first = agent.cookies.get('quorum_session')
    await agent.login('session_user')
    const second = agent.cookies.get('quorum_session')
    expect(second).not.toBe(first)
    const stolen = agent.cookieHeader
    await agent.get('/')
    expect((await agent.post('/logout')).statusCode).toBe(303)
    const replay = await app.inject({
      method: 'GET',
      url: '/settings',
      headers: { cookie: stolen },
    })
    expect(replay.statusCode).toBe(303)
    expect(replay.headers.location).toBe('/login?next=/settings')
  })

  it('ends the other sessions when the password changes', async () => {
    const { agent: laptop } = await signedIn(app, t.db, 'two_devices')
    const phone = new Agent(app, '10.1.0.7')
    await phone.login('two_devices')
    await laptop.get('/settings')
    const res = await laptop.post('/settings/password', {
      current_password: TEST_PASSWORD,
      new_password: 'a brand new passphrase',
    })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Password changed')
    expect((await laptop.get('/settings')).statusCode).toBe(200)
    expect((await phone.get('/settings')).statusCode).toBe(303)
  })

  it('refuses writes without a CSRF token, with another session’s token, or from another site', async () => {
    const { agent: alice } = await signedIn(app, t.db, 'csrf_alice')
    const { agent: bob } = await signedIn(app, t.db, 'csrf_bob')
    const before = await t.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect((await alice.post('/logout', {}, { csrf: null })).statusCode).toBe(403)
    expect((await alice.post('/logout', {}, { csrf: bob.csrf })).statusCode).toBe(403)
    expect(
      (await alice.post('/logout', {}, { headers: { origin: 'http://evil.test' } })).statusCode,
    ).toBe(403)
    expect(
      (await alice.post('/logout', {}, { headers: { 'sec-fetch-site': 'cross-site' } })).statusCode,
    ).toBe(403)
    const after = await t.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    expect((await alice.get('/settings')).statusCode).toBe(200)
  })

  it('refuses unknown form fields instead of assigning them', async () => {
    const agent = new Agent(app, '10.1.0.8')
    await agent.get('/register')
    const res = await agent.post('/register', {
      username: 'sneaky',
      email: 's@example.test',
      password: 'long enough password',
      role: 'admin',
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('role')
    expect(
      await t.db
        .selectFrom('users')
        .select('id')
        .where('username_key', '=', 'sneaky')
        .executeTakeFirst(),
    ).toBeUndefined()
  })

  it('answers 429 past the global per-address limit when it is on', async () => {
    const limited = await buildTestApp(t.handle, { RATE_LIMIT_PER_MINUTE: '5' })
    const codes: number[] = []
    for (let i = 0; i < 7; i++)
      codes.push(
        (await limited.inject({ method: 'GET', url: '/tags', remoteAddress: '10.9.9.9' }))
          .statusCode,
      )
    await limited.close()
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    expect(codes[6]).toBe(429)
  })

  it('marks the cookie Secure with a __Host- name when served over https', async () => {
    const secure = await buildTestApp(t.handle, { PUBLIC_URL: 'https://forum.example.test' })
    const agent = new Agent(secure, '10.1.0.11')
    await agent.get('/register')
    await agent.post('/register', {
      username: 'https_user',
      email: 'https@example.test',
      password: 'long enough password',
    })
    await agent.get('/login')
    const res = await agent.post('/login', {
      login: 'https_user',
      password: 'long enough password',
    })
    await secure.close()
    const cookie = res.cookies.find((c) => c.name === '__Host-quorum_session')
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/' })
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/)
  })
})
