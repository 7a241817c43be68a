/**
 * The admin hub and its sections other than tags: people search, site settings, sign-up blocks, the
 * staff log and the mail status on /admin/jobs. Who may open what is in the authorization matrix.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAuditEntries, recordAudit } from '../../../src/domain/audit-log/index.js'
import { SETTINGS, type SettingKey } from '../../../src/domain/site-settings/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: admin pages', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let admin: Agent
  let adminId: number
  let moderator: Agent

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle, { SMTP_URL: 'smtp://mailer:s3cret@mail.example.test:2525' })
    const a = await signedIn(app, t.db, 'site_admin', 'admin')
    admin = a.agent
    adminId = a.id
    moderator = (await signedIn(app, t.db, 'site_mod', 'moderator')).agent
  })
  afterAll(async () => app?.close())

  it('links the hub from the header for staff, with counts; moderators see their sections', async () => {
    const home = parseHtml((await admin.get('/')).body)
    expect(home.querySelector('.site-header a[href="/admin"]')).not.toBeNull()
    const { agent: member } = await signedIn(app, t.db, 'plain_member')
    expect(parseHtml((await member.get('/')).body).querySelector('a[href="/admin"]')).toBeNull()

    const res = await admin.get('/admin')
    expect(res.statusCode).toBe(200)
    const doc = parseHtml(res.body)
    const links = [...doc.querySelectorAll('.admin-sections h2 a')].map((a) =>
      a.getAttribute('href'),
    )
    expect(links).toEqual([
      '/review',
      '/admin/people',
      '/admin/invites',
      '/admin/log',
      '/admin/tags',
      '/admin/settings',
      '/admin/blocks',
      '/admin/jobs',
      '/admin/webhooks',
    ])
    const counts = texts(doc, '.admin-count')
    expect(counts).toEqual(['0 pending', '3 accounts', '1 tag', '0 dead'])

    const mod = parseHtml((await moderator.get('/admin')).body)
    expect(
      [...mod.querySelectorAll('.admin-sections h2 a')].map((a) => a.getAttribute('href')),
    ).toEqual(['/review', '/admin/people', '/admin/invites', '/admin/log'])
  })

  it('finds people by username, email or session IP, each linking to their staff page', async () => {
    const { id } = await signedIn(app, t.db, 'Needle_Person', 'member', null, 'new')
    await t.db
      .updateTable('users')
      .set({ silenced_until: Date.now() + 86_400_000 })
      .where('id', '=', id)
      .execute()
    const ip = await t.db
      .selectFrom('sessions')
      .select('ip')
      .where('user_id', '=', id)
      .where('ip', 'is not', null)
      .executeTakeFirstOrThrow()
    await make.thread(t.db, { author: 'Needle_Person', title: 'A post by the needle person here' })

    for (const q of ['needle', 'NEEDLE_PERSON@example', String(ip.ip)]) {
      const res = await moderator.get(`/admin/people?q=${encodeURIComponent(q)}`)
      expect(res.statusCode).toBe(200)
      const doc = parseHtml(res.body)
      const rows = [...doc.querySelectorAll('main tbody tr')]
      expect(rows, q).toHaveLength(1)
      const cells = texts(rows[0] as Element, 'td')
      expect(cells[0]).toContain('Needle_Person')
      expect(cells.slice(1, 3)).toEqual(['member', 'new'])
      expect(cells[3]).toMatch(/^silenced until/)
      expect(cells[5]).toBe('1')
      expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe('/u/Needle_Person/staff')
    }
    // LIKE wildcards are matched literally.
    const none = parseHtml((await moderator.get('/admin/people?q=%25')).body)
    expect(none.querySelectorAll('main tbody tr')).toHaveLength(0)
    expect(texts(none, '.lede')[0]).toContain('Nobody matches “%”')
  })

  it('gives the browser the bounds the server checks, and shows every error with the form refilled', async () => {
    const page = parseHtml((await admin.get('/admin/settings')).body)
    for (const key of Object.keys(SETTINGS) as SettingKey[]) {
      const def = SETTINGS[key]
      const control = page.querySelector(`[name="${key}"]`)
      expect(control, key).not.toBeNull()
      expect(page.querySelector(`label[for="${control?.id}"]`)?.textContent).toBe(def.label)
      if (def.kind === 'int') {
        expect([control?.getAttribute('min'), control?.getAttribute('max')]).toEqual([
          String(def.min),
          String(def.max),
        ])
        expect(control?.hasAttribute('required')).toBe(true)
      } else if (def.kind === 'text') {
        expect(control?.getAttribute('maxlength')).toBe(String(def.max))
        expect(control?.hasAttribute('required')).toBe(def.min > 0)
      } else {
        expect(
          [...(control?.querySelectorAll('option') ?? [])].map((o) => o.getAttribute('value')),
        ).toEqual([...def.choices])
      }
    }
    const form = Object.fromEntries(
      [...page.querySelectorAll<HTMLInputElement>('form[action="/admin/settings"] [name]')].map(
        (el) => [el.name, el.value ?? el.textContent],
      ),
    )
    delete form._csrf
    const bad = await admin.post('/admin/settings', {
      ...form,
      siteName: '',
      flagsToHide: '99',
      registration: 'sometimes',
      newAccountDays: '<script>',
    })
    expect(bad.statusCode).toBe(422)
    const doc = parseHtml(bad.body)
    for (const [id, message] of [
      ['setting-siteName', 'Site name must be 1 to 60 characters.'],
      ['setting-flagsToHide', 'must be a whole number from 1 to 20'],
      ['setting-registration', 'must be one of: open, invite, closed'],
      ['setting-newAccountDays', 'must be a whole number from 0 to 90'],
    ] as const) {
      expect(doc.querySelector(`#${id}-error`)?.textContent, id).toContain(message)
      expect(doc.querySelector(`#${id}`)?.getAttribute('aria-invalid')).toBe('true')
    }
    expect(doc.querySelector<HTMLInputElement>('#setting-flagsToHide')?.value).toBe('99')
    // A number input's value property drops what is not a number; the attribute holds what was typed.
    expect(doc.querySelector('#setting-newAccountDays')?.getAttribute('value')).toBe('<script>')
    expect(bad.body).not.toContain('value="<script>"')
    expect(await listAuditEntries(t.db, { action: 'setting.change' })).toEqual([])

    const saved = await admin.post('/admin/settings', {
      ...form,
      siteName: 'Kernel <Forum>',
      siteDescription: 'Where driver writers & kernel hackers ask.',
      flagsToHide: '5',
    })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe('/admin/settings?saved=1')
    expect(
      texts(parseHtml((await admin.get('/admin/settings?saved=1')).body), '.notice-success'),
    ).toEqual(['Settings saved.'])
    const home = parseHtml((await new Agent(app, '10.7.0.1').get('/')).body)
    expect(texts(home, '.site-name')).toEqual(['Kernel <Forum>'])
    expect(home.title).toBe('Kernel <Forum>')
    expect(home.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'Where driver writers & kernel hackers ask.',
    )
    const log = await listAuditEntries(t.db, { action: 'setting.change' })
    expect(log.map((e) => e.targetLabel).sort()).toEqual([
      'flagsToHide',
      'siteDescription',
      'siteName',
    ])
    expect(log.every((e) => e.actor?.id === adminId)).toBe(true)
  })

  it('adds and removes sign-up blocks, naming the field of a bad value', async () => {
    await admin.get('/admin/blocks')
    const bad = await admin.post('/admin/blocks', {
      kind: 'ip-range',
      value: '10.0.0.0/99',
      reason: 'r',
    })
    expect(bad.statusCode).toBe(422)
    let doc = parseHtml(bad.body)
    expect(doc.querySelector('#block-value-error')?.textContent).toContain('CIDR')
    expect(doc.querySelector<HTMLInputElement>('#block-value')?.value).toBe('10.0.0.0/99')
    expect(doc.querySelector<HTMLOptionElement>('#block-kind option[selected]')?.value).toBe(
      'ip-range',
    )
    const badKind = await admin.post('/admin/blocks', { kind: 'planet', value: 'x', reason: '' })
    expect(parseHtml(badKind.body).querySelector('#block-kind-error')).not.toBeNull()

    const res = await admin.post('/admin/blocks', {
      kind: 'email-domain',
      value: '@Spam.Example',
      reason: 'Spam <wave>',
    })
    expect(res.statusCode).toBe(303)
    doc = parseHtml((await admin.get('/admin/blocks')).body)
    expect(texts(doc, 'main tbody tr td').slice(0, 3)).toEqual([
      'email-domain',
      'spam.example',
      'Spam <wave>',
    ])
    const action = doc.querySelector('main tbody form')?.getAttribute('action') ?? ''
    expect(action).toMatch(/^\/admin\/blocks\/\d+\/remove$/)
    expect((await admin.post(action)).statusCode).toBe(303)
    expect(
      parseHtml((await admin.get('/admin/blocks')).body).querySelectorAll('main tbody tr'),
    ).toHaveLength(0)
    expect((await admin.post(action)).statusCode).toBe(404)
    const log = await listAuditEntries(t.db, { targetType: 'sign-up-block' })
    expect(log.map((e) => e.action)).toEqual(['sign-up-block.remove', 'sign-up-block.add'])
  })

  it('lists the staff log newest first with filters, keyset paging and escaped values', async () => {
    const day = Date.UTC(2026, 10, 15, 12)
    for (let i = 0; i < 55; i++)
      await recordAudit(
        t.db,
        {
          actorId: adminId,
          action: 'test.bulk',
          targetType: 'thread',
          targetId: 1000 + i,
          targetLabel: `<b>thread ${i}</b>`,
          reason: 'a <i>reason</i>',
          before: { title: '<old>' },
          after: { title: '<new>' },
        },
        day + i,
      )
    const first = await moderator.get('/admin/log?action=test.bulk')
    expect(first.statusCode).toBe(200)
    let doc = parseHtml(first.body)
    const rows = texts(doc, 'main tbody tr')
    expect(rows).toHaveLength(50)
    expect(rows[0]).toContain('thread #1054: <b>thread 54</b>')
    expect(rows[0]).toContain('title: <old> → title: <new>')
    expect(doc.querySelector('main tbody b, main tbody i')).toBeNull()
    expect(
      [...doc.querySelectorAll('#log-action option')].map((o) => o.getAttribute('value')),
    ).toContain('test.bulk')
    const older = doc.querySelector('a[rel="next"]')?.getAttribute('href') ?? ''
    expect(older).toMatch(/^\/admin\/log\?action=test\.bulk&beforeId=\d+$/)
    doc = parseHtml((await moderator.get(older)).body)
    expect(texts(doc, 'main tbody tr')).toHaveLength(5)
    expect(doc.querySelector('a[rel="next"]')).toBeNull()

    const one = parseHtml(
      (await moderator.get('/admin/log?targetType=thread&targetId=1007&actor=SITE_ADMIN')).body,
    )
    expect(texts(one, 'main tbody tr')).toHaveLength(1)
    const dated = parseHtml((await moderator.get('/admin/log?from=2026-11-15&to=2026-11-15')).body)
    expect(texts(dated, 'main tbody tr')).toHaveLength(50)
    const nobody = parseHtml((await moderator.get('/admin/log?actor=site_mod')).body)
    expect(texts(nobody, 'main tbody tr')).toHaveLength(0)

    const bad = await moderator.get('/admin/log?from=2026-02-30&targetId=abc&actor=x')
    expect(bad.statusCode).toBe(422)
    doc = parseHtml(bad.body)
    expect(doc.querySelector('#log-from-error')?.textContent).toContain('YYYY-MM-DD')
    expect(doc.querySelector('#log-target-id-error')).not.toBeNull()
    expect(doc.querySelector<HTMLInputElement>('#log-from')?.value).toBe('2026-02-30')
    expect(doc.querySelector<HTMLInputElement>('#log-actor')?.value).toBe('x')
  })

  it('shows how mail is sent (the SMTP host, never its password) and the mail jobs', async () => {
    const res = await admin.get('/admin/jobs')
    expect(res.statusCode).toBe(200)
    const doc = parseHtml(res.body)
    expect(texts(doc, '.mail-transport')[0]).toContain('mail.example.test:2525')
    expect(res.body).not.toContain('s3cret')
    expect(texts(doc, '.mail-counts dt')).toEqual(['Mail waiting', 'Mail dead'])
  })
})
