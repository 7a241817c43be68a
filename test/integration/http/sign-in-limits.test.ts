/**
 * Sign-in and registration limits (SECURITY.md row 8; issue 28 findings 3, 7 and 10): each attempt is
 * counted before the argon2 work it guards, so parallel requests cannot all pass one check; an account is
 * one counter whichever of its names is typed; a stranger guessing from one address cannot lock the
 * owner out of their account from another.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AttemptLimiter } from '../../../src/domain/shared/attempt-limiter.js'
import { authLimits, createAuthLimits } from '../../../src/domain/users/index.js'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { useTestDb } from '../../support/test-db.js'

const statuses = (responses: LightMyRequestResponse[]) =>
  responses.reduce<Record<number, number>>((count, r) => {
    count[r.statusCode] = (count[r.statusCode] ?? 0) + 1
    return count
  }, {})

describe.each(DIALECTS)('%s: sign-in and registration limits', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let owner: string

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    owner = (await signedIn(app, t.db, 'limit_owner')).agent.ip
  })
  beforeEach(() => {
    Object.assign(authLimits, createAuthLimits())
  })
  afterAll(async () => app?.close())

  /** A client at `ip` holding the sign-in page's token. */
  const client = async (ip: string) => {
    const agent = new Agent(app, ip)
    await agent.get('/login')
    return agent
  }
  const attempt = (agent: Agent, login: string, password: string) =>
    agent.post('/login', { login, password })

  it('checks at most 20 of 60 parallel wrong passwords for one account from one address', async () => {
    const attacker = await client('10.6.0.1')
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attempt(attacker, 'limit_owner', `parallel guess ${i}`)),
    )
    expect(statuses(answers)).toEqual({ 422: 20, 429: 40 })
    expect(answers.find((r) => r.statusCode === 429)?.headers['retry-after']).toMatch(/^\d+$/)
  })

  it('checks at most 50 parallel wrong passwords from one address across accounts', async () => {
    const sprayer = await client('10.6.0.2')
    const answers = await Promise.all(
      Array.from({ length: 70 }, (_, i) => attempt(sprayer, `account${i}`, 'spray password 1')),
    )
    expect(statuses(answers)).toEqual({ 422: 50, 429: 20 })
    expect((await attempt(sprayer, 'limit_owner', TEST_PASSWORD)).statusCode).toBe(429)
  })

  it('creates at most 10 accounts from 100 parallel sign-ups from one address', async () => {
    const agent = new Agent(app, '10.6.0.3')
    await agent.get('/register')
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        agent.post('/register', {
          username: `burst_${i}`,
          email: `burst_${i}@example.test`,
          password: 'a long enough passphrase',
        }),
      ),
    )
    expect(statuses(answers)).toEqual({ 303: 10, 429: 90 })
    const created = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('username_key', 'like', 'burst%')
      .executeTakeFirstOrThrow()
    expect(Number(created.n)).toBe(10)
  })

  it('counts sign-ups with a taken email against the address', async () => {
    const prober = new Agent(app, '10.6.0.4')
    await prober.get('/register')
    for (let i = 0; i < 10; i++) {
      const res = await prober.post('/register', {
        username: `probe_${i}`,
        email: 'limit_owner@example.test',
        password: 'a long enough passphrase',
      })
      // Answered as a new address is (issue 28 finding 10), and still counted.
      expect(res.statusCode).toBe(303)
    }
    const next = await prober.post('/register', {
      username: 'probe_new',
      email: 'probe_new@example.test',
      password: 'a long enough passphrase',
    })
    expect(next.statusCode).toBe(429)
    expect(next.body).toContain('probe_new') // the form comes back filled in
  })

  it('holds the guessing address but lets the owner in from their own', async () => {
    const attacker = await client('10.6.0.5')
    for (let i = 0; i < 20; i++)
      expect((await attempt(attacker, 'limit_owner', `guess ${i}`)).statusCode).toBe(422)
    const held = await attempt(attacker, 'limit_owner', TEST_PASSWORD)
    expect(held.statusCode).toBe(429)
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0)
    expect(held.body).toMatch(/Try again in \d+ minutes?/)
    const ownerAgain = await client(owner)
    expect((await attempt(ownerAgain, 'limit_owner', TEST_PASSWORD)).statusCode).toBe(303)
  })

  it('counts the username and the email of one account as one account', async () => {
    const attacker = await client('10.6.0.6')
    for (let i = 0; i < 10; i++) {
      expect((await attempt(attacker, 'limit_owner', `by name ${i}`)).statusCode).toBe(422)
      expect((await attempt(attacker, 'LIMIT_OWNER@example.test', `by mail ${i}`)).statusCode).toBe(
        422,
      )
    }
    expect((await attempt(attacker, 'limit_owner@example.test', TEST_PASSWORD)).statusCode).toBe(
      429,
    )
    expect((await attempt(attacker, 'limit_owner', TEST_PASSWORD)).statusCode).toBe(429)
  })

  it('holds an account whose guesses come from many addresses, past the per-account limit', async () => {
    authLimits.account = new AttemptLimiter({ max: 30, windowMs: 60 * 60_000 })
    for (const ip of ['10.6.1.1', '10.6.1.2', '10.6.1.3']) {
      const attacker = await client(ip)
      for (let i = 0; i < 10; i++)
        expect((await attempt(attacker, 'limit_owner', `spread ${i}`)).statusCode).toBe(422)
    }
    const ownerAgain = await client(owner)
    expect((await attempt(ownerAgain, 'limit_owner', TEST_PASSWORD)).statusCode).toBe(429)
  })

  it('does not count a right password: the owner can mistype again after signing in', async () => {
    const me = await client('10.6.0.7')
    for (let i = 0; i < 19; i++) await attempt(me, 'limit_owner', `typo ${i}`)
    expect((await attempt(me, 'limit_owner', TEST_PASSWORD)).statusCode).toBe(303)
    const later = await client('10.6.0.7')
    for (let i = 0; i < 19; i++)
      expect((await attempt(later, 'limit_owner', `typo again ${i}`)).statusCode).toBe(422)
  })
})
