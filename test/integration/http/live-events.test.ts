/**
 * GET /events through a real HTTP connection (node:http reading the stream as a browser's EventSource
 * would): a reply reaches the thread's open streams, a new thread reaches home and its tags, the bell's
 * count reaches only the person's own stream, Last-Event-ID resumes, heartbeats flow, and one address
 * may hold only so many streams.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiToken } from '../../support/accounts.js'
import { signedIn, type Agent } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

interface SseEvent {
  id?: string
  event: string
  data: string
}

interface Stream {
  status: number
  events: SseEvent[]
  comments: string[]
  waitFor(test: (events: SseEvent[], comments: string[]) => boolean): Promise<void>
  close(): void
}

function openStream(base: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<Stream>((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers }, (res) => {
      const events: SseEvent[] = []
      const comments: string[] = []
      const waiters: { test: Parameters<Stream['waitFor']>[0]; resolve: () => void }[] = []
      let buffer = ''
      const check = () => {
        for (const w of [...waiters])
          if (w.test(events, comments)) {
            waiters.splice(waiters.indexOf(w), 1)
            w.resolve()
          }
      }
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event: SseEvent = { event: 'message', data: '' }
          let isEvent = false
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim())
            else if (line.startsWith('id: ')) event.id = line.slice(4)
            else if (line.startsWith('event: ')) {
              event.event = line.slice(7)
              isEvent = true
            } else if (line.startsWith('data: ')) event.data = line.slice(6)
          }
          if (isEvent) events.push(event)
        }
        check()
      })
      resolve({
        status: res.statusCode ?? 0,
        events,
        comments,
        waitFor: (test) =>
          new Promise<void>((done) => {
            waiters.push({ test, resolve: done })
            check()
          }),
        close: () => req.destroy(),
      })
    })
    req.on('error', reject)
  })
}

describe.each(DIALECTS)('%s: live updates over Server-Sent Events', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let base: string
  let asker: { agent: Agent; id: number }
  let helper: { agent: Agent; id: number }
  let threadId: number
  const open: Stream[] = []

  const stream = async (path: string, headers: Record<string, string> = {}) => {
    const s = await openStream(base, path, headers)
    open.push(s)
    return s
  }

  const reply = async (body: string) => {
    await helper.agent.get(`/threads/${threadId}`)
    const res = await helper.agent.post(`/threads/${threadId}/replies`, { body })
    expect(res.statusCode).toBe(303)
    return Number(/#post-(\d+)$/.exec(res.headers.location ?? '')?.[1])
  }

  beforeAll(async () => {
    app = await buildTestApp(t.handle, { LIVE_STREAMS_PER_IP: '3' }, { live: { heartbeatMs: 50 } })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    await make.tag(t.db, 'kernel')
    asker = await signedIn(app, t.db, 'live_asker')
    helper = await signedIn(app, t.db, 'live_helper')
    await asker.agent.get('/ask')
    const res = await asker.agent.postMultipart('/ask', {
      title: 'Live question about interrupt storms',
      body: 'My interrupt handler fires forever.',
      tags: 'kernel',
      intent: 'post',
    })
    threadId = Number(/^\/threads\/(\d+)/.exec(res.headers.location ?? '')?.[1])
    await app.jobs.drain()
  })
  afterAll(async () => {
    for (const s of open) s.close()
    await app?.close()
  })

  it('sends a new reply to the thread page, and the bell to its asker only', async () => {
    const anonymous = await stream(`/events?thread=${threadId}`)
    expect(anonymous.status).toBe(200)
    const mine = await stream(`/events?thread=${threadId}`, { cookie: asker.agent.cookieHeader })
    const postId = await reply('Mask the line in the handler.')
    const isPost = (events: SseEvent[]) =>
      events.some((e) => e.event === 'post' && JSON.parse(e.data).postId === postId)
    await anonymous.waitFor(isPost)
    await mine.waitFor(isPost)
    await app.jobs.drain() // the notify job: the asker's bell
    await mine.waitFor((events) =>
      events.some((e) => e.event === 'notification' && JSON.parse(e.data).unread === 1),
    )
    // Reading the list sends the new count to the person's other pages.
    await asker.agent.get('/notifications')
    await mine.waitFor((events) =>
      events.some((e) => e.event === 'notification' && JSON.parse(e.data).unread === 0),
    )
    // A boost's new count goes to everyone reading the thread.
    await asker.agent.get(`/threads/${threadId}`)
    expect((await asker.agent.post(`/posts/${postId}/boost`, { state: 'on' })).statusCode).toBe(303)
    await anonymous.waitFor((events) =>
      events.some((e) => e.event === 'boost' && JSON.parse(e.data).boostCount === 1),
    )
    // A marker after the bell: had the anonymous stream been sent it, it would have come first.
    await reply('A second reply, to close the check.')
    await anonymous.waitFor((events) => events.filter((e) => e.event === 'post').length === 2)
    expect(anonymous.events.map((e) => e.event)).not.toContain('notification')
    anonymous.close()
    mine.close()
  })

  it('announces a new thread on home and its tags', async () => {
    const kernel = (
      await t.db
        .selectFrom('tags')
        .select('id')
        .where('slug', '=', 'kernel')
        .executeTakeFirstOrThrow()
    ).id
    const home = await stream('/events?home=1')
    const tag = await stream(`/events?tag=${kernel}`)
    await asker.agent.get('/ask')
    const res = await asker.agent.postMultipart('/ask', {
      title: 'Another live question about timers',
      body: 'The watchdog fires early.',
      tags: 'kernel',
      intent: 'post',
    })
    const id = Number(/^\/threads\/(\d+)/.exec(res.headers.location ?? '')?.[1])
    await app.jobs.drain()
    const isThread = (events: SseEvent[]) =>
      events.some((e) => e.event === 'thread' && JSON.parse(e.data).threadId === id)
    await home.waitFor(isThread)
    await tag.waitFor(isThread)
    home.close()
    tag.close()
  })

  it('tells open pages of edits and accepts made through the API', async () => {
    const token = await apiToken(t.db, { id: asker.id, username: 'live_asker' }, ['read', 'write'])
    const api = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      })
    const page = await stream(`/events?thread=${threadId}`)
    const answerId = await reply('An answer the asker will accept through the API.')
    const edited = await api('PATCH', `/api/v1/posts/${answerId}`, {
      body: 'Changed by the API, not by the edit form.',
    })
    // The helper wrote it, so the asker may not edit it: edit the asker's own question instead.
    expect(edited.statusCode).toBe(403)
    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const own = await api('PATCH', `/api/v1/posts/${question.id}`, {
      body: 'My interrupt handler fires forever; edited through the API.',
    })
    expect(own.statusCode).toBe(200)
    await page.waitFor((events) =>
      events.some((e) => e.event === 'edit' && JSON.parse(e.data).postId === question.id),
    )
    expect((await api('PUT', `/api/v1/posts/${answerId}/accept`)).statusCode).toBe(200)
    await page.waitFor((events) =>
      events.some((e) => e.event === 'accept' && JSON.parse(e.data).acceptedPostId === answerId),
    )
    // A refused write tells nobody: no edit event for the answer the asker could not change.
    expect(
      page.events.filter((e) => e.event === 'edit').map((e) => JSON.parse(e.data).postId),
    ).toEqual([question.id])
    page.close()
  })

  it('resumes after Last-Event-ID with what was missed, and sends heartbeats', async () => {
    const first = await stream(`/events?thread=${threadId}`)
    const seen = await reply('Before the connection drops.')
    await first.waitFor((events) => events.some((e) => JSON.parse(e.data).postId === seen))
    const lastId = first.events.at(-1)!.id!
    first.close()
    const missed = await reply('While it was away.')
    const again = await stream(`/events?thread=${threadId}`, { 'last-event-id': lastId })
    await again.waitFor((events) => events.some((e) => JSON.parse(e.data).postId === missed))
    expect(again.events.map((e) => JSON.parse(e.data).postId)).not.toContain(seen)
    await again.waitFor((_, comments) => comments.includes('heartbeat'))
    again.close()
  })

  it('holds one address to LIVE_STREAMS_PER_IP open streams', async () => {
    const streams = [
      await stream('/events?home=1'),
      await stream('/events?home=1'),
      await stream('/events?home=1'),
    ]
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200])
    const refused = await stream('/events?home=1')
    expect(refused.status).toBe(429)
    streams[0]!.close()
    // Once the server has seen the close, a stream can open again.
    let status = 429
    while (status === 429) {
      const s = await stream('/events?home=1')
      status = s.status
      if (status === 429) await new Promise((r) => setImmediate(r))
    }
    expect(status).toBe(200)
  })

  it('refuses a stream that names nothing, and bad ids', async () => {
    expect((await stream('/events')).status).toBe(400)
    expect((await stream('/events?thread=abc')).status).toBe(400)
  })
})

describe.each(DIALECTS.filter((d) => d === 'postgres'))(
  '%s: live updates across processes (LISTEN/NOTIFY)',
  (dialect) => {
    const t = useTestDb(dialect)
    let writer: FastifyInstance
    let reader: FastifyInstance
    let base: string
    let streamToClose: Stream | undefined

    beforeAll(async () => {
      // Two apps on one database, each with its own hub and listening connection: two processes.
      writer = await buildTestApp(t.handle)
      reader = await buildTestApp(t.handle)
      await reader.listen({ port: 0, host: '127.0.0.1' })
      base = `http://127.0.0.1:${(reader.server.address() as AddressInfo).port}`
      await make.tag(t.db, 'kernel')
    })
    afterAll(async () => {
      streamToClose?.close()
      await reader?.close()
      await writer?.close()
    })

    it("sends a reply posted through one process to another process's streams", async () => {
      const threadId = await make.thread(t.db, { title: 'A thread read on another process' })
      const helper = await signedIn(writer, t.db, 'cross_helper')
      const s = await openStream(base, `/events?thread=${threadId}`)
      streamToClose = s
      await helper.agent.get(`/threads/${threadId}`)
      const res = await helper.agent.post(`/threads/${threadId}/replies`, {
        body: 'Posted on the writer, read on the reader.',
      })
      const postId = Number(/#post-(\d+)$/.exec(res.headers.location ?? '')?.[1])
      await s.waitFor((events) =>
        events.some((e) => e.event === 'post' && JSON.parse(e.data).postId === postId),
      )
    })
  },
)
