/**
 * Every write route × (anonymous, another member, the author, a moderator, an admin): who may, who may
 * not (SECURITY.md row 13). Each cell gets a fresh thread, so one cell's write never changes another's.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/schema.js'
import { enqueueJob } from '../../../src/domain/jobs/index.js'
import { publicSessionId } from '../../../src/domain/sessions/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

type Role = 'anonymous' | 'member' | 'author' | 'moderator' | 'admin'
const ROLES: Role[] = ['anonymous', 'member', 'author', 'moderator', 'admin']
const Y = 303
const N = 403

interface Cell {
  url: string
  form: Record<string, string>
  multipart?: boolean
}

/** A thread asked by matrix_author, with a reply by matrix_author and one by matrix_third. */
async function fixture(
  db: Db,
): Promise<{ threadId: number; questionId: number; ownReplyId: number; otherReplyId: number }> {
  const now = Date.now()
  const threadId = await make.thread(db, {
    author: 'matrix_author',
    created_at: now - 3_600_000,
    replies: [
      { author: 'matrix_author', created_at: now - 3_000_000, body: 'A follow-up by the asker.' },
      { author: 'matrix_third', created_at: now - 2_000_000, body: 'An answer by someone else.' },
    ],
  })
  const posts = await db
    .selectFrom('posts')
    .select(['id', 'kind', 'author_id'])
    .where('thread_id', '=', threadId)
    .orderBy('id')
    .execute()
  const [question, own, other] = posts
  if (!question || !own || !other) throw new Error('fixture thread incomplete')
  return { threadId, questionId: question.id, ownReplyId: own.id, otherReplyId: other.id }
}

const ROUTES: { name: string; setup: (db: Db) => Promise<Cell>; allowed: Record<Role, number> }[] =
  [
    {
      name: 'POST /ask',
      setup: async () => ({
        url: '/ask',
        form: {
          title: 'A matrix question about kernel locks',
          body: 'Body of the question.',
          tags: 'kernel',
          intent: 'post',
        },
        multipart: true,
      }),
      allowed: { anonymous: N, member: Y, author: Y, moderator: Y, admin: Y },
    },
    {
      // Signed-in people reach the rules (a wrong password: the form again); strangers do not.
      name: 'POST /settings/email',
      setup: async () => ({
        url: '/settings/email',
        form: { email: 'matrix-new@example.test', password: 'not the password' },
      }),
      allowed: { anonymous: N, member: 422, author: 422, moderator: 422, admin: 422 },
    },
    {
      // Every signed-in role here is confirmed already: nothing to send again.
      name: 'POST /email/verify/send',
      setup: async () => ({ url: '/email/verify/send', form: {} }),
      allowed: { anonymous: N, member: 409, author: 409, moderator: 409, admin: 409 },
    },
    {
      name: 'POST /threads/:id/replies',
      setup: async (db) => ({
        url: `/threads/${(await fixture(db)).threadId}/replies`,
        form: { body: 'A reply from the matrix.' },
      }),
      allowed: { anonymous: N, member: Y, author: Y, moderator: Y, admin: Y },
    },
    {
      name: 'POST /posts/:id/comments',
      setup: async (db) => ({
        url: `/posts/${(await fixture(db)).otherReplyId}/comments`,
        form: { body: 'A comment.' },
      }),
      allowed: { anonymous: N, member: Y, author: Y, moderator: Y, admin: Y },
    },
    {
      name: 'POST /posts/:id/boost',
      setup: async (db) => ({
        url: `/posts/${(await fixture(db)).ownReplyId}/boost`,
        form: { state: 'on' },
      }),
      allowed: { anonymous: N, member: Y, author: N, moderator: Y, admin: Y },
    },
    {
      name: 'POST /posts/:id/accept',
      setup: async (db) => ({ url: `/posts/${(await fixture(db)).otherReplyId}/accept`, form: {} }),
      allowed: { anonymous: N, member: N, author: Y, moderator: Y, admin: Y },
    },
    {
      name: 'POST /posts/:id/recommend',
      setup: async (db) => ({
        url: `/posts/${(await fixture(db)).otherReplyId}/recommend`,
        form: {},
      }),
      allowed: { anonymous: N, member: N, author: N, moderator: Y, admin: Y },
    },
    {
      name: 'POST /posts/:id/edit',
      setup: async (db) => ({
        url: `/posts/${(await fixture(db)).ownReplyId}/edit`,
        form: { body: 'Edited by the matrix.' },
      }),
      allowed: { anonymous: N, member: N, author: Y, moderator: Y, admin: Y },
    },
    {
      name: 'POST /posts/:id/edit (question title)',
      setup: async (db) => ({
        url: `/posts/${(await fixture(db)).questionId}/edit`,
        form: { title: 'A retitled question in the matrix', body: 'Edited.' },
      }),
      allowed: { anonymous: N, member: N, author: Y, moderator: Y, admin: Y },
    },
    {
      name: 'POST /posts/:id/delete',
      setup: async (db) => ({ url: `/posts/${(await fixture(db)).ownReplyId}/delete`, form: {} }),
      allowed: { anonymous: N, member: N, author: Y, moderator: Y, admin: Y },
    },
    {
      name: 'POST /posts/:id/delete (question with replies)',
      setup: async (db) => ({ url: `/posts/${(await fixture(db)).questionId}/delete`, form: {} }),
      allowed: { anonymous: N, member: N, author: N, moderator: Y, admin: Y },
    },
    {
      name: 'POST /posts/:id/restore',
      setup: async (db) => {
        const { ownReplyId } = await fixture(db)
        await db
          .updateTable('posts')
          .set({ deleted_at: Date.now() })
          .where('id', '=', ownReplyId)
          .execute()
        return { url: `/posts/${ownReplyId}/restore`, form: {} }
      },
      allowed: { anonymous: N, member: N, author: N, moderator: Y, admin: Y },
    },
    {
      // Each signed-in role ends its own other sessions (none here): 303 for all, 403 anonymous.
      name: 'POST /settings/sessions/end-others',
      setup: async () => ({ url: '/settings/sessions/end-others', form: {} }),
      allowed: { anonymous: N, member: Y, author: Y, moderator: Y, admin: Y },
    },
    {
      // Another person's session, by its id on their sessions page: nobody may end it (404).
      name: "POST /settings/sessions/end (matrix_third's session)",
      setup: async (db) => {
        const row = await db
          .selectFrom('sessions as s')
          .innerJoin('users as u', 'u.id', 's.user_id')
          .select('s.id_hash')
          .where('u.username', '=', 'matrix_third')
          .executeTakeFirstOrThrow()
        return { url: '/settings/sessions/end', form: { session: publicSessionId(row.id_hash) } }
      },
      allowed: { anonymous: N, member: 404, author: 404, moderator: 404, admin: 404 },
    },
    {
      name: 'POST /settings/account/export',
      setup: async () => ({ url: '/settings/account/export', form: {} }),
      allowed: { anonymous: N, member: 200, author: 200, moderator: 200, admin: 200 },
    },
    {
      name: 'POST /admin/jobs/:id/retry',
      setup: async (db) => {
        await enqueueJob(db, { kind: 'matrix.job', key: `matrix-${Math.random()}`, payload: {} })
        const row = await db
          .updateTable('jobs')
          .set({ state: 'dead' })
          .where('kind', '=', 'matrix.job')
          .where('state', '=', 'pending')
          .returning('id')
          .executeTakeFirstOrThrow()
        return { url: `/admin/jobs/${row.id}/retry`, form: {} }
      },
      allowed: { anonymous: N, member: N, author: N, moderator: N, admin: Y },
    },
    // Moderation: trust
    {
      name: 'POST /admin/invites',
      setup: async () => ({ url: '/admin/invites', form: { email: '', days: '7', note: '' } }),
      allowed: { anonymous: N, member: N, author: N, moderator: 201, admin: 201 },
    },
    {
      name: 'POST /admin/invites/:id/revoke',
      setup: async (db) => {
        const now = Date.now()
        const row = await db
          .insertInto('invitations')
          .values({
            code_hash: `matrix-${Math.random()}`,
            created_at: now,
            expires_at: now + 86_400_000,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return { url: `/admin/invites/${row.id}/revoke`, form: {} }
      },
      allowed: { anonymous: N, member: N, author: N, moderator: Y, admin: Y },
    },
  ]

describe.each(DIALECTS)('%s: authorization matrix', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  const agents = {} as Record<Role, Agent>

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
    agents.author = (await signedIn(app, t.db, 'matrix_author')).agent
    agents.member = (await signedIn(app, t.db, 'matrix_member')).agent
    agents.moderator = (await signedIn(app, t.db, 'matrix_mod', 'moderator')).agent
    agents.admin = (await signedIn(app, t.db, 'matrix_admin', 'admin')).agent
    await signedIn(app, t.db, 'matrix_third') // a session nobody else may end
    agents.anonymous = new Agent(app, '10.4.0.1')
    await agents.anonymous.get('/login') // an anonymous CSRF token, so the request reaches the rules
  })
  afterAll(async () => app?.close())

  for (const route of ROUTES) {
    it.each(ROLES)(`${route.name} as %s`, async (role) => {
      const cell = await route.setup(t.db)
      const agent = agents[role]
      const res = cell.multipart
        ? await agent.postMultipart(cell.url, cell.form)
        : await agent.post(cell.url, cell.form)
      expect(res.statusCode, res.body.slice(0, 300)).toBe(route.allowed[role])
    })
  }

  it('has no GET route that changes anything', async () => {
    const lines = app.printRoutes({ commonPrefix: false }).split('\n')
    const writes = /\/(boost|accept|delete|restore|recommend|logout|replies|comments|password)\b/
    expect(lines.filter((l) => writes.test(l) && l.includes('POST')).length).toBeGreaterThanOrEqual(
      8,
    )
    expect(lines.filter((l) => writes.test(l) && /\b(GET|HEAD)\b/.test(l))).toEqual([])
  })
})
