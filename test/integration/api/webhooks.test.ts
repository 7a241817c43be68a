/**
 * Webhooks end to end against a real receiver on 127.0.0.1: an admin adds an endpoint (its secret shown
 * once), a question asked through the API arrives signed (verified with the Standard Webhooks library),
 * a failed delivery is logged and retried later, a redirect is not followed, "Redeliver" sends it
 * again, and with the default setting a private address is refused before any connection. An edit, a
 * deletion, a flag and a sign-up each arrive as their own event.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../../src/domain/api-tokens/index.js'
import { createEndpoint, listDeliveries } from '../../../src/domain/webhooks/index.js'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { parseHtml } from '../../support/html.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

interface Received {
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

async function startReceiver() {
  const received: Received[] = []
  const answers: number[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      const status = answers.shift() ?? 204
      if (status === 302) res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' })
      else res.writeHead(status, { 'content-type': 'text/plain' })
      res.end(status >= 400 ? 'receiver is down for maintenance' : '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/quorum`,
    received,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe.each(DIALECTS)('%s: webhooks', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let admin: Agent
  let adminId: number
  let token: string
  let ahead = 0 // the runner's clock runs this far ahead of the real one

  beforeAll(async () => {
    receiver = await startReceiver()
    app = await buildTestApp(t.handle, {}, { jobs: { runner: { now: () => Date.now() + ahead } } })
    await make.tag(t.db, 'hooks', { name: 'Hooks' })
    ;({ agent: admin, id: adminId } = await signedIn(app, t.db, 'hooks_admin', 'admin'))
    const asker = await signedIn(app, t.db, 'hooks_asker')
    const made = await createToken(
      t.db,
      {
        id: asker.id,
        username: 'hooks_asker',
        title: null,
        role: 'member',
        trustLevel: 'member',
        silencedUntil: null,
      },
      { name: 'bot', scopes: ['write'], lifetime: '7' },
    )
    if (!made.ok) throw new Error('token refused')
    token = made.value.token
  })
  afterAll(async () => {
    await app?.close()
    await receiver?.close()
  })

  async function ask(title: string) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/threads',
      headers: { authorization: `Bearer ${token}` },
      payload: { title, body: `The details of the question are here: ${title}.`, tags: ['hooks'] },
    })
    expect(res.statusCode).toBe(201)
    return res.json<{ threadId: number }>().threadId
  }

  async function addEndpoint(events = 'thread.created'): Promise<{ id: number; secret: string }> {
    await admin.get('/admin/webhooks')
    const res = await admin.post('/admin/webhooks', { url: receiver.url, events })
    expect(res.statusCode).toBe(201)
    const doc = parseHtml(res.body)
    const secret = doc.querySelector('.webhook-secret')?.textContent ?? ''
    expect(secret).toMatch(/^whsec_/)
    const rows = [...doc.querySelectorAll('tr[data-endpoint]')]
    const id = Number(rows.at(-1)?.getAttribute('data-endpoint'))
    expect((await admin.get('/admin/webhooks')).body).not.toContain(secret)
    return { id, secret }
  }

  it('refuses a private address by default, before connecting', async () => {
    const endpoint = await addEndpoint()
    await ask('A question while private webhooks are refused')
    await app.jobs.drain()
    expect(receiver.received).toHaveLength(0)
    const [delivery] = await listDeliveries(t.db, endpoint.id)
    expect(delivery?.statusCode).toBeNull()
    expect(delivery?.error).toMatch(/private or reserved address/)
    const removed = await admin.post(`/admin/webhooks/${endpoint.id}/delete`, {})
    expect(removed.statusCode, removed.body.slice(0, 300)).toBe(303)
  })

  it('signs each message, logs failures, retries, follows no redirect, and redelivers', async () => {
    await app.siteSettings.save({ webhooksToPrivateAddresses: 'allow' }, adminId)
    const endpoint = await addEndpoint()
    receiver.answers.push(500)
    const threadId = await ask('A question the receiver hears about')
    await app.jobs.drain()
    expect(receiver.received).toHaveLength(1)
    let deliveries = await listDeliveries(t.db, endpoint.id)
    expect(deliveries[0]).toMatchObject({ statusCode: 500, attempt: 1 })
    expect(deliveries[0]?.responseExcerpt).toBe('receiver is down for maintenance')

    ahead += 60_000 // past the first backoff: the runner tries again
    await app.jobs.drain()
    expect(receiver.received).toHaveLength(2)
    const [first, second] = receiver.received
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id'])
    const verified = new Webhook(endpoint.secret).verify(second!.body, {
      'webhook-id': String(second!.headers['webhook-id']),
      'webhook-timestamp': String(second!.headers['webhook-timestamp']),
      'webhook-signature': String(second!.headers['webhook-signature']),
    }) as { type: string; data: { threadId: number; kind: string; url: string } }
    expect(verified.type).toBe('thread.created')
    expect(verified.data).toMatchObject({ threadId, kind: 'question' })
    expect(() =>
      new Webhook(endpoint.secret).verify(second!.body.replace('question', 'answer'), {
        'webhook-id': String(second!.headers['webhook-id']),
        'webhook-timestamp': String(second!.headers['webhook-timestamp']),
        'webhook-signature': String(second!.headers['webhook-signature']),
      }),
    ).toThrow()
    deliveries = await listDeliveries(t.db, endpoint.id)
    expect(deliveries[0]).toMatchObject({ statusCode: 204, attempt: 2 })

    receiver.answers.push(302)
    await ask('A question answered by a redirect')
    await app.jobs.drain()
    expect(receiver.received).toHaveLength(3) // the redirect's target never asked
    deliveries = await listDeliveries(t.db, endpoint.id)
    expect(deliveries[0]).toMatchObject({ statusCode: 302, error: 'answered 302' })

    const page = parseHtml((await admin.get(`/admin/webhooks/${endpoint.id}`)).body)
    expect(page.querySelectorAll('tr[data-delivery]')).toHaveLength(3)
    const res = await admin.post(`/admin/webhooks/deliveries/${deliveries[0]!.id}/redeliver`, {})
    expect(res.statusCode).toBe(303)
    await app.jobs.drain()
    expect(receiver.received).toHaveLength(4)
    expect(receiver.received[3]?.headers['webhook-id']).toBe(
      receiver.received[2]?.headers['webhook-id'],
    )
  })

  it('sends an accepted answer as post.accepted, and only to endpoints that asked for it', async () => {
    const before = receiver.received.length
    const endpoint = await addEndpoint('post.accepted')
    const threadId = await ask('A question whose answer gets accepted')
    const replied = await app.inject({
      method: 'POST',
      url: `/api/v1/threads/${threadId}/replies`,
      headers: { authorization: `Bearer ${token}` },
      payload: { body: 'Answering my own question with what finally worked for me.' },
    })
    const replyId = replied.json<{ postId: number }>().postId
    const accepted = await app.inject({
      method: 'PUT',
      url: `/api/v1/posts/${replyId}/accept`,
      headers: { authorization: `Bearer ${token}` },
    })
    expect(accepted.statusCode).toBe(200)
    await app.jobs.drain()
    const mine = receiver.received
      .slice(before)
      .map((r) => JSON.parse(r.body) as { type: string; data: { postId: number; kind: string } })
      .filter((m) => m.type === 'post.accepted')
    expect(mine).toHaveLength(1)
    expect(mine[0]?.data).toMatchObject({ postId: replyId, kind: 'reply' })
    const logged = await listDeliveries(t.db, endpoint.id)
    expect(logged.map((d) => d.eventType)).toEqual(['post.accepted'])
  })

  it('sends post.edited, post.deleted, flag.created and user.created, each signed', async () => {
    await app.siteSettings.save({ webhooksToPrivateAddresses: 'allow' }, adminId)
    const made = await createEndpoint(t.db, {
      url: `${receiver.url}?rest`,
      events: ['post.edited', 'post.deleted', 'flag.created', 'user.created'],
      description: 'the rest of the events',
      actorId: adminId,
    })
    if (!made.ok) throw new Error('endpoint refused')
    const before = receiver.received.length
    const threadId = await ask('A question whose reply is edited, flagged and deleted')
    const call = (
      method: 'POST' | 'PATCH' | 'DELETE',
      url: string,
      auth: string,
      payload?: object,
    ) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${auth}` },
        ...(payload ? { payload } : {}),
      })
    const replied = await call('POST', `/api/v1/threads/${threadId}/replies`, token, {
      body: 'A first answer, to be edited in a moment.',
    })
    const replyId = replied.json<{ postId: number }>().postId
    const edited = await call('PATCH', `/api/v1/posts/${replyId}`, token, {
      body: 'A first answer, edited to say what it means.',
    })
    expect(edited.statusCode).toBe(200)
    const flagger = await signedIn(app, t.db, 'hooks_flagger')
    const flaggerToken = await createToken(
      t.db,
      {
        id: flagger.id,
        username: 'hooks_flagger',
        title: null,
        role: 'member',
        trustLevel: 'member',
        silencedUntil: null,
      },
      { name: 'flags', scopes: ['write'], lifetime: '7' },
    )
    if (!flaggerToken.ok) throw new Error('token refused')
    const flagged = await call('POST', `/api/v1/posts/${replyId}/flags`, flaggerToken.value.token, {
      reason: 'off-topic',
    })
    expect(flagged.statusCode).toBe(201)
    expect((await call('DELETE', `/api/v1/posts/${replyId}`, token)).statusCode).toBe(200)
    const visitor = new Agent(app, '10.66.0.1')
    await visitor.get('/register')
    const registered = await visitor.post('/register', {
      username: 'hooks_newcomer',
      email: 'hooks_newcomer@example.test',
      password: TEST_PASSWORD,
    })
    expect(registered.statusCode).toBe(303)
    await app.jobs.drain()

    const mine = receiver.received.slice(before).filter((r) => r.url.endsWith('?rest'))
    const messages = mine.map((r) => {
      const verified = new Webhook(made.value.secret).verify(r.body, {
        'webhook-id': String(r.headers['webhook-id']),
        'webhook-timestamp': String(r.headers['webhook-timestamp']),
        'webhook-signature': String(r.headers['webhook-signature']),
      }) as { type: string; data: Record<string, unknown> }
      return verified
    })
    const byType = new Map(messages.map((m) => [m.type, m.data]))
    expect([...byType.keys()].sort()).toEqual([
      'flag.created',
      'post.deleted',
      'post.edited',
      'user.created',
    ])
    expect(byType.get('post.edited')).toMatchObject({ postId: replyId, threadId, kind: 'reply' })
    expect(byType.get('post.deleted')).toMatchObject({ postId: replyId, threadId })
    expect(byType.get('flag.created')).toMatchObject({ postId: replyId, reason: 'off-topic' })
    expect(byType.get('flag.created')).not.toHaveProperty('message')
    expect(byType.get('user.created')).toMatchObject({
      username: 'hooks_newcomer',
      url: 'http://quorum.test/users/hooks_newcomer',
    })
    expect(JSON.stringify(byType.get('user.created'))).not.toContain('@example.test')
    const logged = await listDeliveries(t.db, made.value.id)
    expect(logged.map((d) => d.statusCode)).toEqual([204, 204, 204, 204])
    // The admin form offers each of them.
    const form = parseHtml((await admin.get('/admin/webhooks')).body)
    const offered = [...form.querySelectorAll('input[name="events"]')].map((i) =>
      i.getAttribute('value'),
    )
    expect(offered).toEqual(
      expect.arrayContaining(['post.edited', 'post.deleted', 'flag.created', 'user.created']),
    )
  })

  it('lets only admins near the endpoints', async () => {
    const member = await signedIn(app, t.db, 'hooks_member')
    expect((await member.agent.get('/admin/webhooks')).statusCode).toBe(403)
    const res = await member.agent.post('/admin/webhooks', {
      url: receiver.url,
      events: 'post.created',
    })
    expect(res.statusCode).toBe(403)
    expect((await app.inject({ url: '/admin/webhooks' })).statusCode).toBe(303)
  })
})
