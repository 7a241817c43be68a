/**
 * The API's reads on both databases, each answer checked against the served OpenAPI document: tags, a
 * tag's threads by cursor in the tag page's order, a thread, search, profiles, problem details for every
 * error, ETag/304, CORS for anonymous reads only, and bearer tokens (scopes, revocation).
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken, revokeToken } from '../../../src/domain/api-tokens/index.js'
import { createAccount, suspendUser } from '../../../src/domain/users/index.js'
import { listThreadsByTag } from '../../../src/domain/thread-lists/index.js'
import { findTagBySlug } from '../../../src/domain/tags/index.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { loadApiDocument, type ApiConformance } from '../../support/openapi.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: API reads', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let api: ApiConformance
  let threadId = 0

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    const now = Date.now()
    for (let i = 0; i < 5; i++)
      threadId = await make.thread(t.db, {
        title: `Kernel panic in vnode_put number ${i}`,
        tags: ['api-kernel'],
        author: 'api_asker',
        created_at: now - (10 - i) * 3_600_000,
        replies: i === 4 ? 2 : 0,
      })
    api = await loadApiDocument(app)
  })
  afterAll(async () => app?.close())

  async function get(url: string, headers: Record<string, string> = {}) {
    const res = await app.inject({ method: 'GET', url, headers })
    return { res, body: api.check('GET', url, res) as Record<string, unknown> }
  }

  it('lists tags and one tag', async () => {
    const { body } = await get('/api/v1/tags')
    const items = body.items as { slug: string; threadCount: number; url: string }[]
    expect(items.find((x) => x.slug === 'api-kernel')).toMatchObject({
      threadCount: 5,
      url: 'http://quorum.test/tags/api-kernel',
    })
    const one = await get('/api/v1/tags/api-kernel')
    expect(one.body).toMatchObject({ slug: 'api-kernel', threadCount: 5 })
  })

  it('walks a tag’s threads by cursor in the tag page’s order, with Link headers', async () => {
    const tag = await findTagBySlug(t.db, 'api-kernel')
    if (!tag) throw new Error('no tag')
    for (const listing of [
      { sortBy: 'activity', sortOrder: 'desc' },
      { sortBy: 'newest', sortOrder: 'asc' },
      { sortBy: 'replies', sortOrder: 'desc' },
    ] as const) {
      const expected = (
        await listThreadsByTag(t.db, {
          tagId: tag.id,
          ...listing,
          filter: 'all',
          limit: 20,
          offset: 0,
        })
      ).map((x) => x.id)
      const seen: number[] = []
      let url: string | null =
        `/api/v1/tags/api-kernel/threads?sortBy=${listing.sortBy}&sortOrder=${listing.sortOrder}&limit=2`
      let pages = 0
      while (url !== null) {
        const { res, body } = await get(url)
        seen.push(...(body.items as { id: number }[]).map((x) => x.id))
        const link = res.headers.link as string | undefined
        url = link ? (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null) : null
        expect(url === null).toBe(body.next === null)
        pages++
      }
      expect(pages).toBe(3)
      expect(seen).toEqual(expected)
    }
  })

  it('answers every error as problem details, with the field for bad input', async () => {
    const bad = await get('/api/v1/tags/api-kernel/threads?cursor=bm90LWEtY3Vyc29y')
    expect(bad.res.statusCode).toBe(400)
    expect(bad.res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(bad.body).toMatchObject({ code: 'bad_request', field: 'cursor', status: 400 })
    const sort = await get('/api/v1/tags/api-kernel/threads?sortBy=colour')
    expect(sort.body).toMatchObject({ status: 400, field: 'sortBy' })
    const missing = await get('/api/v1/tags/no-such-tag')
    expect(missing.body).toMatchObject({
      status: 404,
      code: 'not_found',
      type: 'urn:quorum:error:not_found',
    })
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ code: 'not_found' })
  })

  it('gives a thread with its posts, and 304 to a matching If-None-Match', async () => {
    const { res, body } = await get(`/api/v1/threads/${threadId}`)
    expect(body).toMatchObject({ id: threadId, replyCount: 2 })
    expect((body.replies as unknown[]).length).toBe(2)
    expect(String((body.question as { bodyHtml: string }).bodyHtml)).toContain('<p>')
    const tag = res.headers.etag as string
    expect(tag).toMatch(/^W\//)
    const again = await app.inject({
      method: 'GET',
      url: `/api/v1/threads/${threadId}`,
      headers: { 'if-none-match': tag },
    })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  it('searches with the page’s operators, and shows profiles', async () => {
    const { body } = await get(`/api/v1/search?q=${encodeURIComponent('vnode_put tag:api-kernel')}`)
    expect((body.items as unknown[]).length).toBe(5)
    const profile = await get('/api/v1/users/api_asker')
    expect(profile.body).toMatchObject({ username: 'api_asker', role: 'member' })
    expect((profile.body.threads as unknown[]).length).toBe(5)
  })

  it('lets any site read anonymously (CORS), and nothing with credentials', async () => {
    const { res } = await get('/api/v1/tags')
    expect(res.headers['access-control-allow-origin']).toBe('*')
  })

  it('authenticates bearer tokens: scopes within the role, revocation, unknown tokens', async () => {
    const anonymous = await get('/api/v1/me')
    expect(anonymous.res.statusCode).toBe(401)
    expect(anonymous.res.headers['www-authenticate']).toMatch(/^Bearer/)
    const userId = (
      await t.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'api_asker')
        .executeTakeFirstOrThrow()
    ).id
    const viewer = {
      id: userId,
      username: 'api_asker',
      title: null,
      role: 'member' as const,
      trustLevel: 'member' as const,
      silencedUntil: null,
    }
    const refused = await createToken(t.db, viewer, {
      name: 'mod',
      scopes: ['read', 'moderate'],
      lifetime: '30',
    })
    expect(refused.ok ? null : refused.failure).toMatchObject({ field: 'scopes' })
    const made = await createToken(t.db, viewer, {
      name: 'CI bot',
      scopes: ['read'],
      lifetime: '30',
    })
    if (!made.ok) throw new Error('token refused')
    const auth = { authorization: `Bearer ${made.value.token}` }
    const me = await get('/api/v1/me', auth)
    expect(me.body).toEqual({
      username: 'api_asker',
      role: 'member',
      scopes: ['read'],
      via: 'token',
    })
    expect(me.res.headers['access-control-allow-origin']).toBeUndefined()
    await revokeToken(t.db, viewer, made.value.view.id)
    const revoked = await get('/api/v1/me', auth)
    expect(revoked.res.statusCode).toBe(401)
    const forged = await get('/api/v1/tags', { authorization: 'Bearer qrm_not-a-real-token' })
    expect(forged.res.statusCode).toBe(401)
  })

  it('reports a pin in this tag as the tag page does, and pages a filtered list', async () => {
    const tag = await findTagBySlug(t.db, 'api-kernel')
    if (!tag) throw new Error('no tag')
    // Pinned in this tag only: it sorts first and says so.
    await t.db
      .updateTable('thread_tags')
      .set({ pinned: 1 })
      .where('tag_id', '=', tag.id)
      .where('thread_id', '=', threadId - 2)
      .execute()
    const { body } = await get('/api/v1/tags/api-kernel/threads?limit=2')
    const [first] = body.items as { id: number; pinned: boolean }[]
    expect(first).toMatchObject({ id: threadId - 2, pinned: true })
    const unsolved = await get('/api/v1/tags/api-kernel/threads?filter=solved')
    expect(unsolved.body).toEqual({ items: [], next: null })
  })

  it('stops a token when its owner is suspended, and cuts a demoted moderator’s scopes', async () => {
    const mod = await createAccount(t.db, {
      username: 'api_mod',
      email: 'api_mod@example.test',
      password: 'correct horse battery staple 42',
      role: 'moderator',
      title: null,
    })
    if (!mod.ok) throw new Error('no moderator')
    const viewer = {
      id: mod.value.id,
      username: 'api_mod',
      title: null,
      role: 'moderator' as const,
      trustLevel: 'member' as const,
      silencedUntil: null,
    }
    const made = await createToken(t.db, viewer, {
      name: 'mod bot',
      scopes: ['read', 'moderate'],
      lifetime: '7',
    })
    if (!made.ok) throw new Error('token refused')
    const auth = { authorization: `Bearer ${made.value.token}` }
    expect((await get('/api/v1/me', auth)).body.scopes).toEqual(['read', 'moderate'])
    await t.db.updateTable('users').set({ role: 'member' }).where('id', '=', mod.value.id).execute()
    expect((await get('/api/v1/me', auth)).body.scopes).toEqual(['read'])
    await suspendUser(t.db, { userId: mod.value.id, days: 1, reason: 'Testing', actorId: null })
    expect((await get('/api/v1/me', auth)).res.statusCode).toBe(401)
  })
})
