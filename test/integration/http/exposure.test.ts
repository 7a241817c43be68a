/**
 * What the server must never show (SECURITY.md rows 7, 34 and 35): files of the checkout (`.git`, `.env`,
 * source maps, node_modules, backups) are 404 with no listing, and the log records every sign-in attempt
 * with its address but never a password, a session cookie or a CSRF token.
 */
import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: nothing exposed', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let log = ''

  beforeAll(async () => {
    const stream = new PassThrough()
    stream.on('data', (chunk: Buffer) => (log += chunk.toString()))
    app = await buildTestApp(t.handle, { LOG_LEVEL: 'debug' }, { logStream: stream })
  })
  afterAll(async () => app?.close())

  it.each([
    '/.git/HEAD',
    '/.git/config',
    '/.env',
    '/package.json',
    '/node_modules/fastify/package.json',
    '/src/app.ts',
    '/dist/src/app.js',
    '/assets/build/main.js.map',
    '/data/quorum.db',
    '/backup.tar.gz',
    '/assets/',
    '/assets/../package.json',
    '/assets/%2e%2e/package.json',
  ])('answers 404 for %s, with no listing and no stack', async (url) => {
    const res = await app.inject({ url })
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toMatch(/Index of|"dependencies"|at \w+ \(|node:internal/)
  })

  it('never logs the token of a mailed link', async () => {
    const { id } = await signedIn(app, t.db, 'log_link_owner')
    const token = 'QzY2x1mC0ntHe7Rq9v4sT3kLpW8aB5nD6eF0gH1iJ2k'
    for (const url of [`/password/reset?token=${token}`, `/email/confirm?token=${token}&x=1`])
      await app.inject({ url, remoteAddress: '10.9.1.9' })
    expect(id).toBeGreaterThan(0)
    expect(log).toContain('/password/reset?token=[redacted]')
    expect(log).toContain('/email/confirm?token=[redacted]&x=1')
    expect(log).not.toContain(token)
  })

  it('logs sign-in attempts with the address, and never a password, cookie or token', async () => {
    const { agent } = await signedIn(app, t.db, 'log_reader')
    const stranger = new Agent(app, '10.9.1.2')
    await stranger.get('/login')
    await stranger.post('/login', { login: 'log_reader', password: 'Wrong but secret 12345' })
    const newcomer = new Agent(app, '10.9.1.3')
    await newcomer.get('/register')
    await newcomer.post('/register', {
      username: 'log_newcomer',
      email: 'log_newcomer@example.test',
      password: 'Registration secret 67890',
    })
    await agent.get('/settings')
    await agent.post('/settings/password', {
      current_password: TEST_PASSWORD,
      new_password: 'A brand new secret 24680',
    })

    const lines = log.split('\n').filter((l) => l.trim() !== '')
    const failed = lines.find((l) => l.includes('sign-in failed'))
    expect(failed).toContain('10.9.1.2')
    expect(lines.some((l) => l.includes('signed in'))).toBe(true)
    for (const secret of [
      TEST_PASSWORD,
      'Wrong but secret 12345',
      'Registration secret 67890',
      'A brand new secret 24680',
      ...agent.cookies.values(),
      ...(agent.csrf ? [agent.csrf] : []),
    ])
      expect(log).not.toContain(secret)
  })
})
