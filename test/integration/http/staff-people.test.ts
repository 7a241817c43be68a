/**
 * A person's staff page, /u/:username/staff: standing, silence and suspend with a reason, trust level,
 * and (admins) the title and role; each change in the staff log, and the person told by mail (a real
 * SMTP server). Each test makes its own person.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { parseHtml } from '../../support/html.js'
import { startSmtp, type TestSmtp } from '../../support/smtp.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: the staff page of a person', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let moderator: Agent
  let admin: Agent
  let adminId: number
  let smtp: TestSmtp
  let n = 0

  /** The mails sent to person_N so far, after the mail jobs ran: subject and text. */
  const mailsOf = async (name: string) => {
    await app.jobs.drain()
    return smtp.received
      .filter((m) => m.to && 'text' in m.to && m.to.text === `${name}@example.test`)
      .map((m) => ({ subject: m.subject ?? '', text: m.text ?? '' }))
  }

  const person = async () => signedIn(app, t.db, `person_${++n}`)
  const standing = (id: number) =>
    t.db
      .selectFrom('users')
      .select([
        'role',
        'title',
        'trust_level as trustLevel',
        'silenced_until as silencedUntil',
        'silence_reason as silenceReason',
        'suspended_until as suspendedUntil',
        'suspend_reason as suspendReason',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  const actions = (id: number) =>
    t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'user')
      .where('target_id', '=', id)
      .orderBy('id')
      .execute()
      .then((rows) => rows.map((r) => r.action))

  beforeAll(async () => {
    smtp = await startSmtp()
    app = await buildTestApp(t.handle, { SMTP_URL: smtp.url })
    moderator = (await signedIn(app, t.db, 'page_mod', 'moderator')).agent
    const a = await signedIn(app, t.db, 'page_admin', 'admin')
    admin = a.agent
    adminId = a.id
  })
  afterAll(async () => {
    await app?.close()
    await smtp?.close()
  })

  it('is for staff only', async () => {
    const { agent } = await person()
    expect((await agent.get(`/u/page_mod/staff`)).statusCode).toBe(403)
    expect((await new Agent(app, '10.8.0.1').get(`/u/page_mod/staff`)).statusCode).toBe(403)
    expect((await moderator.get(`/u/person_${n}/staff`)).statusCode).toBe(200)
    expect((await moderator.get(`/u/nobody_here/staff`)).statusCode).toBe(404)
    // Staff reach it from the profile; members see no link.
    const link = `a[href="/u/person_${n}/staff"]`
    expect(
      parseHtml((await moderator.get(`/users/person_${n}`)).body).querySelector(link),
    ).not.toBeNull()
    expect(parseHtml((await agent.get(`/users/person_${n}`)).body).querySelector(link)).toBeNull()
  })

  it('silences with a reason the person sees, then lifts it', async () => {
    const { id, agent } = await person()
    const page = `/u/person_${n}/staff`
    await moderator.get(page)
    const bad = await moderator.post(`${page}/silence`, { days: '3', reason: '' })
    expect(bad.statusCode).toBe(422)
    const doc = parseHtml(bad.body)
    expect(doc.querySelector('#silence-days')?.getAttribute('value')).toBe('3')
    expect(doc.querySelector('#silence-reason')?.getAttribute('aria-invalid')).toBe('true')

    expect(
      (
        await moderator.post(`${page}/silence`, {
          days: '3',
          reason: 'Cool off after the flame war',
        })
      ).statusCode,
    ).toBe(303)
    const silenced = await standing(id)
    expect(silenced.silenceReason).toBe('Cool off after the flame war')
    expect(Number(silenced.silencedUntil)).toBeGreaterThan(Date.now() + 2 * 86_400_000)
    const shown = parseHtml((await moderator.get(page)).body)
    expect(shown.querySelector('[data-field="silenced"]')?.textContent).toContain(
      'Cool off after the flame war',
    )
    // The person still reads, with the reason on their pages.
    const own = parseHtml((await agent.get('/')).body)
    expect(own.querySelector('.standing-banner')?.textContent).toMatch(
      /^Your account cannot post until \d{4}-\d{2}-\d{2}: Cool off after the flame war$/,
    )

    await moderator.get(page)
    await moderator.post(`${page}/silence`, { days: '0' })
    expect((await standing(id)).silencedUntil).toBeNull()
    expect(parseHtml((await agent.get('/')).body).querySelector('.standing-banner')).toBeNull()
    expect(await actions(id)).toEqual(['user.silence', 'user.unsilence'])
    // Told by mail both times; the refused attempt (no reason) sent nothing.
    const mails = await mailsOf(`person_${n}`)
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringMatching(/account cannot post until \d{4}-\d{2}-\d{2}$/),
      expect.stringMatching(/^You can post on .+ again$/),
    ])
    expect(mails[0]!.text).toContain('The reason they gave: Cool off after the flame war')
    // Lifting a silence that is not running tells nobody anything new.
    await moderator.get(page)
    await moderator.post(`${page}/silence`, { days: '0' })
    expect(await mailsOf(`person_${n}`)).toHaveLength(2)
  })

  it('suspends: the person is signed out and told why at sign-in', async () => {
    const { id, agent } = await person()
    const page = `/u/person_${n}/staff`
    await moderator.get(page)
    expect(
      (await moderator.post(`${page}/suspend`, { days: 'x', reason: 'Spam' })).statusCode,
    ).toBe(422)
    expect(
      (await moderator.post(`${page}/suspend`, { days: '7', reason: 'Spam links in every reply' }))
        .statusCode,
    ).toBe(303)
    expect((await standing(id)).suspendReason).toBe('Spam links in every reply')
    // Their session ended: the page is anonymous now, and signing in again says why not.
    const doc = parseHtml((await agent.get('/')).body)
    expect(doc.querySelector('a[href^="/login"]')).not.toBeNull()
    const login = new Agent(app, '10.8.0.2')
    await login.get('/login')
    const res = await login.post('/login', {
      login: `person_${n}`,
      password: 'correct horse battery staple',
    })
    expect(res.body).toContain('Spam links in every reply')
    expect(await actions(id)).toEqual(['user.suspend'])
    // Signed out, so told by mail: until when, and why.
    const [mail, ...more] = await mailsOf(`person_${n}`)
    expect(more).toEqual([])
    expect(mail?.subject).toMatch(/account is suspended until \d{4}-\d{2}-\d{2}$/)
    expect(mail?.text).toContain('The reason they gave: Spam links in every reply')
    expect(mail?.text).toContain('every session of the account was ended')
  })

  it('sets the trust level, refilling a bad choice', async () => {
    const { id } = await person()
    const page = `/u/person_${n}/staff`
    await moderator.get(page)
    const bad = await moderator.post(`${page}/trust`, { level: 'royalty' })
    expect(bad.statusCode).toBe(422)
    expect((await moderator.post(`${page}/trust`, { level: 'trusted' })).statusCode).toBe(303)
    expect((await standing(id)).trustLevel).toBe('trusted')
    expect(await actions(id)).toEqual(['user.trust-level'])
  })

  it('lets admins only set titles and roles; the last admin cannot step down', async () => {
    const { id } = await person()
    const page = `/u/person_${n}/staff`
    await moderator.get(page)
    expect(parseHtml((await moderator.get(page)).body).querySelector('#staff-role')).toBeNull()
    expect((await moderator.post(`${page}/title`, { title: 'Helper' })).statusCode).toBe(403)
    expect((await moderator.post(`${page}/role`, { role: 'moderator' })).statusCode).toBe(403)

    await admin.get(page)
    const long = await admin.post(`${page}/title`, { title: 'x'.repeat(41) })
    expect(long.statusCode).toBe(422)
    expect(parseHtml(long.body).querySelector('#staff-title')?.getAttribute('value')).toBe(
      'x'.repeat(41),
    )
    expect((await admin.post(`${page}/title`, { title: 'Kernel Engineer' })).statusCode).toBe(303)
    expect((await admin.post(`${page}/role`, { role: 'moderator' })).statusCode).toBe(303)
    expect(await standing(id)).toMatchObject({ title: 'Kernel Engineer', role: 'moderator' })
    expect(await actions(id)).toEqual(['user.title', 'user.role'])

    await admin.get('/u/page_admin/staff')
    const self = await admin.post('/u/page_admin/staff/role', { role: 'member' })
    expect(self.statusCode).toBe(422)
    expect(parseHtml(self.body).querySelector('#staff-role-error')?.textContent).toContain(
      'last admin',
    )
    expect((await standing(adminId)).role).toBe('admin')
  })
})
