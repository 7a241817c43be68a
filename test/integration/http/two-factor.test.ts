/**
 * Two-factor sign-in with TOTP and recovery codes, through the real pages on every database: codes are
 * made with otplib from the secret the setup page shows, as an authenticator app would.
 */
import type { FastifyInstance } from 'fastify'
import { generate } from 'otplib'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTwoFactorLimits, twoFactorLimits } from '../../../src/domain/two-factor/index.js'
import { authLimits, createAuthLimits } from '../../../src/domain/users/index.js'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

/** The code an app shows `offsetS` seconds from now. */
function codeAt(secret: string, offsetS = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetS })
}

function secretOn(body: string): string {
  const secret = /<code class="totp-secret">([A-Z2-7]+)<\/code>/.exec(body)?.[1]
  if (!secret) throw new Error('no secret on the page')
  return secret
}

function recoveryCodesOn(body: string): string[] {
  return [...body.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]!)
}

describe.each(DIALECTS)('%s: two-factor sign-in with TOTP', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())
  beforeEach(() => {
    Object.assign(twoFactorLimits, createTwoFactorLimits())
    Object.assign(authLimits, createAuthLimits())
  })

  /** Turns TOTP on for a signed-in agent; returns the secret and the recovery codes. */
  async function turnOn(agent: Agent): Promise<{ secret: string; recoveryCodes: string[] }> {
    await agent.get('/settings/security')
    const setup = await agent.post('/settings/security/totp/setup')
    expect(setup.statusCode).toBe(200)
    const secret = secretOn(setup.body)
    const enabled = await agent.post('/settings/security/totp/enable', {
      code: await codeAt(secret),
    })
    expect(enabled.statusCode, enabled.body.slice(0, 500)).toBe(200)
    return { secret, recoveryCodes: recoveryCodesOn(enabled.body) }
  }

  /** Signs out and posts the password; returns the answer (a redirect to the code page). */
  async function password(agent: Agent, login: string, next?: string) {
    await agent.post('/logout')
    agent.cookies.delete('quorum_session')
    await agent.get('/login')
    return agent.post('/login', { login, password: TEST_PASSWORD, ...(next ? { next } : {}) })
  }

  async function code(agent: Agent, value: string, next?: string) {
    const url = next ? `/login/two-factor?next=${encodeURIComponent(next)}` : '/login/two-factor'
    await agent.get(url)
    return agent.post(url, { code: value })
  }

  it('shows the security page in the settings navigation, and only to members', async () => {
    const { agent } = await signedIn(app, t.db, 'tf_nav')
    const page = await agent.get('/settings/security')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('href="/settings/security" aria-current="page"')
    expect((await agent.get('/settings')).body).toContain('href="/settings/security"')
    const anonymous = await new Agent(app, '10.9.0.1').get('/settings/security')
    expect(anonymous.statusCode).toBe(303)
    expect(anonymous.headers.location).toBe('/login?next=/settings/security')
  })

  it('refuses a wrong code when turning on, then turns on with the right one', async () => {
    const { agent, id } = await signedIn(app, t.db, 'tf_enable')
    await agent.get('/settings/security')
    const setup = await agent.post('/settings/security/totp/setup')
    const secret = secretOn(setup.body)
    expect(setup.body).toContain('<svg class="qr-code"')
    expect(setup.body).not.toMatch(/<img[^>]+data:/)

    const right = await codeAt(secret)
    const wrong = right === '000000' ? '111111' : '000000'
    const refused = await agent.post('/settings/security/totp/enable', { code: wrong })
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain('That code does not match')
    expect(secretOn(refused.body)).toBe(secret) // the same secret, to try again
    let row = await t.db
      .selectFrom('totp_secrets')
      .selectAll()
      .where('user_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.enabled_at).toBeNull()

    const on = await agent.post('/settings/security/totp/enable', { code: right })
    expect(on.statusCode).toBe(200)
    const codes = recoveryCodesOn(on.body)
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    row = await t.db
      .selectFrom('totp_secrets')
      .selectAll()
      .where('user_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.enabled_at).not.toBeNull()
    expect(row.secret_enc).not.toContain(secret) // encrypted at rest

    const stored = await t.db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', id)
      .execute()
    expect(stored).toHaveLength(10)
    for (const c of codes) expect(stored.map((s) => s.code_hash).join()).not.toContain(c)

    // Never shown again.
    const later = await agent.get('/settings/security')
    expect(later.body).not.toContain(secret)
    expect(recoveryCodesOn(later.body)).toEqual([])
    expect(later.body).toContain('10 unused recovery codes')
  })

  it('asks for the code after the password, and signs in only with the right one', async () => {
    const { agent, id } = await signedIn(app, t.db, 'tf_login')
    const { secret } = await turnOn(agent)
    const res = await password(agent, 'tf_login')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/login/two-factor')
    expect(res.cookies.find((c) => c.name === 'quorum_session')).toBeUndefined()
    expect(res.cookies.find((c) => c.name === 'quorum_2fa')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
    })
    // Not signed in yet.
    expect((await agent.get('/settings')).statusCode).toBe(303)

    const page = await agent.get('/login/two-factor')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Code from your authenticator app')

    const next = await codeAt(secret, 30)
    const wrong = next === '123456' ? '654321' : '123456'
    const refused = await agent.post('/login/two-factor', { code: wrong })
    expect(refused.statusCode).toBe(422)
    expect(refused.cookies.find((c) => c.name === 'quorum_session')).toBeUndefined()

    const ok = await code(agent, next)
    expect(ok.statusCode).toBe(303)
    expect(ok.headers.location).toBe('/')
    expect(ok.cookies.find((c) => c.name === 'quorum_session')?.value).toBeTruthy()
    expect((await agent.get('/settings')).statusCode).toBe(200)
    // The session records the browser and address, as a password-only sign-in's does.
    const sessions = await t.db
      .selectFrom('sessions')
      .select(['user_agent', 'ip'])
      .where('user_id', '=', id)
      .orderBy('created_at', 'desc')
      .execute()
    expect(sessions[0]).toMatchObject({ ip: agent.ip })
    expect(sessions[0]?.user_agent).toBeTruthy()
  })

  it('refuses a code used once already (replay)', async () => {
    const { agent } = await signedIn(app, t.db, 'tf_replay')
    const { secret } = await turnOn(agent)
    const next = await codeAt(secret, 30)
    await password(agent, 'tf_replay')
    expect((await code(agent, next)).statusCode).toBe(303)

    await password(agent, 'tf_replay')
    const again = await code(agent, next)
    expect(again.statusCode).toBe(422)
    expect(again.body).toContain('used already')
    expect(again.cookies.find((c) => c.name === 'quorum_session')).toBeUndefined()
  })

  it('accepts each recovery code once', async () => {
    const { agent } = await signedIn(app, t.db, 'tf_recovery')
    const { recoveryCodes } = await turnOn(agent)
    await password(agent, 'tf_recovery')
    // Typed with capitals and spaces instead of the dash: still the code.
    const typed = recoveryCodes[0]!.toUpperCase().replace('-', ' ')
    expect((await code(agent, typed)).statusCode).toBe(303)

    await password(agent, 'tf_recovery')
    expect((await code(agent, recoveryCodes[0]!)).statusCode).toBe(422)
    expect((await code(agent, recoveryCodes[1]!)).statusCode).toBe(303)
    expect((await agent.get('/settings/security')).body).toContain('8 unused recovery codes')
  })

  it('keeps a safe next through the second step and drops an unsafe one', async () => {
    const { agent } = await signedIn(app, t.db, 'tf_next')
    const { recoveryCodes } = await turnOn(agent)
    const res = await password(agent, 'tf_next', '/tags/kernel?page=2')
    expect(res.headers.location).toBe('/login/two-factor?next=%2Ftags%2Fkernel%3Fpage%3D2')
    const done = await code(agent, recoveryCodes[0]!, '/tags/kernel?page=2')
    expect(done.headers.location).toBe('/tags/kernel?page=2')

    const evil = await password(agent, 'tf_next', '//evil.test/x')
    expect(evil.headers.location).toBe('/login/two-factor')
    const home = await code(agent, recoveryCodes[1]!, 'https://evil.test/')
    expect(home.headers.location).toBe('/')
  })

  it('binds the pending sign-in to the browser that typed the password', async () => {
    const { agent } = await signedIn(app, t.db, 'tf_bound')
    const { recoveryCodes } = await turnOn(agent)
    await password(agent, 'tf_bound')
    const other = new Agent(app, '10.9.0.2')
    const page = await other.get('/login/two-factor')
    expect(page.statusCode).toBe(303)
    expect(page.headers.location).toBe('/login')
    await other.get('/login')
    const res = await other.post('/login/two-factor', { code: recoveryCodes[0]! })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/login')
    expect(res.cookies.find((c) => c.name === 'quorum_session')).toBeUndefined()
    // The code was not spent by the stranger.
    expect((await code(agent, recoveryCodes[0]!)).statusCode).toBe(303)
  })

  it('ends a pending sign-in after 10 minutes', async () => {
    const { agent, id } = await signedIn(app, t.db, 'tf_expiry')
    const { recoveryCodes } = await turnOn(agent)
    await password(agent, 'tf_expiry')
    const pending = await t.db
      .selectFrom('sign_in_challenges')
      .selectAll()
      .where('user_id', '=', id)
      .where('purpose', '=', 'second-step')
      .executeTakeFirstOrThrow()
    expect(pending.expires_at - pending.created_at).toBe(10 * 60_000)
    expect(pending.id_hash).not.toBe(agent.cookies.get('quorum_2fa'))
    await t.db
      .updateTable('sign_in_challenges')
      .set({ expires_at: Date.now() - 1 })
      .where('id_hash', '=', pending.id_hash)
      .execute()
    await agent.get('/login')
    const res = await agent.post('/login/two-factor', { code: recoveryCodes[0]! })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/login')
    expect(res.cookies.find((c) => c.name === 'quorum_session')).toBeUndefined()
    // The next sign-in sweeps the expired row away.
    await password(agent, 'tf_expiry')
    const left = await t.db
      .selectFrom('sign_in_challenges')
      .select('id_hash')
      .where('id_hash', '=', pending.id_hash)
      .execute()
    expect(left).toEqual([])
  })

  it('turns codes off only with the password', async () => {
    const { agent, id } = await signedIn(app, t.db, 'tf_disable')
    await turnOn(agent)
    await agent.get('/settings/security')
    const wrong = await agent.post('/settings/security/totp/disable', { password: 'not it at all' })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.body).toContain('That is not your password.')
    expect(
      await t.db.selectFrom('totp_secrets').select('user_id').where('user_id', '=', id).execute(),
    ).toHaveLength(1)

    const off = await agent.post('/settings/security/totp/disable', { password: TEST_PASSWORD })
    expect(off.statusCode).toBe(200)
    expect(off.body).toContain('Two-factor codes are off.')
    const rows = t.db.selectFrom('recovery_codes').selectAll().where('user_id', '=', id)
    expect(await rows.execute()).toHaveLength(0)
    const res = await password(agent, 'tf_disable')
    expect(res.headers.location).toBe('/')
    expect(res.cookies.find((c) => c.name === 'quorum_session')).toBeDefined()
  })

  it('makes new recovery codes only with the password; the old ones stop working', async () => {
    const { agent } = await signedIn(app, t.db, 'tf_regen')
    const { recoveryCodes: old } = await turnOn(agent)
    await agent.get('/settings/security')
    const wrong = await agent.post('/settings/security/recovery-codes', { password: 'nope nope' })
    expect(wrong.statusCode).toBe(422)
    const made = await agent.post('/settings/security/recovery-codes', { password: TEST_PASSWORD })
    expect(made.statusCode).toBe(200)
    const fresh = recoveryCodesOn(made.body)
    expect(fresh).toHaveLength(10)
    await password(agent, 'tf_regen')
    expect((await code(agent, old[0]!)).statusCode).toBe(422)
    expect((await code(agent, fresh[0]!)).statusCode).toBe(303)
  })

  it('deletes every second factor with the account', async () => {
    const { agent, id } = await signedIn(app, t.db, 'tf_deleted')
    await turnOn(agent)
    await make.passkey(t.db, id)
    await agent.get('/settings/account')
    const res = await agent.post('/settings/account/delete', {
      password: TEST_PASSWORD,
      confirm: 'tf_deleted',
    })
    expect(res.statusCode).toBe(303)
    for (const table of ['totp_secrets', 'recovery_codes', 'passkeys'] as const) {
      const rows = await t.db
        .selectFrom(table)
        .select('user_id')
        .where('user_id', '=', id)
        .execute()
      expect(rows, table).toEqual([])
    }
  })

  it('holds an account after 10 codes, even the right one, with Retry-After', async () => {
    const { agent } = await signedIn(app, t.db, 'tf_limit')
    const { recoveryCodes } = await turnOn(agent)
    await password(agent, 'tf_limit')
    await agent.get('/login/two-factor')
    for (let i = 0; i < 10; i++) {
      const res = await agent.post('/login/two-factor', { code: 'wrong-guess' })
      expect(res.statusCode).toBe(422)
    }
    const held = await agent.post('/login/two-factor', { code: recoveryCodes[0]! })
    expect(held.statusCode).toBe(429)
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0)
    expect(held.body).toContain('Too many attempts')
    expect(held.cookies.find((c) => c.name === 'quorum_session')).toBeUndefined()
  })

  it('holds an address after 50 codes across accounts', async () => {
    const ip = '10.9.9.9'
    const agents: Agent[] = []
    for (let n = 0; n < 6; n++) {
      const { agent } = await signedIn(app, t.db, `tf_ip_${n}`)
      await turnOn(agent)
      const fromIp = new Agent(app, ip)
      await fromIp.get('/login')
      await fromIp.post('/login', { login: `tf_ip_${n}`, password: TEST_PASSWORD })
      agents.push(fromIp)
    }
    let statuses: number[] = []
    for (const a of agents) {
      await a.get('/login/two-factor')
      for (let i = 0; i < 9; i++)
        statuses.push((await a.post('/login/two-factor', { code: 'bad-guess' })).statusCode)
    }
    statuses = statuses.slice(48)
    expect(statuses[0]).toBe(422)
    expect(statuses[1]).toBe(422)
    expect(statuses.slice(2).every((s) => s === 429)).toBe(true)
  })

  it('refuses every two-factor form without a CSRF token, or with another session’s', async () => {
    const { agent, id } = await signedIn(app, t.db, 'tf_csrf')
    const { agent: other } = await signedIn(app, t.db, 'tf_csrf_other')
    await other.get('/settings/security')
    const posts: [string, Record<string, string>][] = [
      ['/settings/security/totp/setup', {}],
      ['/settings/security/totp/enable', { code: '123456' }],
      ['/settings/security/totp/disable', { password: TEST_PASSWORD }],
      ['/settings/security/recovery-codes', { password: TEST_PASSWORD }],
      ['/settings/security/passkeys/options', {}],
      ['/settings/security/passkeys', { name: 'x', response: '{}' }],
      ['/settings/security/passkeys/1/delete', {}],
      ['/login/two-factor', { code: '123456' }],
      ['/login/passkey/options', {}],
      ['/login/passkey', { response: '{}' }],
      ['/login/two-factor/passkey/options', {}],
      ['/login/two-factor/passkey', { response: '{}' }],
    ]
    for (const [url, form] of posts) {
      expect((await agent.post(url, form, { csrf: null })).statusCode, url).toBe(403)
      expect((await agent.post(url, form, { csrf: other.csrf })).statusCode, url).toBe(403)
    }
    expect(
      await t.db.selectFrom('totp_secrets').select('user_id').where('user_id', '=', id).execute(),
    ).toHaveLength(0)
  })
})
