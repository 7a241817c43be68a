/**
 * Every write route, and every staff page, × (anonymous, another member, a new member, the author, a
 * moderator, an admin): who may, who may not (SECURITY.md row 13). Each cell gets a fresh thread, so
 * one cell's write never changes another's. A row without `newMember` expects the `member` value.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/schema.js'
import { createToken } from '../../../src/domain/api-tokens/index.js'
import { enqueueJob } from '../../../src/domain/jobs/index.js'
import { publicSessionId } from '../../../src/domain/sessions/index.js'
import { defaultSettings } from '../../../src/domain/site-settings/index.js'
import { ensureTag } from '../../../src/domain/tags/index.js'
import {
  addSignUpBlock,
  createAccount,
  createMemberWithoutPassword,
} from '../../../src/domain/users/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

type Role = 'anonymous' | 'member' | 'newMember' | 'author' | 'moderator' | 'admin'
const ROLES: Role[] = ['anonymous', 'member', 'newMember', 'author', 'moderator', 'admin']
/** What a row must say: every role but the new member, who is a member unless the row says otherwise. */
type Allowed = Record<Exclude<Role, 'newMember'>, number> & { newMember?: number }
const Y = 303
const N = 403

interface Cell {
  url: string
  form: Record<string, string>
  multipart?: boolean
  /** A page (GET) rather than a form post. */
  method?: 'GET'
  /** An API call with the session's cookie (and its CSRF token in x-csrf-token, as the islands send it). */
  api?: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; json?: object }
}

const A = 401 // the API's answer to a stranger: sign in (a token or a session) first
const OK = 200

/** A person of their own per cell (no password, so no hash to compute): an action changes only them. */
async function freshPerson(db: Db): Promise<{ username: string; id: number }> {
  const username = `matrix_person_${Math.random().toString(36).slice(2, 10)}`
  const created = await createMemberWithoutPassword(db, { username, email: null })
  if (!created.ok) throw new Error('matrix person not created')
  return { username, id: created.value.id }
}

let unique = 0
/** A fresh tag for a cell that changes one. */
async function freshTag(db: Db): Promise<string> {
  const slug = `matrix-tag-${++unique}`
  await ensureTag(db, { slug, name: `Matrix tag ${unique}`, description: '' }, Date.now())
  return slug
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

const ROUTES: { name: string; setup: (db: Db) => Promise<Cell>; allowed: Allowed }[] = [
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
    // Everyone signed in keeps drafts of their own (keyed by the session's person: no id to guess).
    name: 'POST /drafts',
    setup: async (db) => ({
      url: '/drafts',
      form: { thread: String((await fixture(db)).threadId), body: 'A reply half written.' },
    }),
    allowed: { anonymous: N, member: 200, author: 200, moderator: 200, admin: 200 },
  },
  {
    name: 'POST /drafts/discard',
    setup: async () => ({ url: '/drafts/discard', form: { thread: '' } }),
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
    // Each signed-in person removes their own uploaded avatar (none here): no route names anyone else.
    name: 'POST /settings/avatar/remove',
    setup: async () => ({ url: '/settings/avatar/remove', form: {} }),
    allowed: { anonymous: N, member: Y, author: Y, moderator: Y, admin: Y },
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
  // API tokens
  {
    // Each signed-in role makes a token for itself (the page that shows it once: 201).
    name: 'POST /settings/tokens',
    setup: async () => ({
      url: '/settings/tokens',
      form: { name: 'Matrix bot', scopes: 'read', lifetime: '7' },
    }),
    allowed: { anonymous: N, member: 201, author: 201, moderator: 201, admin: 201 },
  },
  {
    // matrix_third's token: nobody else may revoke it (404, and it keeps working).
    name: "POST /settings/tokens/:id/revoke (matrix_third's token)",
    setup: async (db) => {
      const owner = await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'matrix_third')
        .executeTakeFirstOrThrow()
      const made = await createToken(
        db,
        {
          id: owner.id,
          username: 'matrix_third',
          title: null,
          role: 'member',
          trustLevel: 'member',
          silencedUntil: null,
        },
        { name: `Third ${Math.random()}`, scopes: ['read'], lifetime: '7' },
      )
      if (!made.ok) throw new Error('token refused')
      return { url: `/settings/tokens/${made.value.view.id}/revoke`, form: {} }
    },
    allowed: { anonymous: N, member: 404, author: 404, moderator: 404, admin: 404 },
  },
  // Webhooks (admins): a form that lacks its URL comes back 422 to an admin, 403 to everyone else.
  {
    name: 'POST /admin/webhooks',
    setup: async () => ({ url: '/admin/webhooks', form: { url: '', events: 'post.created' } }),
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: 422 },
  },
  {
    name: 'POST /admin/webhooks/:id/delete (none such)',
    setup: async () => ({ url: '/admin/webhooks/999999/delete', form: {} }),
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: 404 },
  },
  {
    name: 'POST /admin/webhooks/deliveries/:id/redeliver (none such)',
    setup: async () => ({ url: '/admin/webhooks/deliveries/999999/redeliver', form: {} }),
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: 404 },
  },
  // Moderation: administration. Pages: signed out -> 303 to /login; members 403.
  ...(
    [
      ['/admin', 200],
      ['/admin/people', 200],
      ['/admin/log', 200],
      ['/admin/tags', N],
      ['/admin/settings', N],
      ['/admin/blocks', N],
      ['/admin/jobs', N],
    ] as const
  ).map(([url, moderator]) => ({
    name: `GET ${url}`,
    setup: async () => ({ url, form: {}, method: 'GET' as const }),
    allowed: { anonymous: Y, member: N, author: N, moderator, admin: 200 },
  })),
  {
    name: 'GET /admin/tags/:slug',
    setup: async (db) => ({ url: `/admin/tags/${await freshTag(db)}`, form: {}, method: 'GET' }),
    allowed: { anonymous: Y, member: N, author: N, moderator: N, admin: 200 },
  },
  {
    name: 'POST /admin/tags',
    setup: async () => ({
      url: '/admin/tags',
      form: { slug: `matrix-new-${++unique}`, name: `Matrix new ${unique}`, description: '' },
    }),
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: Y },
  },
  {
    name: 'POST /admin/tags/:slug/rename',
    setup: async (db) => {
      const slug = await freshTag(db)
      return { url: `/admin/tags/${slug}/rename`, form: { slug: `${slug}-b`, name: `${slug} b` } }
    },
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: Y },
  },
  {
    name: 'POST /admin/tags/:slug/describe',
    setup: async (db) => ({
      url: `/admin/tags/${await freshTag(db)}/describe`,
      form: { description: 'Described by the matrix.' },
    }),
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: Y },
  },
  {
    name: 'POST /admin/tags/:slug/merge',
    setup: async (db) => ({
      url: `/admin/tags/${await freshTag(db)}/merge`,
      form: { into: await freshTag(db) },
    }),
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: Y },
  },
  {
    name: 'POST /admin/tags/:slug/delete',
    setup: async (db) => ({ url: `/admin/tags/${await freshTag(db)}/delete`, form: {} }),
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: Y },
  },
  {
    name: 'POST /admin/settings',
    setup: async () => ({
      url: '/admin/settings',
      form: Object.fromEntries(Object.entries(defaultSettings()).map(([k, v]) => [k, String(v)])),
    }),
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: Y },
  },
  {
    name: 'POST /admin/blocks',
    setup: async () => ({
      url: '/admin/blocks',
      form: { kind: 'email', value: `matrix-${++unique}@spam.test`, reason: '' },
    }),
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: Y },
  },
  {
    name: 'POST /admin/blocks/:id/remove',
    setup: async (db) => {
      const block = await addSignUpBlock(db, {
        kind: 'email',
        value: `matrix-${++unique}@spam.test`,
        reason: null,
        actorId: null,
      })
      if (!block.ok) throw new Error('matrix block not added')
      return { url: `/admin/blocks/${block.value.id}/remove`, form: {} }
    },
    allowed: { anonymous: N, member: N, author: N, moderator: N, admin: Y },
  },
  // The API (docs/api.md), called with each role's session: its scopes are what the role allows.
  // Before the review rows: the form's "delete the spammer" suspends matrix_author.
  {
    name: 'PUT /api/v1/posts/:id/recommend',
    setup: async (db) => ({
      url: `/api/v1/posts/${(await fixture(db)).otherReplyId}/recommend`,
      form: {},
      api: { method: 'PUT' },
    }),
    allowed: { anonymous: A, member: N, author: N, moderator: OK, admin: OK },
  },
  {
    name: 'POST /api/v1/posts/:id/flags',
    setup: async (db) => ({
      url: `/api/v1/posts/${(await fixture(db)).ownReplyId}/flags`,
      form: {},
      api: { method: 'POST', json: { reason: 'off-topic' } },
    }),
    allowed: { anonymous: A, member: 201, author: N, moderator: 201, admin: 201 },
  },
  ...(['PUT', 'DELETE'] as const).map((method) => ({
    name: `${method} /api/v1/posts/:id/hidden`,
    setup: async (db: Db): Promise<Cell> => {
      const { otherReplyId } = await fixture(db)
      if (method === 'DELETE')
        await db
          .updateTable('posts')
          .set({ hidden_at: Date.now(), hidden_reason: 'staff', hidden_note: 'Matrix check' })
          .where('id', '=', otherReplyId)
          .execute()
      return {
        url: `/api/v1/posts/${otherReplyId}/hidden`,
        form: {},
        api: { method, ...(method === 'PUT' ? { json: { reason: 'Matrix check' } } : {}) },
      }
    },
    allowed: { anonymous: A, member: N, author: N, moderator: OK, admin: OK },
  })),
  {
    name: 'POST /api/v1/posts/:id/restore',
    setup: async (db) => {
      const { ownReplyId } = await fixture(db)
      await db
        .updateTable('posts')
        .set({ deleted_at: Date.now() })
        .where('id', '=', ownReplyId)
        .execute()
      return { url: `/api/v1/posts/${ownReplyId}/restore`, form: {}, api: { method: 'POST' } }
    },
    allowed: { anonymous: A, member: N, author: N, moderator: OK, admin: OK },
  },
  {
    name: 'PUT /api/v1/tags/:slug/watch',
    setup: async (db) => ({
      url: `/api/v1/tags/${await freshTag(db)}/watch`,
      form: {},
      api: { method: 'PUT', json: { level: 'watching' } },
    }),
    allowed: { anonymous: A, member: OK, author: OK, moderator: OK, admin: OK },
  },
  {
    name: 'POST /api/v1/notifications/read',
    setup: async () => ({ url: '/api/v1/notifications/read', form: {}, api: { method: 'POST' } }),
    allowed: { anonymous: A, member: OK, author: OK, moderator: OK, admin: OK },
  },
  {
    name: 'GET /api/v1/review',
    setup: async () => ({ url: '/api/v1/review', form: {}, api: { method: 'GET' } }),
    allowed: { anonymous: A, member: N, author: N, moderator: OK, admin: OK },
  },
  ...(['disagree', 'delete'] as const).map((decision) => ({
    name: `POST /api/v1/review/:id/${decision}`,
    setup: async (db: Db): Promise<Cell> => {
      const { ownReplyId } = await fixture(db)
      const now = Date.now()
      const item = await db
        .insertInto('review_items')
        .values({ post_id: ownReplyId, kind: 'flagged', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      return { url: `/api/v1/review/${item.id}/${decision}`, form: {}, api: { method: 'POST' } }
    },
    allowed: { anonymous: A, member: N, author: N, moderator: OK, admin: OK },
  })),
  {
    // A spammer of its own per cell: deleting one suspends only them.
    name: 'POST /api/v1/review/:id/spammer',
    setup: async (db) => {
      const spammer = await freshPerson(db)
      const threadId = await make.thread(db, { author: spammer.username })
      const post = await db
        .selectFrom('posts')
        .select('id')
        .where('thread_id', '=', threadId)
        .executeTakeFirstOrThrow()
      const now = Date.now()
      const item = await db
        .insertInto('review_items')
        .values({ post_id: post.id, kind: 'flagged', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      return { url: `/api/v1/review/${item.id}/spammer`, form: {}, api: { method: 'POST' } }
    },
    allowed: { anonymous: A, member: N, author: N, moderator: OK, admin: OK },
  },
  ...(
    [
      ['PUT', 'lock', async () => undefined],
      ['DELETE', 'lock', async () => undefined],
      ['PUT', 'pin', async () => ({ scope: 'site', days: 2 })],
      ['DELETE', 'pin', async () => undefined],
      ['PUT', 'duplicate', async (db: Db) => ({ target: await make.thread(db) })],
      ['DELETE', 'duplicate', async () => undefined],
      ['PUT', 'tags', async () => ({ tags: ['kernel'] })],
      ['POST', 'merge', async (db: Db) => ({ target: await make.thread(db) })],
      ['GET', 'staff', async () => undefined],
    ] as const
  ).map(([method, action, json]) => ({
    name: `${method} /api/v1/threads/:id/${action}`,
    setup: async (db: Db): Promise<Cell> => {
      const body = await json(db)
      return {
        url: `/api/v1/threads/${await make.thread(db)}/${action}`,
        form: {},
        api: { method, ...(body !== undefined ? { json: body } : {}) },
      }
    },
    allowed: { anonymous: A, member: N, author: N, moderator: OK, admin: OK },
  })),
  ...(
    [
      ['silence', { days: 1, reason: 'Matrix check' }, OK],
      ['suspend', { days: 1, reason: 'Matrix check' }, OK],
      ['trust-level', { level: 'trusted' }, OK],
      ['title', { title: 'Matrix Title' }, N],
      ['role', { role: 'moderator' }, N],
    ] as const
  ).map(([action, json, moderator]) => ({
    name: `PUT /api/v1/users/:username/${action}`,
    setup: async (db: Db): Promise<Cell> => ({
      url: `/api/v1/users/${(await freshPerson(db)).username}/${action}`,
      form: {},
      api: { method: 'PUT', json },
    }),
    allowed: { anonymous: A, member: N, author: N, moderator, admin: OK },
  })),
  {
    name: 'GET /api/v1/users/:username/standing',
    setup: async (db) => ({
      url: `/api/v1/users/${(await freshPerson(db)).username}/standing`,
      form: {},
      api: { method: 'GET' },
    }),
    allowed: { anonymous: A, member: N, author: N, moderator: OK, admin: OK },
  },
  // Moderation: review
  {
    // Anyone signed in flags another's post; the author may not flag their own.
    name: 'POST /posts/:id/flag',
    setup: async (db) => ({
      url: `/posts/${(await fixture(db)).ownReplyId}/flag`,
      form: { reason: 'off-topic' },
    }),
    allowed: { anonymous: N, member: Y, author: N, moderator: Y, admin: Y },
  },
  {
    name: 'POST /posts/:id/hide',
    setup: async (db) => ({
      url: `/posts/${(await fixture(db)).ownReplyId}/hide`,
      form: { reason: 'Hidden by the matrix' },
    }),
    allowed: { anonymous: N, member: N, author: N, moderator: Y, admin: Y },
  },
  {
    name: 'POST /posts/:id/unhide',
    setup: async (db) => {
      const { ownReplyId } = await fixture(db)
      await db
        .updateTable('posts')
        .set({ hidden_at: Date.now(), hidden_reason: 'staff', hidden_note: 'matrix' })
        .where('id', '=', ownReplyId)
        .execute()
      return { url: `/posts/${ownReplyId}/unhide`, form: {} }
    },
    allowed: { anonymous: N, member: N, author: N, moderator: Y, admin: Y },
  },
  ...(['disagree', 'delete', 'spammer'] as const).map((decision) => ({
    name: `POST /review/:id/${decision}`,
    setup: async (db: Db): Promise<Cell> => {
      const { ownReplyId } = await fixture(db)
      const now = Date.now()
      const item = await db
        .insertInto('review_items')
        .values({ post_id: ownReplyId, kind: 'flagged', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      return { url: `/review/${item.id}/${decision}`, form: {} }
    },
    allowed: { anonymous: N, member: N, author: N, moderator: Y, admin: Y },
  })),
  // Moderation: staff actions
  ...(
    [
      ['lock', async () => ({ state: 'on' })],
      ['pin', async () => ({ scope: 'site', state: 'on', days: '2' })],
      ['close', async (db: Db) => ({ target: String(await make.thread(db)) })],
      ['reopen', async () => ({})],
      ['move', async () => ({ tags: 'kernel' })],
      ['merge', async (db: Db) => ({ target: String(await make.thread(db)) })],
    ] as const
  ).map(([action, form]) => ({
    name: `POST /threads/:id/staff/${action}`,
    setup: async (db: Db) => ({
      url: `/threads/${(await fixture(db)).threadId}/staff/${action}`,
      form: await form(db),
    }),
    allowed: { anonymous: N, member: N, author: N, moderator: Y, admin: Y },
  })),
  ...(
    [
      ['silence', { days: '1', reason: 'Matrix check' }, Y],
      ['suspend', { days: '1', reason: 'Matrix check' }, Y],
      ['trust', { level: 'trusted' }, Y],
      ['title', { title: 'Matrix Title' }, N],
      ['role', { role: 'moderator' }, N],
    ] as const
  ).map(([action, form, moderator]) => ({
    name: `POST /u/:username/staff/${action}`,
    // A person of its own per cell: a suspension ends their sessions, nobody else's.
    setup: async (db: Db) => {
      const username = `matrix_person_${Math.random().toString(36).slice(2, 10)}`
      await createAccount(db, {
        username,
        email: `${username}@example.test`,
        password: 'correct horse battery staple',
        role: 'member',
        title: null,
      })
      return { url: `/u/${username}/staff/${action}`, form: { ...form } }
    },
    allowed: { anonymous: N, member: N, author: N, moderator, admin: Y },
  })),
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
    agents.newMember = (await signedIn(app, t.db, 'matrix_newbie')).agent
    agents.moderator = (await signedIn(app, t.db, 'matrix_mod', 'moderator')).agent
    const admin = await signedIn(app, t.db, 'matrix_admin', 'admin')
    agents.admin = admin.agent
    // The matrix is about who may; the new member's posting delay (a limit, tested on its own in
    // moderation/trust-posting.test.ts) would refuse its second write here.
    await app.siteSettings.save({ newAccountPostDelaySeconds: 0 }, admin.id)
    await signedIn(app, t.db, 'matrix_third') // a session nobody else may end
    // Accounts start new; the others here are established members (staff roles aside).
    await t.db
      .updateTable('users')
      .set({ trust_level: 'member' })
      .where('username', '!=', 'matrix_newbie')
      .execute()
    await t.db
      .updateTable('users')
      .set({ trust_level: 'new' })
      .where('username', '=', 'matrix_newbie')
      .execute()
    agents.anonymous = new Agent(app, '10.4.0.1')
    await agents.anonymous.get('/login') // an anonymous CSRF token, so the request reaches the rules
  })
  afterAll(async () => app?.close())

  for (const route of ROUTES) {
    it.each(ROLES)(`${route.name} as %s`, async (role) => {
      const cell = await route.setup(t.db)
      const agent = agents[role]
      const res = cell.api
        ? await app.inject({
            method: cell.api.method,
            url: cell.url,
            remoteAddress: agent.ip,
            headers: {
              cookie: agent.cookieHeader,
              ...(agent.csrf ? { 'x-csrf-token': agent.csrf } : {}),
            },
            ...(cell.api.json ? { payload: cell.api.json } : {}),
          })
        : cell.method === 'GET'
          ? await agent.get(cell.url)
          : cell.multipart
            ? await agent.postMultipart(cell.url, cell.form)
            : await agent.post(cell.url, cell.form)
      const expected =
        role === 'newMember'
          ? (route.allowed.newMember ?? route.allowed.member)
          : route.allowed[role]
      expect(res.statusCode, res.body.slice(0, 300)).toBe(expected)
      // A page sends a signed-out visitor to sign in first.
      if (cell.method === 'GET' && role === 'anonymous')
        expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(cell.url)}`)
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
