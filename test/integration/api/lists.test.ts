/**
 * The API's other lists on both databases, each answer checked against the served OpenAPI document:
 * home by cursor in the home page's order (pins first, a caller's muted tags left out), a person's
 * threads and posts by cursor, the threads of a signature, text → signatures for anyone (with its limit), and
 * marking notifications read, one or all.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../../src/domain/api-tokens/index.js'
import type { Viewer } from '../../../src/domain/shared/index.js'
import { pinThread } from '../../../src/domain/staff-actions/index.js'
import { listHomeThreads } from '../../../src/domain/watching/index.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { loadApiDocument, type ApiConformance } from '../../support/openapi.js'
import { useTestDb } from '../../support/test-db.js'
import { account } from '../../support/accounts.js'

describe.each(DIALECTS)('%s: API lists', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let api: ApiConformance
  const ids: number[] = []
  let mod: Viewer
  let token: string
  let reader: Viewer

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    const now = Date.now()
    for (let i = 0; i < 6; i++)
      ids.push(
        await make.thread(t.db, {
          title: `Driver question number ${i} about DMA`,
          tags: [i % 2 === 0 ? 'lists-even' : 'lists-odd'],
          author: 'lists_asker',
          created_at: now - (20 - i) * 3_600_000,
          body:
            i === 0
              ? 'socket() fails with ENOBUFS on macOS 26.1 (25B78); filed FB12345678.'
              : `Question ${i} about a DMA engine.`,
        }),
      )
    const m = { id: await account(t.db, 'lists_mod', 'moderator') }
    mod = {
      id: m.id,
      username: 'lists_mod',
      title: null,
      role: 'moderator',
      trustLevel: 'member',
      silencedUntil: null,
    }
    // The oldest thread pinned site-wide: first on home.
    const pinned = await pinThread(t.db, mod, {
      threadId: ids[0]!,
      scope: 'site',
      pinned: true,
      days: null,
    })
    expect(pinned.ok).toBe(true)
    const r = { id: await account(t.db, 'lists_reader', 'member') }
    reader = {
      id: r.id,
      username: 'lists_reader',
      title: null,
      role: 'member',
      trustLevel: 'member',
      silencedUntil: null,
    }
    const made = await createToken(t.db, reader, {
      name: 'reader',
      scopes: ['read', 'write'],
      lifetime: '7',
    })
    if (!made.ok) throw new Error('token refused')
    token = made.value.token
    api = await loadApiDocument(app)
  })
  afterAll(async () => app?.close())

  async function call(
    method: string,
    url: string,
    headers: Record<string, string> = {},
    payload?: object,
  ) {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    })
    return { res, body: api.check(method, url, res) as Record<string, unknown> }
  }

  /** Follows Link headers from `url`; the ids seen and the number of pages. */
  async function walk(url: string, headers: Record<string, string> = {}) {
    const seen: number[] = []
    let next: string | null = url
    let pages = 0
    while (next !== null) {
      const { res, body } = await call('GET', next, headers)
      expect(res.statusCode).toBe(200)
      seen.push(...(body.items as { id: number }[]).map((x) => x.id))
      const link = res.headers.link as string | undefined
      next = link ? (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null) : null
      expect(next === null).toBe(body.next === null)
      pages++
    }
    return { seen, pages }
  }

  it('walks home in the home page’s order, pins first, by cursor', async () => {
    const expected = (await listHomeThreads(t.db, null, 100)).map((x) => x.id)
    expect(expected[0]).toBe(ids[0])
    const { seen, pages } = await walk('/api/v1/home?limit=4')
    expect(pages).toBe(2)
    expect(seen).toEqual(expected)
    const first = await call('GET', '/api/v1/home?limit=1')
    expect((first.body.items as { pinned: boolean }[])[0]?.pinned).toBe(true)
    // Read again with the same cursor: the same page; an anonymous read may be cached.
    expect(first.res.headers.etag).toMatch(/^W\//)
    const bad = await call('GET', '/api/v1/home?cursor=WzEsMl0')
    expect(bad.res.statusCode).toBe(400)
    expect(bad.body).toMatchObject({ code: 'bad_request', field: 'cursor' })
  })

  it('leaves a muted tag’s threads off the caller’s home, as the page does', async () => {
    const auth = { authorization: `Bearer ${token}` }
    const muted = await call('PUT', '/api/v1/tags/lists-odd/watch', auth, { level: 'muted' })
    expect(muted.body).toEqual({ level: 'muted' })
    const { seen } = await walk('/api/v1/home?limit=2', auth)
    const expected = (await listHomeThreads(t.db, reader, 100)).map((x) => x.id)
    expect(seen).toEqual(expected)
    expect(seen).toHaveLength(3)
    expect(seen).not.toContain(ids[1])
    // A thread takes each of the page's four levels, and keeps the last.
    for (const level of ['watching', 'tracking', 'muted', 'normal'])
      expect((await call('PUT', `/api/v1/threads/${ids[2]}/watch`, auth, { level })).body).toEqual({
        level,
      })
    const kept = await t.db
      .selectFrom('thread_watches')
      .select('level')
      .where('user_id', '=', reader.id)
      .where('thread_id', '=', ids[2]!)
      .executeTakeFirst()
    expect(kept?.level ?? 'normal').toBe('normal')
    const unknown = await call('PUT', '/api/v1/tags/no-such-tag/watch', auth, { level: 'muted' })
    expect(unknown.res.statusCode).toBe(404)
    const badLevel = await call('PUT', '/api/v1/tags/lists-odd/watch', auth, { level: 'loud' })
    expect(badLevel.res.statusCode).toBe(400)
    // No token and no session: 401, asking for credentials, before the route runs.
    const anonymous = await call('PUT', '/api/v1/tags/lists-odd/watch', {}, { level: 'normal' })
    expect(anonymous.res.statusCode).toBe(401)
    await call('PUT', '/api/v1/tags/lists-odd/watch', auth, { level: 'normal' })
  })

  it('pages a person’s threads as their profile lists them', async () => {
    const { seen, pages } = await walk('/api/v1/users/lists_asker/threads?limit=4')
    expect(pages).toBe(2)
    expect([...seen].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b))
    const missing = await call('GET', '/api/v1/users/nobody_here_at_all/threads')
    expect(missing.res.statusCode).toBe(404)
  })

  it('pages a person’s posts newest first, leaving out hidden ones', async () => {
    const auth = { authorization: `Bearer ${token}` }
    const posted: number[] = []
    for (const i of [2, 3, 4]) {
      const replied = await call('POST', `/api/v1/threads/${ids[i]}/replies`, auth, {
        body: `A reply from the reader to thread ${i}.`,
      })
      expect(replied.res.statusCode).toBe(201)
      posted.push(replied.body.postId as number)
    }
    await t.db
      .updateTable('posts')
      .set({ hidden_at: Date.now(), hidden_reason: 'staff', hidden_note: 'test' })
      .where('id', '=', posted[1]!)
      .execute()
    const { seen, pages } = await walk('/api/v1/users/lists_reader/posts?limit=1')
    expect(seen).toEqual([posted[2], posted[0]])
    expect(pages).toBe(2)
    const asker = await call('GET', '/api/v1/users/lists_asker/posts?limit=50')
    const kinds = (asker.body.items as { kind: string; url: string }[]).map((p) => p.kind)
    expect(kinds).toEqual(Array(6).fill('question'))
    expect((await call('GET', '/api/v1/users/nobody_here_at_all/posts')).res.statusCode).toBe(404)
  })

  it('lists the threads that mention a signature, and extracts a text’s', async () => {
    const page = await call('GET', '/api/v1/signatures/error/ENOBUFS')
    expect(page.body).toMatchObject({ kind: 'error', key: 'ENOBUFS', threadCount: 1, next: null })
    expect((page.body.items as { id: number }[]).map((x) => x.id)).toEqual([ids[0]])
    const reference = await call('GET', '/api/v1/signatures/reference/FB12345678')
    expect(reference.body.reference).toMatchObject({ fixed: null })
    expect((await call('GET', '/api/v1/signatures/error/EWOULDNEVER')).res.statusCode).toBe(404)
    expect((await call('GET', '/api/v1/signatures/colour/red')).res.statusCode).toBe(400)

    const extracted = await call(
      'POST',
      '/api/v1/signatures/extract',
      {},
      {
        text: 'sendto() fails with ENOBUFS on macOS 26.1 (25B78); see FB12345678.',
      },
    )
    expect(extracted.res.statusCode).toBe(200)
    const items = extracted.body.items as { kind: string; key: string; api: string }[]
    expect(items.map((i) => `${i.kind}:${i.key}`)).toEqual(
      expect.arrayContaining(['error:ENOBUFS', 'reference:FB12345678']),
    )
    expect(items.some((i) => i.kind === 'symbol')).toBe(true)
    expect(items.find((i) => i.kind === 'error')?.api).toBe(
      'http://quorum.test/api/v1/signatures/error/ENOBUFS',
    )
    const extra = await call('POST', '/api/v1/signatures/extract', {}, { text: 'x', lang: 'c' })
    expect(extra.res.statusCode).toBe(400)
  })

  it('limits a stranger’s extractions by address', async () => {
    // The limit is the process's: each dialect's run comes from its own address.
    const net = dialect === 'sqlite' ? 1 : 2
    const from = (n: number) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/signatures/extract',
        remoteAddress: `10.77.${net}.9`,
        payload: { text: `errno ${n}` },
      })
    for (let i = 0; i < 20; i++) expect((await from(i)).statusCode).toBe(200)
    const refused = await from(21)
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(api.check('POST', '/api/v1/signatures/extract', refused)).toMatchObject({
      code: 'rate_limited',
    })
    // Another address is not held.
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/signatures/extract',
      remoteAddress: `10.77.${net}.10`,
      payload: { text: 'ENOENT' },
    })
    expect(other.statusCode).toBe(200)
  })

  it('marks one notification read, or all, and only the caller’s own', async () => {
    const auth = { authorization: `Bearer ${token}` }
    const now = Date.now()
    const rows = await t.db
      .insertInto('notifications')
      .values(
        [0, 1, 2].map((i) => ({
          user_id: reader.id,
          kind: 'reply' as const,
          thread_id: ids[i]!,
          post_id: null,
          actor_id: mod.id,
          dedupe_key: `lists:${i}`,
          created_at: now - i,
          updated_at: now - i,
        })),
      )
      .returning('id')
      .execute()
    const [a, b] = rows.map((r) => r.id)
    const one = await call('POST', `/api/v1/notifications/${a}/read`, auth)
    expect(one.body).toEqual({ unread: 2 })
    const modToken = await createToken(t.db, mod, { name: 'm', scopes: ['read'], lifetime: '7' })
    if (!modToken.ok) throw new Error('token refused')
    const notTheirs = await call('POST', `/api/v1/notifications/${b}/read`, {
      authorization: `Bearer ${modToken.value.token}`,
    })
    expect(notTheirs.res.statusCode).toBe(404)
    expect((await call('POST', '/api/v1/notifications/2147483647/read', auth)).res.statusCode).toBe(
      404,
    )
    expect((await call('POST', '/api/v1/notifications/read')).res.statusCode).toBe(401)
    const all = await call('POST', '/api/v1/notifications/read', auth)
    expect(all.body).toEqual({ unread: 0 })
    const left = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', reader.id)
      .where('read_at', 'is', null)
      .execute()
    expect(left).toEqual([])
    // What each says is English, whatever language the client's headers ask for (docs/api.md).
    const listed = await call('GET', '/api/v1/notifications', { ...auth, 'accept-language': 'de' })
    expect((listed.body as { items: { text: string }[] }).items.map((n) => n.text)).toContain(
      'lists_mod replied to your question',
    )
  })
})
