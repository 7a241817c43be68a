/**
 * Registration against spam and invitations (docs/moderation.md, "Trust levels and spam"): the
 * honeypot, the signed time-to-fill stamp, sign-up blocks, registration open / by invitation / closed,
 * /admin/invites, and the automatic promotion of trust levels (after a post and by the daily job).
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { listAuditEntries } from '../../../src/domain/audit-log/index.js'
import { signUpStamp, trustReviewJobHandler } from '../../../src/domain/trust/index.js'
import { addSignUpBlock, createAccount, setTrustLevel } from '../../../src/domain/users/index.js'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const DAY = 86_400_000

describe.each(DIALECTS)('%s: registration against spam, invitations, promotion', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let staff: Agent
  let staffId: number
  let addresses = 0

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    ;({ agent: staff, id: staffId } = await signedIn(app, t.db, 'invite_mod', 'moderator'))
  })
  afterAll(async () => {
    await app.close()
  })
  afterEach(async () => {
    await app.siteSettings.save({ registration: 'open' }, staffId)
  })

  /** A visitor from an address of its own (the sign-up limit counts per address). */
  const visitor = () => new Agent(app, `10.9.${Math.floor(++addresses / 200)}.${addresses % 200}`)
  const form = (name: string, extra: Record<string, string> = {}) => ({
    username: name,
    email: `${name}@example.test`,
    password: TEST_PASSWORD,
    ...extra,
  })
  const account = (name: string) =>
    t.db
      .selectFrom('users')
      .select(['id', 'trust_level as trustLevel'])
      .where('username', '=', name)
      .executeTakeFirst()
  const value = (html: string, name: string) =>
    parseHtml(html).querySelector(`[name="${name}"]`)?.getAttribute('value') ?? ''

  it('makes a new account from a form filled at a person’s pace, at the `new` level', async () => {
    const agent = visitor()
    const res = await (async () => {
      await agent.get('/register')
      return agent.post('/register', form('paced_person'))
    })()
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/register/check-email')
    expect(await account('paced_person')).toMatchObject({ trustLevel: 'new' })
  })

  it('hides the honeypot from people and refuses a filled one without naming it', async () => {
    const agent = visitor()
    const page = await agent.get('/register')
    const doc = parseHtml(page.body)
    const trap = doc.querySelector('input[name="website"]')
    expect(trap?.closest('[aria-hidden="true"]')).not.toBeNull()
    expect(trap?.getAttribute('tabindex')).toBe('-1')
    expect(doc.querySelector('label[for="register-website"]')?.textContent).toContain(
      'Leave this field empty',
    )
    const res = await agent.post('/register', form('honey_bot', { website: 'http://spam.test' }))
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('We could not accept this sign-up')
    // The message names no field: nothing is marked beside one.
    expect(parseHtml(res.body).querySelectorAll('.field-error')).toHaveLength(0)
    expect(value(res.body, 'username')).toBe('honey_bot')
    expect(await account('honey_bot')).toBeUndefined()
  })

  it('gives a form sent too fast, or with a forged stamp, back filled in, asking to send it again', async () => {
    const agent = visitor()
    const page = await agent.get('/register')
    const fast = await agent.post(
      '/register',
      form('fast_bot', { started: value(page.body, 'started') }),
    )
    expect(fast.statusCode).toBe(409)
    expect(fast.body).toContain('Please check the form and send it again')
    expect(value(fast.body, 'email')).toBe('fast_bot@example.test')
    const forged = await agent.post(
      '/register',
      form('forged_bot', { started: `${Date.now() - 60_000}.${'A'.repeat(43)}` }),
    )
    expect(forged.statusCode).toBe(409)
    const stale = await agent.post(
      '/register',
      form('stale_bot', { started: await signUpStamp(t.db, Date.now() - 2 * DAY) }),
    )
    expect(stale.statusCode).toBe(409)
    expect(await account('fast_bot')).toBeUndefined()
    expect(await account('forged_bot')).toBeUndefined()
    // The form that came back carries a fresh stamp: sent a while later, it goes through.
    expect(value(fast.body, 'started')).toMatch(/^\d{13}\./)
  })

  it('refuses a blocked address or IP with a sentence that says nothing of the block', async () => {
    await addSignUpBlock(t.db, {
      kind: 'email-domain',
      value: 'spam-domain.test',
      reason: 'bulk sign-ups from this domain',
      actorId: staffId,
    })
    const agent = visitor()
    await agent.get('/register')
    const res = await agent.post(
      '/register',
      form('blocked_person', { email: 'someone@spam-domain.test' }),
    )
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('We cannot accept a sign-up from here.')
    expect(res.body).not.toContain('spam-domain.test</')
    expect(res.body).not.toContain('bulk sign-ups')
    await addSignUpBlock(t.db, { kind: 'ip', value: '10.77.0.1', reason: null, actorId: staffId })
    const fromIp = new Agent(app, '10.77.0.1')
    await fromIp.get('/register')
    expect((await fromIp.post('/register', form('ip_blocked'))).statusCode).toBe(403)
    expect(await account('blocked_person')).toBeUndefined()
  })

  it('says registration is closed, and refuses a sign-up then', async () => {
    await app.siteSettings.save({ registration: 'closed' }, staffId)
    const agent = visitor()
    const page = await agent.get('/register')
    expect(page.body).toContain('Registration is closed')
    expect(page.body).not.toContain('name="password"')
    await agent.get('/login') // a page with a form, for the CSRF token a script would copy
    const res = await agent.post('/register', form('while_closed'))
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('Registration is closed')
    expect(await account('while_closed')).toBeUndefined()
  })

  it('asks for an invitation made at /admin/invites, single use, bound to its address', async () => {
    await app.siteSettings.save({ registration: 'invite' }, staffId)
    const agent = visitor()
    await agent.get('/register')
    const none = await agent.post('/register', form('uninvited'))
    expect(none.statusCode).toBe(422)
    expect(none.body).toContain('This invitation cannot be used')

    await staff.get('/admin/invites')
    const made = await staff.post('/admin/invites', {
      email: 'invited_one@example.test',
      days: '7',
      note: 'Speaker at the driver meetup',
    })
    expect(made.statusCode).toBe(201)
    const link = /http:\/\/quorum\.test\/register\?invite=([A-Za-z0-9_-]+)/.exec(made.body)
    expect(link).not.toBeNull()
    const code = link![1]!

    const page = await agent.get(`/register?invite=${code}`)
    expect(value(page.body, 'invite')).toBe(code)
    const wrongAddress = await agent.post('/register', form('not_the_one', { invite: code }))
    expect(wrongAddress.statusCode).toBe(422)
    const used = await agent.post('/register', form('invited_one', { invite: code }))
    expect(used.statusCode).toBe(303)
    expect(await account('invited_one')).toBeDefined()
    const again = visitor()
    await again.get('/register')
    const twice = await again.post(
      '/register',
      form('second_use', { invite: code, email: 'invited_one@example.test' }),
    )
    expect(twice.statusCode).toBe(422)

    const list = await staff.get('/admin/invites')
    expect(list.body).toContain('Used by invited_one')
    const actions = (await listAuditEntries(t.db, { action: 'invitation.create' })).map(
      (e) => e.targetLabel,
    )
    expect(actions).toContain('invited_one@example.test')
  })

  it('answers a taken address with an invitation like a new one, and leaves the invitation open', async () => {
    await app.siteSettings.save({ registration: 'invite' }, staffId)
    await staff.get('/admin/invites')
    const made = await staff.post('/admin/invites', { email: '', days: '3', note: '' })
    const code = /register\?invite=([A-Za-z0-9_-]+)/.exec(made.body)![1]!
    const agent = visitor()
    await agent.get('/register')
    const taken = await agent.post(
      '/register',
      form('someone_else', { invite: code, email: 'invite_mod@example.test' }),
    )
    expect(taken.statusCode).toBe(303)
    expect(taken.headers.location).toBe('/register/check-email')
    const used = await agent.post('/register', form('fresh_invitee', { invite: code }))
    expect(used.statusCode).toBe(303)
    expect(await account('fresh_invitee')).toBeDefined()
  })

  it('lets staff revoke an open invitation, logged, and refuses it afterwards', async () => {
    await app.siteSettings.save({ registration: 'invite' }, staffId)
    await staff.get('/admin/invites')
    const made = await staff.post('/admin/invites', { email: '', days: '3', note: '' })
    const code = /register\?invite=([A-Za-z0-9_-]+)/.exec(made.body)![1]!
    const id = Number(/action="\/admin\/invites\/(\d+)\/revoke"/.exec(made.body)![1])
    expect((await staff.post(`/admin/invites/${id}/revoke`, {})).statusCode).toBe(303)
    const entries = await listAuditEntries(t.db, { action: 'invitation.revoke' })
    expect(entries.map((e) => e.targetId)).toContain(id)
    const agent = visitor()
    await agent.get('/register')
    expect((await agent.post('/register', form('too_late', { invite: code }))).statusCode).toBe(422)
  })

  it('refuses bad invitation input with the field named, and members at /admin/invites', async () => {
    await staff.get('/admin/invites')
    const bad = await staff.post('/admin/invites', { email: 'not-an-address', days: '0', note: '' })
    expect(bad.statusCode).toBe(422)
    expect(value(bad.body, 'email')).toBe('not-an-address')
    const { agent: member } = await signedIn(app, t.db, 'plain_member')
    expect((await member.get('/admin/invites')).statusCode).toBe(403)
    expect((await visitor().get('/admin/invites')).statusCode).toBe(303)
    const noToken = await staff.post('/admin/invites', { days: '3' }, { csrf: null })
    expect(noToken.statusCode).toBe(403)
  })

  it('starts CLI members new, CLI staff and imported people as members', async () => {
    for (const [username, role] of [
      ['cli_member', 'member'],
      ['cli_moderator', 'moderator'],
    ] as const)
      await createAccount(t.db, {
        username,
        email: null,
        password: TEST_PASSWORD,
        role,
        title: null,
      })
    expect(await account('cli_member')).toMatchObject({ trustLevel: 'new' })
    expect(await account('cli_moderator')).toMatchObject({ trustLevel: 'member' })
    await make.thread(t.db, {
      title: 'An imported thread with its own author',
      body: 'Imported.',
      author: 'imported_author',
      tags: ['kernel'],
    })
    expect(await account('imported_author')).toMatchObject({ trustLevel: 'member' })
  })

  it('promotes a new account after its posts once it is old enough, and the daily job does the rest', async () => {
    const now = Date.now()
    await make.thread(t.db, {
      title: 'A thread the promotion test posts to',
      body: 'Question.',
      author: 'promo_owner',
      tags: ['kernel'],
      replies: ['one', 'two', 'three'].map((n, i) => ({
        author: 'aged_newcomer',
        body: `Reply ${n} from an older new account.`,
        created_at: now - (3 - i) * 60_000,
      })),
    })
    const aged = (await account('aged_newcomer'))!
    await t.db
      .updateTable('users')
      .set({ trust_level: 'new', created_at: now - 8 * DAY })
      .where('id', '=', aged.id)
      .execute()
    // A second new account, as old, but whose level staff fixed.
    await make.thread(t.db, {
      title: 'A thread by a person staff keep new',
      body: 'Question.',
      author: 'kept_new',
      tags: ['kernel'],
      replies: ['a', 'b', 'c'].map((n) => ({
        author: 'kept_new',
        body: `Reply ${n}.`,
        created_at: now - 60_000,
      })),
    })
    const kept = (await account('kept_new'))!
    await t.db
      .updateTable('users')
      .set({ created_at: now - 8 * DAY })
      .where('id', '=', kept.id)
      .execute()
    await setTrustLevel(t.db, { userId: kept.id, level: 'new', actorId: staffId })

    await trustReviewJobHandler(
      t.db,
      () => now,
    )({
      id: 0,
      kind: 'trust.review-levels',
      key: 'test',
      payload: {},
      attempt: 1,
      maxAttempts: 8,
    })
    expect(await account('aged_newcomer')).toMatchObject({ trustLevel: 'member' })
    expect(await account('kept_new')).toMatchObject({ trustLevel: 'new' })
    const promoted = await listAuditEntries(t.db, { action: 'user.trust-level' })
    expect(promoted.find((e) => e.targetId === aged.id)).toMatchObject({ actor: null })
    // The next day's review is queued.
    const next = await t.db
      .selectFrom('jobs')
      .select('key')
      .where('kind', '=', 'trust.review-levels')
      .execute()
    expect(next.map((j) => j.key)).toContain(
      `trust.review-levels:${new Date((Math.floor(now / DAY) + 1) * DAY).toISOString().slice(0, 10)}`,
    )
  })

  it('trusts an old member with enough boosts and no agreed flag, and not one with an agreed flag', async () => {
    const now = Date.now()
    const boosters = Array.from({ length: 10 }, (_, i) => `booster_${i}`)
    for (const name of ['veteran', 'flagged_veteran']) {
      await make.thread(t.db, {
        title: `A well-liked question from ${name}`,
        body: 'A question many found useful.',
        author: name,
        tags: ['kernel'],
        replies: boosters.map((b) => ({ author: b, body: 'Me too.', created_at: now - 60_000 })),
      })
      const person = (await account(name))!
      await t.db
        .updateTable('users')
        .set({ created_at: now - 100 * DAY })
        .where('id', '=', person.id)
        .execute()
      const question = await t.db
        .selectFrom('posts')
        .select('id')
        .where('author_id', '=', person.id)
        .executeTakeFirstOrThrow()
      const boosterIds = await t.db
        .selectFrom('users')
        .select('id')
        .where('username', 'in', boosters)
        .execute()
      await t.db
        .insertInto('boosts')
        .values(boosterIds.map((b) => ({ post_id: question.id, user_id: b.id, created_at: now })))
        .execute()
      if (name === 'flagged_veteran')
        await t.db
          .insertInto('flags')
          .values({
            post_id: question.id,
            user_id: boosterIds[0]!.id,
            reason: 'spam',
            message: null,
            status: 'agreed',
            created_at: now,
            handled_by: staffId,
            handled_at: now,
          })
          .execute()
    }
    await trustReviewJobHandler(
      t.db,
      () => now,
    )({
      id: 0,
      kind: 'trust.review-levels',
      key: 'test-2',
      payload: {},
      attempt: 1,
      maxAttempts: 8,
    })
    expect(await account('veteran')).toMatchObject({ trustLevel: 'trusted' })
    expect(await account('flagged_veteran')).toMatchObject({ trustLevel: 'member' })
  })
})
