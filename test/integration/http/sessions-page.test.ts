/**
 * /settings/sessions: what each session records (browser, address, created, last seen), signing one
 * out, signing out everywhere else, and the refusals: another person's session, a missing or foreign
 * CSRF token, an anonymous request.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  findSessionViewer,
  publicSessionId,
  TOUCH_EVERY_MS,
  USER_AGENT_MAX,
} from '../../../src/domain/sessions/index.js'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const FIREFOX_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0'
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

describe.each(DIALECTS)('%s: the sessions page', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  /** Signs `username` in from a browser of its own, sending `userAgent` with every request. */
  async function browser(username: string, ip: string, userAgent: string): Promise<Agent> {
    const agent = new Agent(app, ip)
    const headers = { 'user-agent': userAgent }
    await agent.get('/login', headers)
    const res = await agent.post(
      '/login',
      { login: username, password: TEST_PASSWORD },
      { headers },
    )
    expect(res.statusCode).toBe(303)
    await agent.get('/settings/sessions', headers)
    return agent
  }

  async function sessionIdsOf(userId: number): Promise<string[]> {
    const rows = await t.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', userId)
      .execute()
    return rows.map((r) => publicSessionId(r.id_hash))
  }

  it('lists each session with its browser, address and times, this one marked', async () => {
    const { id } = await signedIn(app, t.db, 'sessions_lister')
    const mac = await browser('sessions_lister', '10.20.0.1', FIREFOX_MAC)
    await browser('sessions_lister', '10.20.0.2', CHROME_WINDOWS)
    const page = await mac.get('/settings/sessions')
    expect(page.statusCode).toBe(200)
    const doc = parseHtml(page.body)
    const items = [...doc.querySelectorAll('.session')]
    expect(items).toHaveLength(3)
    const current = items.filter((li) => li.querySelector('.session-current'))
    expect(current).toHaveLength(1)
    expect(current[0]?.querySelector('.session-device strong')?.textContent).toBe(
      'Firefox on macOS',
    )
    expect(current[0]?.textContent).toContain('10.20.0.1')
    expect(current[0]?.querySelector('form')).toBeNull() // the header's sign-out serves this one
    const chrome = items.find((li) => li.textContent?.includes('Chrome on Windows'))
    expect(chrome?.textContent).toContain('10.20.0.2')
    expect(chrome?.querySelectorAll('time')).toHaveLength(2)
    expect(chrome?.querySelector('form[action="/settings/sessions/end"]')).not.toBeNull()
    // The settings navigation names this page.
    expect(doc.querySelector('.settings-nav a[aria-current="page"]')?.textContent).toBe('Sessions')
    // Neither the token nor its stored hash reaches the page.
    const rows = await t.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', id)
      .execute()
    for (const row of rows) expect(page.body).not.toContain(row.id_hash)
    for (const token of mac.cookies.values()) expect(page.body).not.toContain(token)
  })

  it('stores the raw user agent cut to its cap and the address the server saw', async () => {
    const { id } = await signedIn(app, t.db, 'sessions_long_ua')
    const padded = `${FIREFOX_MAC} ${'x'.repeat(2000)}`
    await browser('sessions_long_ua', '10.20.1.1', padded)
    const row = await t.db
      .selectFrom('sessions')
      .select(['user_agent', 'ip'])
      .where('user_id', '=', id)
      .where('ip', '=', '10.20.1.1')
      .executeTakeFirstOrThrow()
    expect(row.user_agent).toBe(padded.slice(0, USER_AGENT_MAX))
  })

  it('records the address TRUST_PROXY believes, not the one a client writes', async () => {
    const proxied = await buildTestApp(t.handle, { TRUST_PROXY: '1' })
    try {
      const { id } = await signedIn(proxied, t.db, 'sessions_proxied')
      const agent = new Agent(proxied, '127.0.0.1') // the proxy's own address
      // The client wrote the left entry; the proxy appended the address it saw.
      const headers = { 'x-forwarded-for': '198.51.100.66, 203.0.113.5', 'user-agent': FIREFOX_MAC }
      await agent.get('/login', headers)
      const res = await agent.post(
        '/login',
        { login: 'sessions_proxied', password: TEST_PASSWORD },
        { headers },
      )
      expect(res.statusCode).toBe(303)
      const rows = await t.db
        .selectFrom('sessions')
        .select('ip')
        .where('user_id', '=', id)
        .where('user_agent', '=', FIREFOX_MAC)
        .execute()
      expect(rows.map((r) => r.ip)).toEqual(['203.0.113.5'])
    } finally {
      await proxied.close()
    }
  })

  it('writes last seen at most once every few minutes, not per request', async () => {
    const { id } = await signedIn(app, t.db, 'sessions_touch')
    const agent = await browser('sessions_touch', '10.20.2.1', FIREFOX_MAC)
    const token = agent.cookies.get('quorum_session') ?? ''
    const read = () =>
      t.db
        .selectFrom('sessions')
        .select(['last_seen_at', 'ip'])
        .where('user_id', '=', id)
        .where('ip', 'is not', null)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    const before = await read()
    const start = before.last_seen_at
    const client = { userAgent: FIREFOX_MAC, ip: '10.20.2.9' }
    for (const offset of [1_000, 60_000, TOUCH_EVERY_MS - 1]) {
      expect(await findSessionViewer(t.db, token, start + offset, client)).toBeDefined()
      expect((await read()).last_seen_at).toBe(start)
    }
    await findSessionViewer(t.db, token, start + TOUCH_EVERY_MS, client)
    const after = await read()
    expect(after.last_seen_at).toBe(start + TOUCH_EVERY_MS)
    expect(after.ip).toBe('10.20.2.9')
  })

  it('signs out one other session, which then counts as anonymous', async () => {
    const { id } = await signedIn(app, t.db, 'sessions_one')
    const first = await browser('sessions_one', '10.20.3.1', FIREFOX_MAC)
    const second = await browser('sessions_one', '10.20.3.2', CHROME_WINDOWS)
    const page = parseHtml((await first.get('/settings/sessions')).body)
    const chrome = [...page.querySelectorAll('.session')].find((li) =>
      li.textContent?.includes('10.20.3.2'),
    )
    const target = chrome?.querySelector<HTMLInputElement>('input[name="session"]')?.value ?? ''
    expect(target).not.toBe('')
    const res = await first.post('/settings/sessions/end', { session: target })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/settings/sessions?ended=1')
    expect(await sessionIdsOf(id)).not.toContain(target)
    const after = await second.get('/settings/sessions')
    expect(after.statusCode).toBe(303)
    expect(after.headers.location).toBe('/login?next=/settings/sessions')
    const notice = await first.get('/settings/sessions?ended=1')
    expect(texts(parseHtml(notice.body), '.notice-success')).toEqual(['Signed out of one session.'])
  })

  it("refuses another person's session id and leaves that session signed in", async () => {
    const { id: victimId } = await signedIn(app, t.db, 'sessions_victim')
    const victim = await browser('sessions_victim', '10.20.4.1', FIREFOX_MAC)
    const { agent: intruder } = await signedIn(app, t.db, 'sessions_intruder')
    await intruder.get('/settings/sessions')
    const victimIds = await sessionIdsOf(victimId)
    for (const target of victimIds) {
      const res = await intruder.post('/settings/sessions/end', { session: target })
      expect(res.statusCode).toBe(404)
    }
    expect(await sessionIdsOf(victimId)).toEqual(victimIds)
    expect((await victim.get('/settings/sessions')).statusCode).toBe(200)
  })

  it('signs out everywhere else and keeps this session', async () => {
    const { id } = await signedIn(app, t.db, 'sessions_all')
    const keep = await browser('sessions_all', '10.20.5.1', FIREFOX_MAC)
    const other = await browser('sessions_all', '10.20.5.2', CHROME_WINDOWS)
    expect(await sessionIdsOf(id)).toHaveLength(3)
    const res = await keep.post('/settings/sessions/end-others')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/settings/sessions?ended=2')
    expect(await sessionIdsOf(id)).toHaveLength(1)
    expect((await keep.get('/settings/sessions')).statusCode).toBe(200)
    expect((await other.get('/settings/sessions')).statusCode).toBe(303)
  })

  it('signing out the current session from the list ends it and clears the cookie', async () => {
    const { id, agent } = await signedIn(app, t.db, 'sessions_self')
    await agent.get('/settings/sessions')
    const [own] = await sessionIdsOf(id)
    const res = await agent.post('/settings/sessions/end', { session: own ?? '' })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/')
    expect(await sessionIdsOf(id)).toEqual([])
  })

  it('refuses both writes without a CSRF token, with a foreign one, and when anonymous', async () => {
    const { id } = await signedIn(app, t.db, 'sessions_csrf')
    const agent = await browser('sessions_csrf', '10.20.6.1', FIREFOX_MAC)
    await browser('sessions_csrf', '10.20.6.2', CHROME_WINDOWS)
    const before = await sessionIdsOf(id)
    const { agent: stranger } = await signedIn(app, t.db, 'sessions_csrf_other')
    await stranger.get('/settings/sessions')
    const target = before[0] ?? ''
    for (const csrf of [null, stranger.csrf]) {
      expect(
        (await agent.post('/settings/sessions/end', { session: target }, { csrf })).statusCode,
      ).toBe(403)
      expect((await agent.post('/settings/sessions/end-others', {}, { csrf })).statusCode).toBe(403)
    }
    const anonymous = new Agent(app, '10.20.6.3')
    await anonymous.get('/login')
    expect((await anonymous.post('/settings/sessions/end', { session: target })).statusCode).toBe(
      403,
    )
    expect((await anonymous.post('/settings/sessions/end-others')).statusCode).toBe(403)
    expect((await anonymous.get('/settings/sessions')).headers.location).toBe(
      '/login?next=/settings/sessions',
    )
    expect(await sessionIdsOf(id)).toEqual(before)
  })
})
