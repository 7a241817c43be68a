/**
 * /settings/account: the export (JSON download with the person's Markdown and no secrets, CSRF,
 * rate-limited) and deleting the account (password and typed username; afterwards no text column of any
 * table holds the old name or address, the posts render as by a deleted user, every session is over,
 * and the name is refused for 30 days, then free).
 */
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/schema.js'
import { enqueueMail } from '../../../src/domain/mail/index.js'
import { accountLimits, RETIRED_NAME_MS, registerUser } from '../../../src/domain/users/index.js'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const DAY = 24 * 3_600_000

/**
 * Every text value of every table, as `table.column: value`. The tables and their text columns come
 * from the database's own catalogue (sqlite_master / information_schema), so a table or column added
 * later is read too. On SQLite every value stored as text is taken, whatever the declared type (FTS
 * tables declare none).
 */
async function everyText(db: Db, dialect: string): Promise<string[]> {
  const found: string[] = []
  if (dialect === 'sqlite') {
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
    expect(tables.rows.length).toBeGreaterThan(10)
    for (const { name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)
      for (const row of rows.rows)
        for (const [column, value] of Object.entries(row))
          if (typeof value === 'string') found.push(`${name}.${column}: ${value}`)
    }
    return found
  }
  const columns = await sql<{ table: string; column: string }>`
    select c.table_name as table, c.column_name as column
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema()
      and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector')`.execute(
    db,
  )
  expect(columns.rows.length).toBeGreaterThan(20)
  for (const { table, column } of columns.rows) {
    const rows = await sql<{ v: string | null }>`
      select ${sql.ref(column)}::text as v from ${sql.table(table)}`.execute(db)
    for (const { v } of rows.rows) if (v !== null) found.push(`${table}.${column}: ${v}`)
  }
  return found
}

describe.each(DIALECTS)('%s: export and delete an account', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  /** A thread by someone else, with one reply by `username` whose Markdown is `markdown`. */
  async function replyBy(agent: Agent, markdown: string): Promise<number> {
    const threadId = await make.thread(t.db, { author: 'thread_owner' })
    await agent.get(`/threads/${threadId}`)
    const res = await agent.post(`/threads/${threadId}/replies`, { body: markdown })
    expect(res.statusCode).toBe(303)
    return threadId
  }

  describe('export', () => {
    it('downloads the profile, posts with their Markdown, revisions, boosts, drafts and sessions, and no secret', async () => {
      const { agent, id } = await signedIn(app, t.db, 'export_owner')
      const markdown = 'Try `kextstat | grep -v com.apple` first:\n\n```sh\nsudo dmesg\n```\n'
      const threadId = await replyBy(agent, markdown)
      const question = await t.db
        .selectFrom('posts')
        .select('id')
        .where('thread_id', '=', threadId)
        .where('kind', '=', 'question')
        .executeTakeFirstOrThrow()
      expect((await agent.post(`/posts/${question.id}/boost`, { state: 'on' })).statusCode).toBe(
        303,
      )
      const reply = await t.db
        .selectFrom('posts')
        .select('id')
        .where('author_id', '=', id)
        .executeTakeFirstOrThrow()
      const edited = `${markdown}\nThen \`log show --last 5m\`.\n`
      await agent.get(`/posts/${reply.id}/edit`)
      expect((await agent.post(`/posts/${reply.id}/edit`, { body: edited })).statusCode).toBe(303)
      // A question being written on /ask: a draft, which the export carries too.
      await agent.get('/ask')
      const draft = {
        thread: '',
        title: 'Half-written: vnode reclaim',
        body: 'Seen on 26.1',
        tags: '',
      }
      expect((await agent.post('/drafts', draft, { json: true })).statusCode).toBe(200)
      await agent.get('/settings/account')
      const res = await agent.post('/settings/account/export')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="quorum-export_owner-\d{4}-\d{2}-\d{2}\.json"$/,
      )
      expect(res.headers['cache-control']).toBe('private, no-store')
      const data = JSON.parse(res.body) as {
        profile: { id: number; username: string; email: string }
        posts: { threadId: number; kind: string; markdown: string }[]
        revisions: { markdown: string }[]
        boosts: { postId: number }[]
        drafts: { threadId: number | null; title: string; body: string }[]
        sessions: { current: boolean; ip: string | null }[]
      }
      expect(data.profile).toMatchObject({
        id,
        username: 'export_owner',
        email: 'export_owner@example.test',
      })
      expect(data.posts).toEqual([
        expect.objectContaining({ threadId, kind: 'reply', markdown: edited }),
      ])
      // Revision 1 (the original) and 2 are written at the first edit.
      expect(data.revisions.map((r) => r.markdown)).toEqual([markdown, edited])
      expect(data.boosts).toEqual([expect.objectContaining({ postId: question.id })])
      expect(data.drafts).toEqual([
        expect.objectContaining({ threadId: null, title: draft.title, body: draft.body }),
      ])
      expect(data.sessions.filter((s) => s.current)).toHaveLength(1)
      // No password hash, no session token or its hash.
      const secrets = await t.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const hashes = await t.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', id)
        .execute()
      expect(res.body).not.toContain(secrets.password_hash ?? 'no hash?')
      expect(res.body).not.toMatch(/\$argon2/)
      expect(hashes.length).toBeGreaterThan(0)
      for (const h of hashes) expect(res.body).not.toContain(h.id_hash)
      for (const token of agent.cookies.values()) expect(res.body).not.toContain(token)
    })

    it('is a POST with the CSRF token, for a signed-in person only', async () => {
      const { agent } = await signedIn(app, t.db, 'export_csrf')
      await agent.get('/settings/account')
      expect((await agent.post('/settings/account/export', {}, { csrf: null })).statusCode).toBe(
        403,
      )
      const anonymous = new Agent(app, '10.30.0.9')
      await anonymous.get('/login')
      expect((await anonymous.post('/settings/account/export')).statusCode).toBe(403)
      expect((await anonymous.get('/settings/account')).headers.location).toBe(
        '/login?next=/settings/account',
      )
    })

    it('answers 429 with Retry-After past 5 exports an hour, on the account page', async () => {
      const { agent, id } = await signedIn(app, t.db, 'export_limit')
      // Limits live in the process; the other dialect's run may have used this account id.
      accountLimits.exports.reset(`user:${id}`)
      await agent.get('/settings/account')
      for (let i = 0; i < 5; i++)
        expect((await agent.post('/settings/account/export')).statusCode).toBe(200)
      const held = await agent.post('/settings/account/export')
      expect(held.statusCode).toBe(429)
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(0)
      expect(parseHtml(held.body).querySelector('#export-error')?.textContent).toMatch(
        /Too many attempts/,
      )
    })
  })

  describe('delete', () => {
    it('tells an account without a password (a provider sign-in) to set one first', async () => {
      const { agent, id } = await signedIn(app, t.db, 'delete_passwordless')
      await t.db.updateTable('users').set({ password_hash: null }).where('id', '=', id).execute()
      await agent.get('/settings/account')
      const res = await agent.post('/settings/account/delete', {
        password: '',
        confirm: 'delete_passwordless',
      })
      expect(res.statusCode).toBe(422)
      expect(parseHtml(res.body).querySelector('.error-summary')?.textContent).toContain(
        'Set a password under Settings',
      )
      expect(
        await t.db.selectFrom('users').select('deleted_at').where('id', '=', id).executeTakeFirst(),
      ).toEqual({ deleted_at: null })
    })

    it('refuses a wrong password or confirmation with the form back and the field named', async () => {
      const { agent, id } = await signedIn(app, t.db, 'delete_refused')
      await agent.get('/settings/account')
      const wrong = await agent.post('/settings/account/delete', {
        password: 'not my password at all',
        confirm: 'delete_refused',
      })
      expect(wrong.statusCode).toBe(422)
      let doc = parseHtml(wrong.body)
      expect(doc.querySelector('[name="password"]')?.getAttribute('aria-invalid')).toBe('true')
      expect(doc.querySelector('[name="password"]')?.getAttribute('value') ?? '').toBe('')
      expect(doc.querySelector('[name="confirm"]')?.getAttribute('value')).toBe('delete_refused')
      expect(doc.querySelector('.error-summary')?.textContent).toContain(
        'That is not your password.',
      )

      const mistyped = await agent.post('/settings/account/delete', {
        password: TEST_PASSWORD,
        confirm: 'delete_refuse',
      })
      expect(mistyped.statusCode).toBe(422)
      doc = parseHtml(mistyped.body)
      expect(doc.querySelector('[name="confirm"]')?.getAttribute('aria-invalid')).toBe('true')
      expect(doc.querySelector('[name="confirm"]')?.getAttribute('value')).toBe('delete_refuse')

      const noToken = await agent.post(
        '/settings/account/delete',
        { password: TEST_PASSWORD, confirm: 'delete_refused' },
        { csrf: null },
      )
      expect(noToken.statusCode).toBe(403)
      const row = await t.db
        .selectFrom('users')
        .select(['username', 'deleted_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ username: 'delete_refused', deleted_at: null })
      expect((await agent.get('/settings/account')).statusCode).toBe(200)
    })

    it('removes the name and address from every table, keeps the posts as by a deleted user, and signs out', async () => {
      const username = 'zephyrquill7'
      const email = `${username}@example.test`
      const { agent, id } = await signedIn(app, t.db, username)
      const laptop = new Agent(app, '10.30.1.2')
      await laptop.login(username)
      // A question, a reply with a revision, a comment, a boost, and a mail waiting to go out.
      const ownThread = await make.thread(t.db, {
        author: username,
        title: 'Why does my driver unload twice after sleep?',
        body: 'The second unload panics in `IOService::stop`.',
      })
      const threadId = await replyBy(agent, 'Check the power-state callbacks first.')
      const reply = await t.db
        .selectFrom('posts')
        .select('id')
        .where('thread_id', '=', threadId)
        .where('author_id', '=', id)
        .executeTakeFirstOrThrow()
      await agent.get(`/posts/${reply.id}/edit`)
      expect(
        (
          await agent.post(`/posts/${reply.id}/edit`, {
            body: 'Check the power-state callbacks first; then the terminate path.',
          })
        ).statusCode,
      ).toBe(303)
      const { agent: other } = await signedIn(app, t.db, 'delete_witness')
      await other.get(`/threads/${ownThread}`)
      const otherReply = await other.post(`/threads/${ownThread}/replies`, {
        body: 'Same here on the last two builds.',
      })
      expect(otherReply.statusCode).toBe(303)
      const witnessReply = await t.db
        .selectFrom('posts')
        .select('id')
        .where('thread_id', '=', ownThread)
        .where('kind', '=', 'reply')
        .executeTakeFirstOrThrow()
      await agent.get(`/threads/${ownThread}`)
      expect(
        (await agent.post(`/posts/${witnessReply.id}/boost`, { state: 'on' })).statusCode,
      ).toBe(303)
      expect(
        (await agent.post(`/posts/${witnessReply.id}/comments`, { body: 'Thanks, that helps.' }))
          .statusCode,
      ).toBe(303)
      await enqueueMail(t.db, `test-pending:${id}`, {
        to: email,
        template: {
          name: 'password-reset',
          username,
          link: '/password/reset',
          expiresInMinutes: 60,
        },
      })
      // A provider login linked to the account (what the OIDC flow writes), with the same address.
      await t.db
        .insertInto('user_identities')
        .values({
          user_id: id,
          provider_id: 'corp',
          subject: `corp-${username}`,
          email,
          email_verified: 1,
          created_at: Date.now(),
          last_used_at: Date.now(),
        })
        .execute()
      await make.passkey(t.db, id, `${username}'s laptop`)
      // Replying tracked the thread: a watch row of the person's own.
      expect(
        await t.db
          .selectFrom('thread_watches')
          .select('user_id')
          .where('user_id', '=', id)
          .execute(),
      ).not.toEqual([])
      // Anonymous pages are cached: the deletion must reach them at once.
      const reader = new Agent(app, '10.30.1.3')
      expect((await reader.get(`/threads/${ownThread}`)).body).toContain(`/users/${username}`)
      const before = await everyText(t.db, dialect)
      expect(before.some((v) => v.includes(email))).toBe(true) // the probe can see both
      expect(before.some((v) => v.toLowerCase().includes(username))).toBe(true)

      await agent.get('/settings/account')
      const res = await agent.post('/settings/account/delete', {
        password: TEST_PASSWORD,
        confirm: username.toUpperCase(),
      })
      expect(res.statusCode).toBe(303)
      expect(res.headers.location).toBe('/account/deleted')
      expect(agent.cookies.has('quorum_session')).toBe(false)
      const done = await agent.get('/account/deleted')
      expect(done.statusCode).toBe(200)
      expect(parseHtml(done.body).querySelector('h1')?.textContent).toBe('Account deleted')
      expect(parseHtml(done.body).querySelector('.user-link')).toBeNull() // signed out

      // Nothing of the name or the address is left in any text column of any table.
      const after = await everyText(t.db, dialect)
      for (const table of [
        'user_identities',
        'passkeys',
        'thread_watches',
        'notifications',
      ] as const)
        expect(
          await t.db.selectFrom(table).select('user_id').where('user_id', '=', id).execute(),
          table,
        ).toEqual([])
      expect(after.filter((v) => v.toLowerCase().includes(username))).toEqual([])
      expect(after.filter((v) => v.toLowerCase().includes(email))).toEqual([])
      const row = await t.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(row).toMatchObject({ email: null, password_hash: null, title: null, role: 'member' })
      expect(row.deleted_at).toEqual(expect.any(Number))
      const sessions = await t.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', id)
        .execute()
      expect(sessions).toEqual([])
      expect((await laptop.get('/settings')).statusCode).toBe(303) // the other session is over

      // The posts stay, by "deleted user" with no link; the boost still counts.
      const posts = await t.db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('author_id', '=', id)
        .executeTakeFirstOrThrow()
      expect(Number(posts.n)).toBe(3)
      for (const thread of [ownThread, threadId]) {
        const page = await reader.get(`/threads/${thread}`)
        expect(page.statusCode).toBe(200)
        expect(page.body.toLowerCase()).not.toContain(username)
        const doc = parseHtml(page.body)
        expect(doc.querySelectorAll('.user-deleted').length).toBeGreaterThan(0)
        for (const el of doc.querySelectorAll('.user-deleted')) {
          expect(el.textContent).toBe('deleted user')
          expect(el.querySelector('a')).toBeNull()
        }
      }
      const thread = parseHtml((await new Agent(app, '10.30.1.4').get(`/threads/${threadId}`)).body)
      expect(thread.body.textContent).toContain('power-state callbacks')
      const boosted = await t.db
        .selectFrom('posts')
        .select('boost_count')
        .where('id', '=', witnessReply.id)
        .executeTakeFirstOrThrow()
      expect(boosted.boost_count).toBe(1)
      expect((await new Agent(app, '10.30.1.5').get(`/users/${username}`)).statusCode).toBe(404)
      expect(
        (await new Agent(app, '10.30.1.5').get(`/users/${encodeURIComponent(row.username)}`))
          .statusCode,
      ).toBe(404)
      // The old password signs nobody in.
      const again = new Agent(app, '10.30.1.6')
      await again.get('/login')
      expect(
        (await again.post('/login', { login: username, password: TEST_PASSWORD })).statusCode,
      ).toBe(422)
    })

    it('holds deletion after 10 wrong passwords in 15 minutes, even with the right one', async () => {
      const { agent, id } = await signedIn(app, t.db, 'delete_guessed')
      accountLimits.deletions.reset(`user:${id}`)
      await agent.get('/settings/account')
      for (let i = 0; i < 10; i++) {
        const res = await agent.post('/settings/account/delete', {
          password: `wrong guess number ${i}`,
          confirm: 'delete_guessed',
        })
        expect(res.statusCode).toBe(422)
      }
      const held = await agent.post('/settings/account/delete', {
        password: TEST_PASSWORD,
        confirm: 'delete_guessed',
      })
      expect(held.statusCode).toBe(429)
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(0)
      const row = await t.db
        .selectFrom('users')
        .select('deleted_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(row.deleted_at).toBeNull()
    })

    it('keeps the only admin, and lets an admin go once another holds the role', async () => {
      const { agent, id } = await signedIn(app, t.db, `sole_admin_${dialect}`, 'admin')
      // Admins made by other tests of this file must not count.
      await t.db
        .updateTable('users')
        .set({ role: 'member' })
        .where('role', '=', 'admin')
        .where('id', '!=', id)
        .execute()
      await agent.get('/settings/account')
      const form = { password: TEST_PASSWORD, confirm: `sole_admin_${dialect}` }
      const refused = await agent.post('/settings/account/delete', form)
      expect(refused.statusCode).toBe(403)
      expect(parseHtml(refused.body).querySelector('.error-summary')?.textContent).toContain(
        'You are the only admin.',
      )
      await signedIn(app, t.db, `next_admin_${dialect}`, 'admin')
      await agent.get('/settings/account')
      expect((await agent.post('/settings/account/delete', form)).statusCode).toBe(303)
    })

    it('refuses the name for new accounts for 30 days, then frees it', async () => {
      const { agent, id } = await signedIn(app, t.db, 'Retired_Name')
      await agent.get('/settings/account')
      const deletedAt = Date.now()
      expect(
        (
          await agent.post('/settings/account/delete', {
            password: TEST_PASSWORD,
            confirm: 'retired_name',
          })
        ).statusCode,
      ).toBe(303)
      const row = await t.db
        .selectFrom('users')
        .select('deleted_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const at = row.deleted_at ?? deletedAt

      // Through the form, in any case: the username field is named, the form refilled.
      const stranger = new Agent(app, '10.30.2.1')
      await stranger.get('/register')
      const refused = await stranger.post('/register', {
        username: 'retired_NAME',
        email: 'newcomer@example.test',
        password: 'a brand new passphrase',
      })
      expect(refused.statusCode).toBe(422)
      const doc = parseHtml(refused.body)
      expect(doc.querySelector('[name="username"]')?.getAttribute('aria-invalid')).toBe('true')
      expect(doc.querySelector('[name="username"]')?.getAttribute('value')).toBe('retired_NAME')

      const attempt = (now: number, ip: string) =>
        registerUser(
          t.db,
          {
            username: 'Retired_Name',
            email: `newcomer-${ip}@example.test`,
            password: 'a brand new passphrase',
            ip,
          },
          async () => {},
          now,
        )
      const late = await attempt(at + RETIRED_NAME_MS - 60_000, '10.30.2.2')
      expect(late.ok).toBe(false)
      if (!late.ok) expect(late.failure).toMatchObject({ code: 'invalid', field: 'username' })
      const freed = await attempt(at + RETIRED_NAME_MS + DAY, '10.30.2.3')
      expect(freed.ok).toBe(true)
      const names = await t.db.selectFrom('retired_usernames').selectAll().execute()
      for (const n of names) expect(n.name_hash).toMatch(/^[0-9a-f]{64}$/)
    })
  })
})
