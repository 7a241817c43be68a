/**
 * Sign-in with OpenID Connect against a real provider (oidc-provider on 127.0.0.1, started here):
 * first sign-in and the username form, later sign-ins, linking an existing account only with its
 * password or from a signed-in session, unlink rules, and the attacks: a wrong state, a replayed code,
 * a wrong nonce, a provider that is down, and forms without their CSRF token.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import {
  signInAtProvider,
  startTestProvider,
  type TestProvider,
} from '../../support/oidc-provider.js'
import { useTestDb } from '../../support/test-db.js'

const PUBLIC_URL = 'http://quorum.test'
const callbackOf = (id: string) => `${PUBLIC_URL}/auth/oidc/${id}/callback`

async function closedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe.each(DIALECTS)('%s: sign in with OpenID Connect', (dialect) => {
  const t = useTestDb(dialect)
  const net = dialect === 'sqlite' ? 21 : 22
  let ipCount = 0
  /** A new agent from an address of its own, so the per-address limits never meet. */
  const agent = () => new Agent(app, `10.${net}.${Math.floor(++ipCount / 250)}.${ipCount % 250}`)
  let app: FastifyInstance
  let provider: TestProvider
  let flaky: TestProvider
  const logLines: Record<string, unknown>[] = []

  beforeAll(async () => {
    provider = await startTestProvider(callbackOf('test'), [
      { sub: 'ada-1', email: 'ada@example.test', email_verified: true, preferred_username: 'ada' },
      { sub: 'bob-2', email: 'bob@example.test', email_verified: false },
      { sub: 'carol-3', email: 'carol@example.test', email_verified: true },
      { sub: 'dave-4', email: 'dave.elsewhere@example.test', email_verified: true },
      { sub: 'eve-5', email: 'eve@example.test', email_verified: true, preferred_username: 'eve' },
      { sub: 'fay-6', email: 'fay@example.test', email_verified: true, preferred_username: 'fay' },
      { sub: 'gus-7', email: 'gus@example.test', email_verified: true },
      { sub: 'hal-8', email: 'hal@example.test', email_verified: true, preferred_username: 'hal' },
    ])
    flaky = await startTestProvider(callbackOf('flaky'), [{ sub: 'gus-7' }])
    const down = `http://127.0.0.1:${await closedPort()}`
    const stream = new PassThrough()
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as Record<string, unknown>)
    })
    app = await buildTestApp(
      t.handle,
      {
        LOG_LEVEL: 'info',
        PUBLIC_URL,
        OIDC_PROVIDERS: JSON.stringify([
          ...(JSON.parse(provider.configFor('test', 'Test ID')) as unknown[]),
          ...(JSON.parse(flaky.configFor('flaky', 'Flaky ID')) as unknown[]),
          { id: 'down', issuer: down, clientId: 'x', clientSecret: 'y', name: 'Down ID' },
        ]),
      },
      { logStream: stream },
    )
  })
  afterAll(async () => {
    await app?.close()
    await provider?.close()
    await flaky?.close()
  })

  /** Presses "Sign in with <provider>" on /login (or wherever the agent is) and returns the provider URL. */
  async function start(a: Agent, id = 'test', form: Record<string, string> = {}): Promise<string> {
    if (a.csrf === null) await a.get('/login')
    const res = await a.post(`/auth/oidc/${id}/start`, form)
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303)
    return String(res.headers.location)
  }

  async function returnFrom(a: Agent, url: URL) {
    return a.get(`${url.pathname}${url.search}`)
  }

  /** The whole round trip: start, sign in at the provider as `sub`, come back. */
  async function signInWith(a: Agent, sub: string, form: Record<string, string> = {}) {
    return returnFrom(a, await signInAtProvider(await start(a, 'test', form), sub))
  }

  async function userRow(username: string) {
    return t.db
      .selectFrom('users')
      .select(['id', 'email', 'password_hash'])
      .where('username_key', '=', username)
      .executeTakeFirst()
  }

  async function identitiesOf(userId: number) {
    return t.db
      .selectFrom('user_identities')
      .select(['provider_id', 'subject', 'email', 'email_verified'])
      .where('user_id', '=', userId)
      .execute()
  }

  async function sessionCount() {
    const row = await t.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  it('shows a "Sign in with" button per provider: a form that POSTs with the CSRF token', async () => {
    const a = agent()
    const page = await a.get('/login?next=/tags')
    // Browsers apply form-action to the redirect after the POST: the providers' origins are allowed.
    expect(String(page.headers['content-security-policy'])).toContain(
      `form-action 'self' ${provider.issuer}`,
    )
    const doc = parseHtml(page.body)
    const forms = [...doc.querySelectorAll('form[action^="/auth/oidc/"]')]
    expect(forms.map((f) => f.getAttribute('action'))).toEqual([
      '/auth/oidc/test/start',
      '/auth/oidc/flaky/start',
      '/auth/oidc/down/start',
    ])
    expect(texts(doc, '.provider-buttons button')).toEqual([
      'Sign in with Test ID',
      'Sign in with Flaky ID',
      'Sign in with Down ID',
    ])
    for (const form of forms) {
      expect(form.getAttribute('method')).toBe('post')
      expect(form.querySelector('input[name="_csrf"]')?.getAttribute('value')).toBeTruthy()
      expect(form.querySelector('input[name="next"]')?.getAttribute('value')).toBe('/tags')
    }
  })

  it('sends the browser to the provider with PKCE, state, nonce and the exact redirect URI', async () => {
    const a = agent()
    await a.get('/login')
    const res = await a.post('/auth/oidc/test/start', {}, { headers: { host: 'evil.test' } })
    expect(res.statusCode).toBe(303)
    const url = new URL(String(res.headers.location))
    expect(url.origin).toBe(provider.issuer)
    const q = url.searchParams
    expect(q.get('redirect_uri')).toBe('http://quorum.test/auth/oidc/test/callback')
    expect(q.get('code_challenge_method')).toBe('S256')
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(q.get('state')).toMatch(/^[\w-]{43}$/)
    expect(q.get('nonce')).toMatch(/^[\w-]{43}$/)
    expect(q.get('scope')).toBe('openid email profile')
    const cookie = res.cookies.find((c) => c.name === 'quorum_oidc')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/auth/oidc' })
    // Only a hash of the cookie's key is kept; the state is not the key.
    const rows = await t.db.selectFrom('oidc_logins').select(['id_hash', 'state']).execute()
    expect(rows.some((r) => r.id_hash === cookie?.value)).toBe(false)
    expect(rows.some((r) => r.state === cookie?.value)).toBe(false)
  })

  it('first sign-in: a username form, then an account without a password; later sign-ins go straight in', async () => {
    const a = agent()
    const back = await signInWith(a, 'ada-1', { next: '/tags' })
    expect(back.statusCode).toBe(303)
    expect(back.headers.location).toBe('/auth/oidc/account')
    const page = await a.get('/auth/oidc/account')
    expect(page.statusCode).toBe(200)
    const doc = parseHtml(page.body)
    expect(doc.querySelector('h1')?.textContent).toBe('Finish signing in')
    expect(doc.querySelector<HTMLInputElement>('#oidc-username')?.value).toBe('ada')
    expect(page.body).toContain('ada@example.test')

    const created = await a.post('/auth/oidc/account', { username: 'ada_lovelace' })
    expect(created.statusCode).toBe(303)
    expect(created.headers.location).toBe('/tags')
    expect((await a.get('/')).body).toContain('href="/users/ada_lovelace"')
    const user = await userRow('ada_lovelace')
    expect(user).toMatchObject({ email: 'ada@example.test', password_hash: null })
    expect(await identitiesOf(user?.id ?? 0)).toEqual([
      { provider_id: 'test', subject: 'ada-1', email: 'ada@example.test', email_verified: 1 },
    ])
    // The pending row is used up: the form cannot make a second account.
    const again = await a.post('/auth/oidc/account', { username: 'ada_again' })
    expect(again.statusCode).toBe(400)
    expect(await userRow('ada_again')).toBeUndefined()

    const later = agent()
    const res = await signInWith(later, 'ada-1')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/')
    expect((await later.get('/')).body).toContain('href="/users/ada_lovelace"')
    expect(logLines.some((l) => l.msg === 'signed in' && l.userId === user?.id)).toBe(true)
  })

  it('keeps an email the provider did not verify off the account', async () => {
    const a = agent()
    await signInWith(a, 'bob-2')
    const page = await a.get('/auth/oidc/account')
    expect(page.body).toContain('has not confirmed bob@example.test')
    expect((await a.post('/auth/oidc/account', { username: 'bob_b' })).statusCode).toBe(303)
    expect((await userRow('bob_b'))?.email).toBeNull()
  })

  it('brings the username form back filled in, the field named, for a taken or bad name', async () => {
    await signedIn(app, t.db, 'taken_name')
    const a = agent()
    await signInWith(a, 'eve-5')
    await a.get('/auth/oidc/account')
    for (const [username, message] of [
      ['TAKEN_NAME', 'That username is taken.'],
      ['x', ''],
    ] as const) {
      const res = await a.post('/auth/oidc/account', { username })
      expect(res.statusCode).toBe(422)
      const doc = parseHtml(res.body)
      const input = doc.querySelector<HTMLInputElement>('#oidc-username')
      expect(input?.value).toBe(username)
      expect(input?.getAttribute('aria-invalid')).toBe('true')
      if (message) expect(res.body).toContain(message)
    }
    expect((await a.post('/auth/oidc/account', { username: 'eve_e' })).statusCode).toBe(303)
  })

  it('makes no new account from a provider’s login unless registration is open', async () => {
    const { id: staffId } = await signedIn(app, t.db, 'oidc_staff', 'moderator')
    try {
      for (const registration of ['closed', 'invite'] as const) {
        await app.siteSettings.save({ registration }, staffId)
        const a = agent()
        await signInWith(a, 'hal-8')
        await a.get('/auth/oidc/account')
        const res = await a.post('/auth/oidc/account', { username: `hal_${registration}` })
        expect(res.statusCode).toBe(403)
        expect(res.body).toContain('This forum is not open for sign-up')
        expect(await userRow(`hal_${registration}`)).toBeUndefined()
      }
    } finally {
      await app.siteSettings.save({ registration: 'open' }, staffId)
    }
  })

  it('links an existing account with the same email only after its password', async () => {
    const { id: carolId } = await signedIn(app, t.db, 'carol') // carol@example.test
    const a = agent()
    await signInWith(a, 'carol-3')
    const page = parseHtml((await a.get('/auth/oidc/account')).body)
    expect(page.querySelector<HTMLInputElement>('#oidc-login')?.value).toBe('carol@example.test')

    // The same email does not make a second account, nor link by itself.
    const clash = await a.post('/auth/oidc/account', { username: 'carol_two' })
    expect(clash.statusCode).toBe(422)
    expect(clash.body).toContain('An account with this email exists already')
    expect(await identitiesOf(carolId)).toEqual([])

    const wrong = await a.post('/auth/oidc/link', {
      login: 'carol@example.test',
      password: 'not the password at all',
    })
    expect(wrong.statusCode).toBe(422)
    expect(parseHtml(wrong.body).querySelector('#oidc-login')?.getAttribute('aria-invalid')).toBe(
      'true',
    )
    expect(await identitiesOf(carolId)).toEqual([])

    const right = await a.post('/auth/oidc/link', {
      login: 'carol@example.test',
      password: TEST_PASSWORD,
    })
    expect(right.statusCode).toBe(303)
    expect(await identitiesOf(carolId)).toMatchObject([{ provider_id: 'test', subject: 'carol-3' }])
    expect((await a.get('/')).body).toContain('href="/users/carol"')

    const later = agent()
    expect((await signInWith(later, 'carol-3')).headers.location).toBe('/')
    expect((await later.get('/')).body).toContain('href="/users/carol"')
  })

  it('links a login from /settings/logins when signed in, and never one that is another account’s', async () => {
    const { agent: dave, id: daveId } = await signedIn(app, t.db, 'dave')
    const settings = parseHtml((await dave.get('/settings/logins')).body)
    expect(texts(settings, '.provider-buttons button')).toContain('Link Test ID')
    expect(texts(settings, '.settings-nav a')).toContain('Sign-in providers')

    const url = await start(dave)
    const back = await returnFrom(dave, await signInAtProvider(url, 'dave-4'))
    expect(back.statusCode).toBe(303)
    expect(back.headers.location).toBe('/settings/logins?linked=test')
    const after = await dave.get(String(back.headers.location))
    expect(after.body).toContain('Test ID is linked')
    expect(texts(parseHtml(after.body), 'table td')).toContain('dave.elsewhere@example.test')
    expect(await identitiesOf(daveId)).toMatchObject([{ subject: 'dave-4' }])

    // Erin, signed in, signs in at the provider as Dave's login: refused, nothing moves.
    const { agent: erin, id: erinId } = await signedIn(app, t.db, 'erin')
    await erin.get('/settings/logins')
    const taken = await returnFrom(erin, await signInAtProvider(await start(erin), 'dave-4'))
    expect(taken.statusCode).toBe(409)
    expect(taken.body).toContain('belongs to another account')
    expect(await identitiesOf(erinId)).toEqual([])
    expect(await identitiesOf(daveId)).toHaveLength(1)
  })

  it('never links by password alone an account that has a second factor', async () => {
    const { id: gusId } = await signedIn(app, t.db, 'gus') // gus@example.test
    await make.passkey(t.db, gusId)
    const a = agent()
    await signInWith(a, 'gus-7')
    const res = await a.post('/auth/oidc/link', {
      login: 'gus@example.test',
      password: TEST_PASSWORD,
    })
    expect(res.statusCode).toBe(422)
    expect(res.body).toContain('This account uses two-factor sign-in')
    expect(res.cookies.find((c) => c.name === 'quorum_session')).toBeUndefined()
    expect(await identitiesOf(gusId)).toEqual([])
  })

  it('never unlinks the last way in; a password set on /settings makes it possible', async () => {
    const a = agent()
    await signInWith(a, 'fay-6')
    await a.get('/auth/oidc/account')
    await a.post('/auth/oidc/account', { username: 'fay_f' })
    const fay = await userRow('fay_f')
    const page = parseHtml((await a.get('/settings/logins')).body)
    expect(page.querySelector('form[action="/settings/logins/unlink"]')).toBeNull()
    expect(page.body.textContent).toContain('The only way in')

    const [identity] = await t.db
      .selectFrom('user_identities')
      .select('id')
      .where('user_id', '=', fay?.id ?? 0)
      .execute()
    const refused = await a.post('/settings/logins/unlink', { id: String(identity?.id) })
    expect(refused.statusCode).toBe(403)
    expect(refused.body).toContain('the only way into this account')
    expect(await identitiesOf(fay?.id ?? 0)).toHaveLength(1)

    // No password yet: /settings offers to set one, without asking for a current one.
    const settings = parseHtml((await a.get('/settings')).body)
    expect(settings.querySelector('#change-password')?.textContent).toBe('Set a password')
    expect(settings.querySelector('[name="current_password"]')).toBeNull()
    const set = await a.post('/settings/password', { new_password: 'a brand new passphrase' })
    expect(set.statusCode).toBe(200)
    expect((await userRow('fay_f'))?.password_hash).toMatch(/^\$argon2id\$/)

    await a.get('/settings/logins')
    const ok = await a.post('/settings/logins/unlink', { id: String(identity?.id) })
    expect(ok.statusCode).toBe(303)
    expect(ok.headers.location).toBe('/settings/logins?unlinked=test')
    expect(await identitiesOf(fay?.id ?? 0)).toEqual([])
    expect((await a.get('/settings/logins?unlinked=test')).body).toContain('Test ID is unlinked')
  })

  it("refuses to unlink another person's login", async () => {
    const { agent: mallory } = await signedIn(app, t.db, 'mallory')
    const [someone] = await t.db.selectFrom('user_identities').select('id').execute()
    await mallory.get('/settings/logins')
    const res = await mallory.post('/settings/logins/unlink', { id: String(someone?.id) })
    expect(res.statusCode).toBe(404)
    const still = await t.db
      .selectFrom('user_identities')
      .select('id')
      .where('id', '=', someone?.id ?? 0)
      .execute()
    expect(still).toHaveLength(1)
    const anonymous = agent()
    await anonymous.get('/login')
    const res2 = await anonymous.post('/settings/logins/unlink', { id: String(someone?.id) })
    expect(res2.statusCode).toBe(403)
    expect((await anonymous.get('/settings/logins')).headers.location).toBe(
      '/login?next=/settings/logins',
    )
  })

  it('refuses a callback whose state was changed, and one this browser did not start', async () => {
    const sessions = await sessionCount()
    const a = agent()
    const back = await signInAtProvider(await start(a), 'ada-1')
    const forged = new URL(back)
    forged.searchParams.set('state', 'a-state-somebody-else-made-up-and-sent-along')
    const res = await returnFrom(a, forged)
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('could not be verified')
    expect(res.body).toContain('href="/login"')
    // The flow is used up: the real answer does not work after a forged one.
    expect((await returnFrom(a, back)).statusCode).toBe(400)

    // Login CSRF: an answer meant for one browser, opened in another, signs nobody in.
    const victim = agent()
    const attacker = agent()
    const attackersAnswer = await signInAtProvider(await start(attacker), 'ada-1')
    const lured = await returnFrom(victim, attackersAnswer)
    expect(lured.statusCode).toBe(400)
    expect(lured.body).toContain('This sign-in has expired')
    expect(await sessionCount()).toBe(sessions)
    expect(logLines.some((l) => l.msg === 'sign-in with provider refused')).toBe(true)
  })

  it('says so when the person turns the provider down', async () => {
    const a = agent()
    const state = new URL(await start(a)).searchParams.get('state') ?? ''
    const denied = new URL(callbackOf('test'))
    denied.search = new URLSearchParams({
      error: 'access_denied',
      state,
      iss: provider.issuer,
    }).toString()
    const res = await returnFrom(a, denied)
    expect(res.statusCode).toBe(400)
    expect(parseHtml(res.body).querySelector('h1')?.textContent).toBe('Sign-in cancelled')
  })

  it('refuses a replayed code', async () => {
    const a = agent()
    const back = await signInAtProvider(await start(a), 'ada-1')
    expect((await returnFrom(a, back)).statusCode).toBe(303)
    const sessions = await sessionCount()

    // The same answer again, from the same browser: its flow is gone.
    expect((await returnFrom(a, back)).statusCode).toBe(400)
    // The old code with a new flow's state and cookie: the provider refuses the used code.
    const b = agent()
    const fresh = new URL(await signInAtProvider(await start(b), 'ada-1'))
    const replay = new URL(fresh)
    replay.searchParams.set('code', back.searchParams.get('code') ?? '')
    const res = await returnFrom(b, replay)
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('could not be verified')
    expect(await sessionCount()).toBe(sessions)
  })

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const a = agent()
    const url = await start(a)
    const state = new URL(url).searchParams.get('state') ?? ''
    await t.db
      .updateTable('oidc_logins')
      .set({ nonce: 'a-nonce-from-some-other-sign-in' })
      .where('state', '=', state)
      .execute()
    const sessions = await sessionCount()
    const res = await returnFrom(a, await signInAtProvider(url, 'ada-1'))
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('could not be verified')
    expect(await sessionCount()).toBe(sessions)
  })

  it('says clearly when a provider is down, with a way back, and logs it', async () => {
    const a = agent()
    await a.get('/login')
    const res = await a.post('/auth/oidc/down/start', { next: '/tags' })
    expect(res.statusCode).toBe(503)
    const doc = parseHtml(res.body)
    expect(doc.querySelector('h1')?.textContent).toBe('Down ID could not be reached')
    expect(doc.querySelector('a[href="/login"]')).not.toBeNull()
    expect(
      logLines.some((l) => l.msg === 'sign-in provider unavailable' && l.provider === 'down'),
    ).toBe(true)

    // A provider that goes away between the sign-in and the way back: the same page, no session.
    const b = agent()
    const back = await signInAtProvider(await start(b, 'flaky'), 'gus-7')
    await flaky.close()
    const sessions = await sessionCount()
    const late = await returnFrom(b, back)
    expect(late.statusCode).toBe(503)
    expect(late.body).toContain('Flaky ID could not be reached')
    expect(await sessionCount()).toBe(sessions)
  })

  it('reads the discovery document once, retries a failed fetch once, and never keeps a failure', async () => {
    const shaky = await startTestProvider(callbackOf('shaky'), [{ sub: 'hal-8' }])
    const shakyApp = await buildTestApp(t.handle, {
      PUBLIC_URL,
      OIDC_PROVIDERS: shaky.configFor('shaky', 'Shaky ID'),
    })
    try {
      const a = new Agent(shakyApp, `10.${net}.250.1`)
      await a.get('/login')
      // Both tries fail: a 503 page, and nothing is kept.
      shaky.failNext(2)
      expect((await a.post('/auth/oidc/shaky/start')).statusCode).toBe(503)
      expect(shaky.discoveryFetches).toBe(2)
      // The first try fails, the retry works.
      shaky.failNext(1)
      expect((await a.post('/auth/oidc/shaky/start')).statusCode).toBe(303)
      expect(shaky.discoveryFetches).toBe(4)
      // Kept from now on.
      expect((await a.post('/auth/oidc/shaky/start')).statusCode).toBe(303)
      expect(shaky.discoveryFetches).toBe(4)
    } finally {
      await shakyApp.close()
      await shaky.close()
    }
  })

  it('refuses every form without its CSRF token, or with another session’s', async () => {
    const a = agent()
    await signInWith(a, 'ada-1')
    const { agent: member } = await signedIn(app, t.db, 'csrf_member')
    await member.get('/settings/logins')
    const forms: [Agent, string, Record<string, string>][] = [
      [agent(), '/auth/oidc/test/start', {}],
      [member, '/auth/oidc/test/start', {}],
      [agent(), '/auth/oidc/account', { username: 'no_token' }],
      [agent(), '/auth/oidc/link', { login: 'carol', password: TEST_PASSWORD }],
      [member, '/settings/logins/unlink', { id: '1' }],
    ]
    for (const [who, url, form] of forms) {
      expect((await who.post(url, form, { csrf: null })).statusCode, url).toBe(403)
      const other = await agent().get('/login')
      const foreign = /name="_csrf" value="([^"]+)"/.exec(other.body)?.[1] ?? ''
      expect((await who.post(url, form, { csrf: foreign })).statusCode, url).toBe(403)
    }
    expect(await userRow('no_token')).toBeUndefined()
  })

  it('answers an unknown provider with 404, not a 500', async () => {
    const a = agent()
    await a.get('/login')
    expect((await a.post('/auth/oidc/nope/start')).statusCode).toBe(404)
    expect((await a.get('/auth/oidc/nope/callback?code=x&state=y')).statusCode).toBe(404)
    expect((await a.get('/auth/oidc/account')).statusCode).toBe(400)
  })
})
