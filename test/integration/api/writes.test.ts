/**
 * The API's writes on both databases, each answer checked against the served OpenAPI document: a token
 * with `write` asks, replies, comments, edits, boosts, accepts, watches and deletes under the same rules
 * as the forms; a `read` token is refused; a browser session's write needs its CSRF token; the asker
 * reads the notification the reply made.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../../src/domain/api-tokens/index.js'
import type { Viewer } from '../../../src/domain/shared/index.js'
import { signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { loadApiDocument, type ApiConformance } from '../../support/openapi.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: API writes', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let api: ApiConformance

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await make.tag(t.db, 'api-drivers', { name: 'Drivers' })
    api = await loadApiDocument(app)
  })
  afterAll(async () => app?.close())

  async function tokenFor(
    username: string,
    scopes: string[],
    trustLevel: Viewer['trustLevel'] = 'member',
  ): Promise<string> {
    const { id } = await signedIn(app, t.db, username, 'member', null, trustLevel)
    const viewer: Viewer = {
      id,
      username,
      title: null,
      role: 'member',
      trustLevel,
      silencedUntil: null,
    }
    const made = await createToken(t.db, viewer, { name: `${username} bot`, scopes, lifetime: '7' })
    if (!made.ok) throw new Error('token refused')
    return made.value.token
  }

  async function call(method: string, url: string, token: string, payload?: unknown) {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    })
    return { res, body: api.check(method, url, res) as Record<string, unknown> }
  }

  it('asks, replies, comments, edits, boosts, accepts and deletes as the token’s owner', async () => {
    const asker = await tokenFor('api_writer', ['read', 'write'])
    const helper = await tokenFor('api_helper', ['write'])
    const asked = await call('POST', '/api/v1/threads', asker, {
      title: 'IOKit matching fails after sleep on a Thunderbolt dock',
      body: 'After wake, `IOServiceGetMatchingServices` returns nothing for the dock.',
      tags: ['api-drivers'],
    })
    expect(asked.res.statusCode).toBe(201)
    const threadId = asked.body.threadId as number
    const replied = await call('POST', `/api/v1/threads/${threadId}/replies`, helper, {
      body: 'Re-register for `kIOFirstMatchNotification` after wake; the old iterator is spent.',
    })
    expect(replied.res.statusCode).toBe(201)
    const replyId = replied.body.postId as number
    expect(replied.body.url).toMatch(new RegExp(`/threads/${threadId}/.+#post-${replyId}$`))
    const commented = await call('POST', `/api/v1/posts/${replyId}/comments`, asker, {
      body: 'That was it, thanks.',
    })
    expect(commented.res.statusCode).toBe(201)
    const edited = await call('PATCH', `/api/v1/posts/${replyId}`, helper, {
      body: 'Re-register for `kIOFirstMatchNotification` after every wake: the old iterator is spent.',
    })
    expect(edited.res.statusCode).toBe(200)
    const notYours = await call('PATCH', `/api/v1/posts/${replyId}`, asker, {
      body: 'Taking over this reply.',
    })
    expect(notYours.res.statusCode).toBe(403)
    expect(notYours.body).toMatchObject({ code: 'forbidden' })
    expect((await call('PUT', `/api/v1/posts/${replyId}/boost`, asker)).body).toEqual({
      boosted: true,
      boostCount: 1,
    })
    expect((await call('DELETE', `/api/v1/posts/${replyId}/boost`, asker)).body).toEqual({
      boosted: false,
      boostCount: 0,
    })
    const accepted = await call('PUT', `/api/v1/posts/${replyId}/accept`, asker)
    expect(accepted.body).toEqual({ accepted: true, acceptedPostId: replyId })
    const byHelper = await call('PUT', `/api/v1/posts/${replyId}/accept`, helper)
    expect(byHelper.res.statusCode).toBe(403)
    expect(
      (await call('PUT', `/api/v1/threads/${threadId}/watch`, helper, { level: 'watching' })).body,
    ).toEqual({
      level: 'watching',
    })
    const thread = await app.inject({ url: `/api/v1/threads/${threadId}` })
    expect(thread.json()).toMatchObject({ solved: true, replyCount: 1 })
    await app.jobs.drain()
    const inbox = await call('GET', '/api/v1/notifications', asker)
    const items = inbox.body.items as { postId: number; updatedAt: string; read: boolean }[]
    expect(items.some((n) => n.postId === replyId)).toBe(true)
    // Newest first, whatever thread each is of; unread the first time, read once shown.
    const times = items.map((n) => n.updatedAt)
    expect(times).toEqual([...times].sort().reverse())
    expect(items.every((n) => !n.read)).toBe(true)
    const again = await call('GET', '/api/v1/notifications', asker)
    expect((again.body.items as { read: boolean }[]).every((n) => n.read)).toBe(true)
    const gone = await call('DELETE', `/api/v1/posts/${replyId}`, helper)
    expect(gone.body).toMatchObject({ threadDeleted: false, postId: replyId })
  })

  it('keeps the forms’ rules: bad input names its field, unknown tags, missing things', async () => {
    const token = await tokenFor('api_rules', ['write'])
    const empty = await call('POST', '/api/v1/threads', token, {
      title: '   ',
      body: 'x',
      tags: ['api-drivers'],
    })
    expect(empty.res.statusCode).toBe(422)
    expect(empty.body).toMatchObject({ code: 'invalid', field: 'title' })
    const unknown = await call('POST', '/api/v1/threads', token, {
      title: 'A question under a tag nobody made',
      body: 'Some body text for it.',
      tags: ['no-such-tag-here'],
    })
    expect(unknown.body).toMatchObject({ status: 422, field: 'tags' })
    const extra = await call('POST', '/api/v1/threads/1/replies', token, {
      body: 'x',
      role: 'admin',
    })
    expect(extra.res.statusCode).toBe(400)
    const missing = await call('POST', '/api/v1/threads/999999/replies', token, {
      body: 'Hello there.',
    })
    expect(missing.res.statusCode).toBe(404)
  })

  it('refuses a read-only token, and a session’s write without its CSRF token', async () => {
    const reader = await tokenFor('api_reader', ['read'])
    const refused = await call('POST', '/api/v1/threads/1/replies', reader, {
      body: 'Hello there.',
    })
    expect(refused.res.statusCode).toBe(403)
    expect(refused.body).toMatchObject({ code: 'forbidden' })
    const { agent } = await signedIn(app, t.db, 'api_browser')
    const threadId = await make.thread(t.db, { tags: ['api-drivers'] })
    const forged = await app.inject({
      method: 'POST',
      url: `/api/v1/threads/${threadId}/replies`,
      headers: { cookie: agent.cookieHeader, 'content-type': 'application/json' },
      payload: JSON.stringify({ body: 'Posted from a page without its token.' }),
    })
    expect(forged.statusCode).toBe(403)
  })

  it('says when a new account’s question waits for a moderator', async () => {
    const newcomer = await tokenFor('api_newcomer', ['write'], 'new')
    const asked = await call('POST', '/api/v1/threads', newcomer, {
      title: 'First question from a brand new account here',
      body: 'The driver of my dock stops matching after the first sleep.',
      tags: ['api-drivers'],
    })
    expect(asked.res.statusCode).toBe(201)
    expect(asked.body.held).toBe('approval')
    const hidden = await app.inject({ url: `/api/v1/threads/${asked.body.threadId as number}` })
    expect(hidden.statusCode).toBe(404)
  })
})
