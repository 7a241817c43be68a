/**
 * Account mail (issue 21 "Flows", issue 28 finding 10) against a real SMTP server on 127.0.0.1: what
 * arrives is parsed (headers, both parts, links from PUBLIC_URL whatever the Host header said), the
 * links are followed and confirmed; expired, used and altered links; no enumeration on sign-up and
 * forgot-password; the limits on mail; CSRF on every new form; and the gate on posting with SMTP_URL.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { startSmtp, type TestSmtp } from '../../support/smtp.js'
import { useTestDb } from '../../support/test-db.js'

const PUBLIC_URL = 'https://forum.quorum.test'
const PASSPHRASE = 'a long and unusual passphrase'

function addressOf(mail: ParsedMail): string {
  const to = mail.to
  return to && !Array.isArray(to) ? to.text : ''
}

/** The one link in a message's text part that points at `pathname`, as a path on the site. */
function linkIn(mail: ParsedMail, pathname: string): string {
  const url = new RegExp(`https?://[^\\s]+${pathname}\\?token=[\\w-]+`).exec(mail.text ?? '')?.[0]
  if (!url) throw new Error(`no ${pathname} link in: ${mail.text}`)
  expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true)
  const html = parseHtml(String(mail.html))
  expect(html.querySelector(`a[href="${url}"]`)).not.toBeNull()
  const parsed = new URL(url)
  return `${parsed.pathname}${parsed.search}`
}

function errorText(res: LightMyRequestResponse): string {
  return texts(parseHtml(res.body), '.field-error, .error-summary').join(' ')
}

/** The page without its per-visitor parts (none are expected; this only guards the comparison). */
function bodyShape(res: LightMyRequestResponse): string {
  return res.body.replace(/name="_csrf" value="[^"]*"/g, '').replace(/nonce="[^"]*"/g, '')
}

describe.each(DIALECTS)('%s: account mail over SMTP', (dialect) => {
  const t = useTestDb(dialect)
  let smtp: TestSmtp
  let app: FastifyInstance
  const n = dialect === 'sqlite' ? 60 : 61
  const ip = (i: number) => `10.${n}.0.${i}`
  const name = (s: string) => `${dialect}_${s}`
  const address = (s: string) => `${dialect}.${s}@example.test`

  beforeAll(async () => {
    smtp = await startSmtp()
    app = await buildTestApp(t.handle, {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Quorum <forum@quorum.test>',
      PUBLIC_URL,
    })
  })
  afterAll(async () => {
    await app?.close()
    await smtp?.close()
  })

  /** Runs the queued mail and returns what arrived for `to`. */
  async function deliver(to: string): Promise<ParsedMail[]> {
    await app.jobs.drain()
    return smtp.received.filter((m) => addressOf(m) === to)
  }

  async function register(agent: Agent, username: string, email: string) {
    await agent.get('/register')
    return agent.post(
      '/register',
      { username, email, password: PASSPHRASE },
      // A forged Host must not reach any link.
      { headers: { host: 'evil.test' } },
    )
  }

  async function isVerified(username: string): Promise<boolean> {
    const row = await t.db
      .selectFrom('users')
      .select('email_verified_at')
      .where('username_key', '=', username.toLowerCase())
      .executeTakeFirstOrThrow()
    return row.email_verified_at !== null
  }

  it('mails a confirmation link from PUBLIC_URL; opening it confirms nothing; Confirm does, once', async () => {
    const agent = new Agent(app, ip(1))
    const email = address('newcomer')
    const res = await register(agent, name('newcomer'), email)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/register/check-email')
    const [mail, ...more] = await deliver(email)
    expect(more).toEqual([])
    expect(mail?.subject).toBe('Confirm your email address for Quorum')
    expect(mail?.from?.text).toBe('"Quorum" <forum@quorum.test>')
    expect(mail?.text).toContain(`Hello ${name('newcomer')},`)
    expect(mail?.text).not.toContain('evil.test')
    expect(String(mail?.html)).not.toContain('evil.test')
    const link = linkIn(mail as ParsedMail, '/email/confirm')
    const token = new URL(link, PUBLIC_URL).searchParams.get('token') ?? ''
    const stored = await t.db.selectFrom('account_tokens').select('token_hash').execute()
    expect(stored.some((r) => r.token_hash === token)).toBe(false) // only the hash is kept

    // A mail scanner following the link changes nothing.
    const scanner = new Agent(app, ip(2))
    const opened = await scanner.get(link)
    expect(opened.statusCode).toBe(200)
    expect(opened.headers['cache-control']).toContain('no-store')
    expect(await isVerified(name('newcomer'))).toBe(false)
    const page = parseHtml(opened.body)
    expect(page.querySelector('form[action="/email/confirm"] button')?.textContent).toBe('Confirm')
    expect(page.body.textContent).toContain(email)

    expect((await scanner.post('/email/confirm', { token }, { csrf: null })).statusCode).toBe(403)
    expect(await isVerified(name('newcomer'))).toBe(false)
    const confirmed = await scanner.post('/email/confirm', { token })
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.body).toContain('Address confirmed')
    expect(await isVerified(name('newcomer'))).toBe(true)

    const again = await scanner.get(link)
    expect(again.statusCode).toBe(410)
    expect(again.body).toContain('This link was already used')
    await scanner.get('/password/forgot')
    expect((await scanner.post('/email/confirm', { token })).statusCode).toBe(410)
  })

  it('says "expired" and "does not work" for old and altered links, with a way to ask again', async () => {
    const agent = new Agent(app, ip(3))
    const email = address('late')
    await register(agent, name('late'), email)
    const [mail] = await deliver(email)
    const link = linkIn(mail as ParsedMail, '/email/confirm')
    const altered = link.slice(0, -2) + (link.endsWith('AA') ? 'BB' : 'AA')
    const bad = await agent.get(altered)
    expect(bad.statusCode).toBe(410)
    expect(bad.body).toContain('This link does not work')
    expect(parseHtml(bad.body).querySelector('a[href^="/login"]')).not.toBeNull()
    for (const junk of ['', 'x', 'a'.repeat(200), '%00%0d%0a'])
      expect((await agent.get(`/email/confirm?token=${junk}`)).statusCode).toBe(410)
    await t.db
      .updateTable('account_tokens')
      .set({ expires_at: Date.now() - 1 })
      .where('purpose', '=', 'verify-email')
      .where('email', '=', email)
      .execute()
    const expired = await agent.get(link)
    expect(expired.statusCode).toBe(410)
    expect(expired.body).toContain('This link has expired')
    expect(await isVerified(name('late'))).toBe(false)
  })

  it('keeps an unconfirmed member from asking, replying and commenting until they confirm', async () => {
    const threadId = await make.thread(t.db, { replies: 1 })
    const reply = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'reply')
      .executeTakeFirstOrThrow()
    const agent = new Agent(app, ip(4))
    const email = address('gated')
    await register(agent, name('gated'), email)
    await agent.login(name('gated'), PASSPHRASE)
    const home = parseHtml((await agent.get('/')).body)
    expect(home.querySelector('.email-banner')?.textContent).toContain(
      'Confirm your email address to ask, reply and comment',
    )
    expect(home.querySelector('.email-banner form[action="/email/verify/send"]')).not.toBeNull()

    const body = 'A reply that waits for a confirmed address, long enough.'
    const replied = await agent.post(`/threads/${threadId}/replies`, { body })
    expect(replied.statusCode).toBe(403)
    expect(replied.body).toContain('Confirm your email address before you post')
    const commented = await agent.post(`/posts/${reply.id}/comments`, { body })
    expect(commented.statusCode).toBe(403)
    const asked = await agent.postMultipart('/ask', {
      title: 'A question from an unconfirmed member',
      body,
      tags: 'kernel',
    })
    expect(asked.statusCode).toBe(403)
    const json = await agent.post(`/threads/${threadId}/replies`, { body }, { json: true })
    expect(json.statusCode).toBe(403)
    expect(JSON.parse(json.body)).toMatchObject({ error: { code: 'forbidden' } })
    const written = await t.db
      .selectFrom('posts')
      .select('id')
      .where('body_markdown', '=', body)
      .execute()
    expect(written).toEqual([])

    const [mail] = await deliver(email)
    await agent.get(linkIn(mail as ParsedMail, '/email/confirm'))
    expect((await agent.post('/email/confirm', { token: tokenOf(mail) })).statusCode).toBe(200)
    expect(parseHtml((await agent.get('/')).body).querySelector('.email-banner')).toBeNull()
    expect((await agent.post(`/threads/${threadId}/replies`, { body })).statusCode).toBe(303)
  })

  it('"Send again" mails a new link, three an hour per address', async () => {
    const agent = new Agent(app, ip(5))
    const email = address('again')
    await register(agent, name('again'), email)
    await agent.login(name('again'), PASSPHRASE)
    await agent.get('/')
    expect((await agent.post('/email/verify/send', {}, { csrf: null })).statusCode).toBe(403)
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await agent.post('/email/verify/send')).statusCode)
    expect(statuses).toEqual([200, 200, 200, 429])
    const mails = await deliver(email)
    expect(mails).toHaveLength(4) // the sign-up's and three more
    // Each link is its own; the newest works.
    const last = mails.at(-1) as ParsedMail
    await agent.get(linkIn(last, '/email/confirm'))
    expect((await agent.post('/email/confirm', { token: tokenOf(last) })).statusCode).toBe(200)
    expect(await isVerified(name('again'))).toBe(true)
  })

  it('answers a sign-up with a taken address exactly as a new one, and tells the owner once', async () => {
    const { id } = await signedIn(app, t.db, name('owner'))
    const owner = address('owner_addr')
    await t.db
      .updateTable('users')
      .set({ email: owner, email_key: owner.toLowerCase() })
      .where('id', '=', id)
      .execute()
    const fresh = await register(new Agent(app, ip(6)), name('fresh_one'), address('fresh_one'))
    const taken = await register(new Agent(app, ip(7)), name('prober_1'), owner.toUpperCase())
    expect(taken.statusCode).toBe(fresh.statusCode)
    expect(taken.headers.location).toBe(fresh.headers.location)
    expect(taken.cookies.map((c) => c.name)).toEqual(fresh.cookies.map((c) => c.name))
    expect(bodyShape(taken)).toBe(bodyShape(fresh))
    await register(new Agent(app, ip(8)), name('prober_2'), owner)
    const told = await deliver(owner)
    expect(told).toHaveLength(1) // once, however many tries
    expect(told[0]?.subject).toBe('You already have a Quorum account')
    expect(told[0]?.text).toContain(`${PUBLIC_URL}/password/forgot`)
    expect(told[0]?.text).toContain(`${PUBLIC_URL}/login`)
    const made = await t.db
      .selectFrom('users')
      .select('id')
      .where('username_key', 'in', [name('prober_1'), name('prober_2')])
      .execute()
    expect(made).toEqual([])
  })

  it('answers forgot-password the same for known and unknown names, and mails only the known', async () => {
    await signedIn(app, t.db, name('forgetful'))
    const email = `${name('forgetful')}@example.test`
    const answers = []
    for (const [i, login] of [
      [9, name('forgetful')],
      [10, name('nobody_at_all')],
    ] as const) {
      const agent = new Agent(app, ip(i))
      await agent.get('/password/forgot')
      answers.push(await agent.post('/password/forgot', { login }))
    }
    const [known, unknown] = answers as [LightMyRequestResponse, LightMyRequestResponse]
    // The same work in the request for both: one queued job each; who matches is the job's business.
    const queued = await t.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'account.password-reset')
      .where('state', '=', 'pending')
      .execute()
    expect(queued.map((j) => JSON.parse(j.payload) as unknown)).toEqual([
      { login: name('forgetful') },
      { login: name('nobody_at_all') },
    ])
    expect(known.statusCode).toBe(200)
    expect(unknown.statusCode).toBe(200)
    const words = (res: LightMyRequestResponse) =>
      parseHtml(res.body)
        .querySelector('main')
        ?.textContent?.replace(/\S+_(forgetful|nobody_at_all)/, 'NAME')
    expect(words(known)).toBe(words(unknown))
    expect(words(known)).toContain('If an account matches NAME, we are sending a link')
    expect(known.cookies).toEqual(unknown.cookies)
    const before = smtp.received.length
    const mails = await deliver(email)
    expect(mails).toHaveLength(1)
    expect(smtp.received.length - before).toBe(1) // nothing for the unknown name
    expect(mails[0]?.subject).toBe('Reset your Quorum password')
  })

  it('resets the password from the link: one use, other sessions ended, this one signed in', async () => {
    const { agent: laptop } = await signedIn(app, t.db, name('resetter'))
    const email = `${name('resetter')}@example.test`
    const stranger = new Agent(app, ip(11))
    await stranger.get('/password/forgot')
    await stranger.post('/password/forgot', { login: email.toUpperCase() })
    const [mail] = await deliver(email)
    const link = linkIn(mail as ParsedMail, '/password/reset')

    const browser = new Agent(app, ip(12))
    const form = await browser.get(link)
    expect(form.statusCode).toBe(200)
    expect(form.headers['cache-control']).toContain('no-store')
    const token = tokenOf(mail)
    expect(
      (await browser.post('/password/reset', { token, password: 'new pass' }, { csrf: null }))
        .statusCode,
    ).toBe(403)
    const weak = await browser.post('/password/reset', { token, password: 'short' })
    expect(weak.statusCode).toBe(422)
    expect(errorText(weak)).toContain('at least 10 characters')
    expect(parseHtml(weak.body).querySelector('input[name="token"]')?.getAttribute('value')).toBe(
      token,
    )
    const done = await browser.post('/password/reset', {
      token,
      password: 'a fresh passphrase 2026',
    })
    expect(done.statusCode).toBe(303)
    expect(done.cookies.some((c) => c.name === '__Host-quorum_session')).toBe(true)
    expect((await browser.get('/settings')).statusCode).toBe(200)
    expect((await laptop.get('/settings')).statusCode).toBe(303) // ended
    expect((await new Agent(app, ip(13)).login(name('resetter'))).statusCode).toBe(422)
    expect(
      (await new Agent(app, ip(14)).login(name('resetter'), 'a fresh passphrase 2026')).statusCode,
    ).toBe(303)

    const reused = await new Agent(app, ip(15)).get(link)
    expect(reused.statusCode).toBe(410)
    expect(parseHtml(reused.body).querySelector('a[href="/password/forgot"]')).not.toBeNull()
    await browser.get('/')
    expect(
      (await browser.post('/password/reset', { token, password: 'yet another passphrase' }))
        .statusCode,
    ).toBe(410)
    expect((await new Agent(app, ip(16)).get('/password/reset?token=not-a-token')).statusCode).toBe(
      410,
    )
  })

  it('signs nobody in from a reset link when the account has a second factor', async () => {
    const { id } = await signedIn(app, t.db, name('guarded'))
    const email = `${name('guarded')}@example.test`
    await make.passkey(t.db, id)
    const asker = new Agent(app, ip(21))
    await asker.get('/password/forgot')
    await asker.post('/password/forgot', { login: email })
    const [mail] = await deliver(email)
    const browser = new Agent(app, ip(22))
    await browser.get(linkIn(mail as ParsedMail, '/password/reset'))
    const done = await browser.post('/password/reset', {
      token: tokenOf(mail),
      password: 'a guarded passphrase 2026',
    })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe('/login?reset=1')
    expect(done.cookies.some((c) => c.name.endsWith('quorum_session'))).toBe(false)
    const login = await browser.get('/login?reset=1')
    expect(parseHtml(login.body).querySelector('.notice')?.textContent).toContain('second factor')
    // The new password works, and asks for the second step like any sign-in of this account.
    const again = await new Agent(app, ip(23)).login(name('guarded'), 'a guarded passphrase 2026')
    expect(again.statusCode).toBe(303)
    expect(again.headers.location).not.toBe('/')
  })

  it('expires a reset link after an hour', async () => {
    await signedIn(app, t.db, name('slowpoke'))
    const email = `${name('slowpoke')}@example.test`
    const agent = new Agent(app, ip(17))
    await agent.get('/password/forgot')
    await agent.post('/password/forgot', { login: name('slowpoke') })
    const [mail] = await deliver(email)
    const row = await t.db
      .selectFrom('account_tokens')
      .select(['created_at', 'expires_at'])
      .where('email', '=', email)
      .where('purpose', '=', 'password-reset')
      .executeTakeFirstOrThrow()
    expect(Number(row.expires_at) - Number(row.created_at)).toBe(3_600_000)
    await t.db
      .updateTable('account_tokens')
      .set({ expires_at: Date.now() - 1 })
      .where('email', '=', email)
      .execute()
    const res = await agent.get(linkIn(mail as ParsedMail, '/password/reset'))
    expect(res.statusCode).toBe(410)
    expect(res.body).toContain('This link has expired')
  })

  it('sends at most three reset mails an hour to one address, and holds an IP after twenty asks', async () => {
    await signedIn(app, t.db, name('target'))
    const email = `${name('target')}@example.test`
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const agent = new Agent(app, `10.${n}.1.${i}`) // many addresses, one victim
      await agent.get('/password/forgot')
      statuses.push((await agent.post('/password/forgot', { login: name('target') })).statusCode)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]) // the answer never tells
    expect(await deliver(email)).toHaveLength(3)

    const flooder = new Agent(app, ip(18))
    await flooder.get('/password/forgot')
    const answers: number[] = []
    for (let i = 0; i < 21; i++)
      answers.push((await flooder.post('/password/forgot', { login: `nobody${i}` })).statusCode)
    expect(answers.filter((s) => s === 200)).toHaveLength(20)
    const held = await flooder.post('/password/forgot', { login: 'nobody' })
    expect(held.statusCode).toBe(429)
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0)
    expect(parseHtml(held.body).querySelector('input[name="login"]')?.getAttribute('value')).toBe(
      'nobody',
    )
  })

  it('changes the address after the password and a link to the new one; the old one is told', async () => {
    const { agent } = await signedIn(app, t.db, name('mover'))
    const old = `${name('mover')}@example.test`
    const next = address('moved')
    const page = await agent.get('/settings/email')
    expect(page.statusCode).toBe(200)
    expect(
      parseHtml(page.body)
        .querySelector('.settings-nav a[aria-current="page"]')
        ?.getAttribute('href'),
    ).toBe('/settings/email')
    expect(
      (
        await agent.post(
          '/settings/email',
          { email: next, password: TEST_PASSWORD },
          { csrf: null },
        )
      ).statusCode,
    ).toBe(403)
    const wrong = await agent.post('/settings/email', { email: next, password: 'not my password' })
    expect(wrong.statusCode).toBe(422)
    expect(errorText(wrong)).toContain('not your current password')
    expect(parseHtml(wrong.body).querySelector('input[name="email"]')?.getAttribute('value')).toBe(
      next,
    )
    const bad = await agent.post('/settings/email', {
      email: 'not-an-address',
      password: TEST_PASSWORD,
    })
    expect(bad.statusCode).toBe(422)
    const asked = await agent.post('/settings/email', { email: next, password: TEST_PASSWORD })
    expect(asked.statusCode).toBe(200)
    expect(asked.body).toContain(`We are sending a link to ${next}`)
    const [mail] = await deliver(next)
    const link = linkIn(mail as ParsedMail, '/email/confirm')
    const opened = await agent.get(link)
    expect(opened.body).toContain('Confirm your new address')
    const row = () =>
      t.db
        .selectFrom('users')
        .select(['email', 'email_verified_at'])
        .where('username_key', '=', name('mover'))
        .executeTakeFirstOrThrow()
    expect((await row()).email).toBe(old) // not until confirmed
    expect((await agent.post('/email/confirm', { token: tokenOf(mail) })).statusCode).toBe(200)
    expect((await row()).email).toBe(next)
    expect((await row()).email_verified_at).not.toBeNull()
    const [told] = await deliver(old)
    expect(told?.subject).toBe('Your Quorum email address was changed')
    expect(told?.text).toContain(`${dialect.slice(0, 1)}…@example.test`)
    expect(told?.text).not.toContain(next)
  })

  it('sends nothing when the new address has an account, and says the same', async () => {
    const { agent } = await signedIn(app, t.db, name('copycat'))
    await signedIn(app, t.db, name('holder'))
    const taken = `${name('holder')}@example.test`
    await agent.get('/settings/email')
    const res = await agent.post('/settings/email', { email: taken, password: TEST_PASSWORD })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain(`We are sending a link to ${taken}`)
    expect(await deliver(taken)).toEqual([])
  })

  it.each([
    '/password/forgot',
    '/password/reset',
    '/email/confirm',
    '/email/verify/send',
    '/settings/email',
  ])('refuses %s without a CSRF token', async (url) => {
    const { agent } = await signedIn(app, t.db, name(`csrf_${url.length}_${url.slice(1, 4)}`))
    const res = await agent.post(url, {}, { csrf: null })
    expect(res.statusCode).toBe(403)
  })
})

function tokenOf(mail: ParsedMail | undefined): string {
  return /\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? ''
}

describe.each(DIALECTS)('%s: whether confirming gates posting', (dialect) => {
  const t = useTestDb(dialect)
  const n = dialect === 'sqlite' ? 62 : 63
  let outbox: string

  beforeAll(() => {
    outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-outbox-'))
  })
  afterAll(() => fs.rmSync(outbox, { recursive: true, force: true }))

  it.each([
    ['auto', false, 'reminder'],
    ['always', false, 'gate'],
    ['never', true, 'reminder'],
    ['auto', true, 'gate'],
  ] as const)(
    'REQUIRE_EMAIL_VERIFICATION=%s, SMTP_URL set: %s -> %s',
    async (mode, smtp, outcome) => {
      const server = smtp ? await startSmtp() : null
      const app = await buildTestApp(t.handle, {
        REQUIRE_EMAIL_VERIFICATION: mode,
        MAIL_OUTBOX: outbox,
        ...(server ? { SMTP_URL: server.url } : {}),
      })
      try {
        const threadId = await make.thread(t.db)
        const username = `${dialect}_${mode}_${String(smtp)}`
        const agent = new Agent(app, `10.${n}.0.${mode.length + (smtp ? 10 : 0)}`)
        await agent.get('/register')
        await agent.post('/register', {
          username,
          email: `${username}@example.test`,
          password: PASSPHRASE,
        })
        await agent.login(username, PASSPHRASE)
        const banner = parseHtml((await agent.get('/')).body).querySelector('.email-banner')
        expect(banner?.textContent).toContain(
          outcome === 'gate' ? 'to ask, reply and comment' : 'Please confirm your email address',
        )
        const res = await agent.post(`/threads/${threadId}/replies`, {
          body: `A reply under ${mode}, long enough to count as one.`,
        })
        expect(res.statusCode).toBe(outcome === 'gate' ? 403 : 303)
        // Without SMTP the link is in the outbox, as an .eml file.
        await app.jobs.drain()
        if (!smtp) expect(fs.readdirSync(outbox).some((f) => f.endsWith('.eml'))).toBe(true)
      } finally {
        await app.close()
        await server?.close()
      }
    },
  )

  it('counts accounts made by `quorum user create` as confirmed', async () => {
    const server = await startSmtp()
    const app = await buildTestApp(t.handle, { SMTP_URL: server.url })
    try {
      const threadId = await make.thread(t.db)
      const { agent } = await signedIn(app, t.db, `${dialect}_cli_made`)
      expect(parseHtml((await agent.get('/')).body).querySelector('.email-banner')).toBeNull()
      const res = await agent.post(`/threads/${threadId}/replies`, {
        body: 'An operator-made account posts at once, long enough.',
      })
      expect(res.statusCode).toBe(303)
    } finally {
      await app.close()
      await server.close()
    }
  })
})
