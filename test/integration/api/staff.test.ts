/**
 * Flags, recommendations, restores, the review queue and the staff actions through the API, on both
 * databases, each answer checked against the served OpenAPI document. The domain's rules hold as on
 * the forms (who may, one flag per person, the flag limit, a locked thread, a silenced person), a token
 * acts only within its scopes (`moderate`, `admin`), and each action lands in the staff log.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flagLimiter } from '../../../src/domain/moderation/index.js'
import type { Role } from '../../../src/domain/shared/index.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { loadApiDocument, type ApiConformance } from '../../support/openapi.js'
import { useTestDb } from '../../support/test-db.js'
import { account, apiToken } from '../../support/accounts.js'

describe.each(DIALECTS)('%s: API staff actions', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let api: ApiConformance
  const tokens: Record<string, string> = {}
  const ids: Record<string, number> = {}

  async function person(username: string, role: Role, scopes: string[], name = username) {
    const id = await account(t.db, username, role)
    tokens[name] = await apiToken(t.db, { id, username, role }, scopes, `${name} bot`)
    ids[username] = id
  }

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await make.tag(t.db, 'staff-a', { name: 'Staff A' })
    await make.tag(t.db, 'staff-b', { name: 'Staff B' })
    await person('staff_mod', 'moderator', ['read', 'write', 'moderate'], 'mod')
    await person('staff_admin', 'admin', ['read', 'write', 'moderate', 'admin'], 'admin')
    await person('staff_member', 'member', ['read', 'write'], 'member')
    await person('staff_other', 'member', ['read', 'write'], 'other')
    // The moderator's second token, without `moderate`.
    tokens.modWriter = await apiToken(
      t.db,
      { id: ids.staff_mod!, username: 'staff_mod', role: 'moderator' },
      ['read', 'write'],
      'mod writer',
    )
    api = await loadApiDocument(app)
  })
  afterAll(async () => app?.close())

  async function call(method: string, url: string, who?: string, payload?: object) {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: who === undefined ? {} : { authorization: `Bearer ${tokens[who]}` },
      ...(payload !== undefined ? { payload } : {}),
    })
    return { res, body: api.check(method, url, res) as Record<string, unknown> }
  }

  async function thread(replies = 1) {
    const threadId = await make.thread(t.db, {
      tags: ['staff-a'],
      author: 'staff_member',
      replies: Array.from({ length: replies }, (_, i) => ({
        author: 'staff_other',
        created_at: Date.now() - 60_000 + i,
        body: `An answer numbered ${i} in a staff thread.`,
      })),
    })
    const posts = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .orderBy('id')
      .execute()
    return { threadId, questionId: posts[0]!.id, replyId: posts[1]?.id ?? 0 }
  }

  it('merges a thread’s replies into another, and refuses members and write-only tokens', async () => {
    const from = await thread(2)
    const into = await thread(0)
    const url = `/api/v1/threads/${from.threadId}/merge`
    for (const who of ['member', 'modWriter']) {
      const refused = await call('POST', url, who, { target: into.threadId })
      expect(refused.res.statusCode, who).toBe(403)
    }
    const unknown = await call('POST', url, 'mod', { target: 999_999 })
    expect([404, 422]).toContain(unknown.res.statusCode)
    const merged = await call('POST', url, 'mod', { target: into.threadId })
    expect(merged.res.statusCode).toBe(200)
    expect(merged.body).toEqual({ threadId: from.threadId, targetId: into.threadId, moved: 2 })
    const moved = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', into.threadId)
      .where('kind', '=', 'reply')
      .execute()
    expect(moved).toHaveLength(2)
    const staffState = await call('GET', `/api/v1/threads/${from.threadId}/staff`, 'mod')
    expect(staffState.body).toMatchObject({ duplicateOf: into.threadId })
  })

  it('hides a post with a reason and shows it again; members and write-only tokens are refused', async () => {
    const { threadId, replyId } = await thread(1)
    const url = `/api/v1/posts/${replyId}/hidden`
    for (const who of ['member', 'modWriter'])
      expect((await call('PUT', url, who, { reason: 'Off topic' })).res.statusCode, who).toBe(403)
    const noReason = await call('PUT', url, 'mod', { reason: '  ' })
    expect(noReason.res.statusCode).toBe(422)
    expect(noReason.body).toMatchObject({ field: 'reason' })
    const hidden = await call('PUT', url, 'mod', { reason: 'Shares a private key' })
    expect(hidden.body).toMatchObject({ postId: replyId, threadId, hidden: true })
    const reader = await app.inject({ url: `/api/v1/threads/${threadId}` })
    expect(reader.body).not.toContain('An answer numbered 0 in a staff thread.')
    const shown = await call('DELETE', url, 'mod')
    expect(shown.body).toMatchObject({ postId: replyId, hidden: false })
    expect((await call('DELETE', url, 'mod')).res.statusCode).toBe(409)
    const again = await app.inject({ url: `/api/v1/threads/${threadId}` })
    expect(again.body).toContain('An answer numbered 0 in a staff thread.')
  })

  it('locks, pins, closes as a duplicate, reopens and moves a thread', async () => {
    const { threadId } = await thread()
    const url = `/api/v1/threads/${threadId}`
    const locked = await call('PUT', `${url}/lock`, 'mod')
    expect(locked.body).toMatchObject({ threadId, locked: true })
    // A locked thread takes replies from staff only, whoever asks through the API.
    const refused = await call('POST', `${url}/replies`, 'other', { body: 'Replying anyway.' })
    expect(refused.res.statusCode).toBe(403)
    expect((await call('DELETE', `${url}/lock`, 'mod')).body).toMatchObject({ locked: false })

    const site = await call('PUT', `${url}/pin`, 'mod', { scope: 'site', days: 2 })
    expect(site.body).toMatchObject({ pinned: true })
    expect(site.body.pinnedUntil).not.toBeNull()
    const inTag = await call('PUT', `${url}/pin`, 'mod', { scope: 'staff-a' })
    expect(inTag.body.tags).toEqual([
      { slug: 'staff-a', name: 'Staff A', pinned: true, pinnedUntil: null },
    ])
    const badScope = await call('PUT', `${url}/pin`, 'mod', { scope: 'staff-b' })
    expect(badScope.res.statusCode).toBe(422)
    expect(badScope.body).toMatchObject({ code: 'invalid', field: 'scope' })
    const badDays = await call('PUT', `${url}/pin`, 'mod', { scope: 'site', days: 400 })
    expect(badDays.body).toMatchObject({ status: 422, field: 'days' })
    expect((await call('DELETE', `${url}/pin?scope=staff-a`, 'mod')).body.tags).toEqual([
      { slug: 'staff-a', name: 'Staff A', pinned: false, pinnedUntil: null },
    ])
    expect((await call('DELETE', `${url}/pin`, 'mod')).body).toMatchObject({
      pinned: false,
      pinnedUntil: null,
    })

    const original = await thread(0)
    const closed = await call('PUT', `${url}/duplicate`, 'mod', { target: original.threadId })
    expect(closed.body).toMatchObject({ duplicateOf: original.threadId })
    const self = await call('PUT', `${url}/duplicate`, 'mod', { target: String(threadId) })
    expect(self.res.statusCode).toBe(422)
    expect((await call('DELETE', `${url}/duplicate`, 'mod')).body).toMatchObject({
      duplicateOf: null,
    })

    const moved = await call('PUT', `${url}/tags`, 'admin', { tags: ['staff-b'] })
    expect((moved.body.tags as { slug: string }[]).map((x) => x.slug)).toEqual(['staff-b'])
    const unknown = await call('PUT', `${url}/tags`, 'mod', { tags: ['no-such-tag'] })
    expect(unknown.body).toMatchObject({ status: 422, field: 'tags' })
    const state = await call('GET', `${url}/staff`, 'mod')
    expect(state.body).toMatchObject({ threadId, locked: false, duplicateOf: null })

    const logged = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'thread')
      .where('target_id', '=', threadId)
      .execute()
    expect(logged.map((r) => r.action)).toEqual(
      expect.arrayContaining(['thread.lock', 'thread.unlock', 'thread.pin', 'thread.unpin']),
    )
  })

  it('refuses staff actions without `moderate`, to members, strangers and on missing threads', async () => {
    const { threadId } = await thread(0)
    const member = await call('PUT', `/api/v1/threads/${threadId}/lock`, 'member')
    expect(member.res.statusCode).toBe(403)
    expect(member.body).toMatchObject({ code: 'forbidden' })
    // A moderator's token without the scope is refused too: the token, not the role, decides.
    expect(
      (await call('PUT', `/api/v1/threads/${threadId}/lock`, 'modWriter')).res.statusCode,
    ).toBe(403)
    // No token, no session: 401, asking for credentials, before the route runs.
    expect((await call('PUT', `/api/v1/threads/${threadId}/lock`)).res.statusCode).toBe(401)
    expect((await call('PUT', '/api/v1/threads/2147483647/lock', 'mod')).res.statusCode).toBe(404)
    expect((await call('GET', `/api/v1/threads/${threadId}/staff`, 'member')).res.statusCode).toBe(
      403,
    )
    const extra = await call('PUT', `/api/v1/threads/${threadId}/pin`, 'mod', {
      scope: 'site',
      until: 'forever',
    })
    expect(extra.res.statusCode).toBe(400)
  })

  it('flags a post under the form’s rules: one per person, reasons, the limit', async () => {
    const { replyId, questionId } = await thread()
    const url = `/api/v1/posts/${replyId}/flags`
    const flagged = await call('POST', url, 'member', { reason: 'off-topic' })
    expect(flagged.res.statusCode).toBe(201)
    expect(flagged.body).toMatchObject({ postId: replyId, hidden: false, threadHidden: false })
    const again = await call('POST', url, 'member', { reason: 'spam' })
    expect(again.res.statusCode).toBe(409)
    expect(again.body).toMatchObject({ code: 'conflict' })
    const own = await call('POST', `/api/v1/posts/${questionId}/flags`, 'member', {
      reason: 'spam',
    })
    expect(own.res.statusCode).toBe(403)
    const noMessage = await call('POST', `/api/v1/posts/${questionId}/flags`, 'other', {
      reason: 'staff',
    })
    expect(noMessage.body).toMatchObject({ status: 422, field: 'message' })
    const badReason = await call('POST', url, 'other', { reason: 'boring' })
    expect(badReason.res.statusCode).toBe(400)
    expect(
      (await call('POST', '/api/v1/posts/2147483647/flags', 'other', { reason: 'spam' })).res
        .statusCode,
    ).toBe(404)

    // The form's hourly limit, held here by 20 flags already counted.
    const key = String(ids.staff_other)
    for (let i = 0; i < 20; i++) flagLimiter.hit(key)
    const limited = await call('POST', `/api/v1/posts/${questionId}/flags`, 'other', {
      reason: 'spam',
    })
    expect(limited.res.statusCode).toBe(429)
    expect(Number(limited.res.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited.body).toMatchObject({ code: 'rate_limited' })
    flagLimiter.reset(key)
  })

  it('recommends (staff only) and restores a deleted post (moderate)', async () => {
    const { replyId } = await thread()
    const url = `/api/v1/posts/${replyId}/recommend`
    expect((await call('PUT', url, 'member')).res.statusCode).toBe(403)
    expect((await call('PUT', url, 'mod')).body).toEqual({ recommended: true })
    const read = await app.inject({ url: `/api/v1/threads/${(await thread(0)).threadId}` })
    expect(read.statusCode).toBe(200)
    expect((await call('DELETE', url, 'mod')).body).toEqual({ recommended: false })

    const deleted = await call('DELETE', `/api/v1/posts/${replyId}`, 'other')
    expect(deleted.res.statusCode).toBe(200)
    const byAuthor = await call('POST', `/api/v1/posts/${replyId}/restore`, 'other')
    expect(byAuthor.res.statusCode).toBe(403)
    const restored = await call('POST', `/api/v1/posts/${replyId}/restore`, 'mod')
    expect(restored.body).toMatchObject({ postId: replyId })
    expect((await call('POST', '/api/v1/posts/2147483647/restore', 'mod')).res.statusCode).toBe(404)
  })

  it('lists the review queue and decides its items; deletes a spammer', async () => {
    const { replyId } = await thread()
    await call('POST', `/api/v1/posts/${replyId}/flags`, 'member', { reason: 'rude' })
    expect((await call('GET', '/api/v1/review', 'member')).res.statusCode).toBe(403)
    const queue = await call('GET', '/api/v1/review', 'mod')
    const items = queue.body.items as { id: number; post: { id: number }; flags: unknown[] }[]
    const item = items.find((i) => i.post.id === replyId)
    expect(item?.flags).toHaveLength(1)
    const decided = await call('POST', `/api/v1/review/${item!.id}/disagree`, 'mod')
    expect(decided.body).toEqual({
      itemId: item!.id,
      postId: replyId,
      threadId: expect.any(Number),
    })
    expect((await call('POST', `/api/v1/review/${item!.id}/agree`, 'mod')).res.statusCode).toBe(409)
    expect((await call('POST', `/api/v1/review/${item!.id}/shrug`, 'mod')).res.statusCode).toBe(400)

    await account(t.db, 'staff_spammer', 'member')
    const spamThread = await make.thread(t.db, {
      tags: ['staff-a'],
      author: 'staff_spammer',
      body: 'Cheap watches at a site you have never heard of.',
    })
    const spamPost = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', spamThread)
      .executeTakeFirstOrThrow()
    await call('POST', `/api/v1/posts/${spamPost.id}/flags`, 'member', { reason: 'spam' })
    const again = await call('GET', '/api/v1/review', 'mod')
    const spam = (again.body.items as { id: number; post: { id: number } }[]).find(
      (i) => i.post.id === spamPost.id,
    )
    expect(
      (await call('POST', `/api/v1/review/${spam!.id}/spammer`, 'member')).res.statusCode,
    ).toBe(403)
    const removed = await call('POST', `/api/v1/review/${spam!.id}/spammer`, 'mod')
    expect(removed.body).toMatchObject({ username: 'staff_spammer', postsDeleted: 1 })
  })

  it('silences, suspends and sets trust (moderate); the title and the role need `admin`', async () => {
    await person('staff_target', 'member', ['read', 'write'], 'target')
    const url = '/api/v1/users/staff_target'
    const silenced = await call('PUT', `${url}/silence`, 'mod', { days: 2, reason: 'Cooling off' })
    expect(silenced.body).toMatchObject({ username: 'staff_target', silenceReason: 'Cooling off' })
    expect(silenced.body.silencedUntil).not.toBeNull()
    // Silenced: the API refuses their posts as the form does, with the reason.
    const { threadId } = await thread(0)
    const reply = await call('POST', `/api/v1/threads/${threadId}/replies`, 'target', {
      body: 'Trying to post while silenced.',
    })
    expect(reply.res.statusCode).toBe(422)
    expect(String(reply.body.detail)).toContain('Cooling off')
    expect(
      (await call('PUT', `${url}/silence`, 'mod', { days: 0, reason: '' })).body,
    ).toMatchObject({
      silencedUntil: null,
    })
    const trust = await call('PUT', `${url}/trust-level`, 'mod', { level: 'trusted' })
    expect(trust.body).toMatchObject({ trustLevel: 'trusted', trustLevelLocked: true })
    const standing = await call('GET', `${url}/standing`, 'mod')
    expect(standing.body).toMatchObject({ trustLevel: 'trusted', role: 'member' })

    expect((await call('PUT', `${url}/role`, 'mod', { role: 'moderator' })).res.statusCode).toBe(
      403,
    )
    expect(
      (await call('PUT', `${url}/title`, 'mod', { title: 'Kernel team' })).res.statusCode,
    ).toBe(403)
    expect(
      (await call('PUT', `${url}/title`, 'admin', { title: 'Kernel team' })).body,
    ).toMatchObject({
      title: 'Kernel team',
    })
    expect((await call('PUT', `${url}/role`, 'admin', { role: 'moderator' })).body).toMatchObject({
      role: 'moderator',
    })
    expect((await call('PUT', `${url}/role`, 'admin', { role: 'member' })).body).toMatchObject({
      role: 'member',
    })

    const self = await call('PUT', '/api/v1/users/staff_mod/silence', 'mod', {
      days: 1,
      reason: 'x',
    })
    expect(self.res.statusCode).toBe(403)
    expect(
      (await call('PUT', '/api/v1/users/nobody_at_all/silence', 'mod', { days: 1, reason: 'x' }))
        .res.statusCode,
    ).toBe(404)
    expect(
      (await call('PUT', `${url}/suspend`, 'mod', { days: -1, reason: 'x' })).res.statusCode,
    ).toBe(400)
    expect(
      (await call('PUT', `${url}/silence`, 'member', { days: 1, reason: 'x' })).res.statusCode,
    ).toBe(403)

    const suspended = await call('PUT', `${url}/suspend`, 'mod', { days: 3, reason: 'Spam links' })
    expect(suspended.body).toMatchObject({ suspendReason: 'Spam links' })
    // A suspended person's tokens stop at once.
    expect((await call('GET', '/api/v1/me', 'target')).res.statusCode).toBe(401)
  })
})
