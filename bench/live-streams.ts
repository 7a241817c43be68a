/**
 * `npm run bench:live`: live updates at scale. The app listens on a fresh database (in-memory SQLite); a child process opens `--streams` SSE streams to one thread (`/events?thread=ID`), then:
 * - memory: the server process's RSS and V8 heap before and after the streams open, per stream;
 * - latency: `--replies` replies are posted one at a time; for each, the time from the hub.s deliver
 *   (right after the reply's commit) until the last stream read it (the child's clock is the same
 *   monotonic clock), p50/p99/worst;
 * - a reply's request time on a thread with `--streams` watchers (thread_watches rows) against one
 *   with none (the fan-out is a job, so they should match), and the notify job's time for those
 *   watchers, run afterwards.
 *
 *   npm run bench:live -- [--streams 2000] [--replies 50]   (in-memory SQLite)
 */
import { fork } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { AddressInfo } from 'node:net'
import { createDb } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { buildTestApp } from '../test/support/build-test-app.js'
import { signedIn } from '../test/support/agent.js'
import { make } from '../test/support/factories.js'

const { values } = parseArgs({
  options: {
    streams: { type: 'string', default: '2000' },
    replies: { type: 'string', default: '50' },
    child: { type: 'boolean', default: false },
    url: { type: 'string' },
  },
})

if (values.child) await runClients()
else await runServer()

/** The child: opens the streams, says when all are open, and reports when all have read each post. */
async function runClients(): Promise<void> {
  const http = await import('node:http')
  const n = Number(values.streams)
  const url = values.url ?? ''
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity })
  const seen = new Map<number, number>()
  let open = 0
  for (let i = 0; i < n; i++) {
    http.get(url, { agent }, (res) => {
      open++
      if (open === n) process.send?.({ type: 'open' })
      res.setEncoding('utf8')
      let buffer = ''
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (!block.includes('event: post') || data === undefined) continue
          const postId = (JSON.parse(data) as { postId: number }).postId
          const count = (seen.get(postId) ?? 0) + 1
          seen.set(postId, count)
          if (count === n)
            process.send?.({ type: 'all', postId, at: process.hrtime.bigint().toString() })
        }
      })
    })
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0
}

async function runServer(): Promise<void> {
  const streams = Number(values.streams)
  const replies = Number(values.replies)
  const dialect = 'sqlite'
  const handle = createDb({ dialect, url: ':memory:' })
  await migrateToLatest(handle.db)
  const opened = { handle, dispose: () => handle.close() }
  const app = await buildTestApp(opened.handle, {
    LIVE_STREAMS_PER_IP: String(streams + 10),
  })
  try {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = (app.server.address() as AddressInfo).port
    const db = opened.handle.db
    await make.tag(db, 'kernel')
    const threadId = await make.thread(db, { title: 'A thread two thousand people watch' })
    const quietId = await make.thread(db, { title: 'A thread nobody watches' })
    const helper = await signedIn(app, db, 'bench_helper', 'moderator') // staff: no post limit

    // Watchers for the request-time comparison: users and thread_watches rows, in bulk.
    const now = Date.now()
    for (let i = 0; i < streams; i += 500) {
      const batch = Array.from({ length: Math.min(500, streams - i) }, (_, j) => ({
        username: `watcher${i + j}`,
        username_key: `watcher${i + j}`,
        email: `watcher${i + j}@example.test`,
        email_key: `watcher${i + j}@example.test`,
        password_hash: null,
        role: 'member' as const,
        title: null,
        created_at: now,
      }))
      const ids = await db.insertInto('users').values(batch).returning('id').execute()
      await db
        .insertInto('thread_watches')
        .values(
          ids.map((r) => ({
            user_id: r.id,
            thread_id: threadId,
            level: 'watching' as const,
            updated_at: now,
          })),
        )
        .execute()
    }

    const publishedAt = new Map<number, bigint>()
    const deliver = app.live.deliver.bind(app.live)
    app.live.deliver = (channel, type, data) => {
      const event = deliver(channel, type, data)
      const postId = (data as { postId?: number }).postId
      if (type === 'post' && postId !== undefined) publishedAt.set(postId, process.hrtime.bigint())
      return event
    }

    global.gc?.()
    const before = { rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed }
    const child = fork(
      fileURLToPath(import.meta.url),
      [
        '--child',
        '--streams',
        String(streams),
        '--url',
        `http://127.0.0.1:${port}/events?thread=${threadId}`,
      ],
      { execArgv: ['--import', 'tsx'] },
    )
    const arrivals = new Map<number, bigint>()
    let waiting: (() => void) | undefined
    const opened$ = new Promise<void>((resolve) => {
      child.on('message', (m: { type: string; postId?: number; at?: string }) => {
        if (m.type === 'open') resolve()
        if (m.type === 'all' && m.postId !== undefined && m.at !== undefined) {
          arrivals.set(m.postId, BigInt(m.at))
          waiting?.()
        }
      })
    })
    await opened$
    while (app.live.size < streams) await new Promise((r) => setTimeout(r, 10))
    await new Promise((r) => setTimeout(r, 500))
    global.gc?.()
    const after = { rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed }

    const post = async (id: number, body: string) => {
      const started = process.hrtime.bigint()
      const res = await helper.agent.post(`/threads/${id}/replies`, { body })
      if (res.statusCode !== 303) throw new Error(`reply answered ${res.statusCode}`)
      const postId = Number(/#post-(\d+)$/.exec(res.headers.location ?? '')?.[1])
      return { postId, ms: Number(process.hrtime.bigint() - started) / 1e6 }
    }

    await helper.agent.get(`/threads/${threadId}`)
    const latencies: number[] = []
    const warmup = 3
    for (let i = 0; i < replies + warmup; i++) {
      const done = new Promise<void>((resolve) => (waiting = resolve))
      const { postId } = await post(threadId, `Reply ${i} for the live bench.`)
      while (!arrivals.has(postId)) await done
      if (i >= warmup)
        latencies.push(Number(arrivals.get(postId)! - publishedAt.get(postId)!) / 1e6)
    }
    child.kill()
    while (app.live.size > 0) await new Promise((r) => setTimeout(r, 10))
    // Request time, streams closed: the watched thread and the quiet one, interleaved.
    const watchedTimes: number[] = []
    const quietTimes: number[] = []
    for (let i = 0; i < replies; i++) {
      watchedTimes.push((await post(threadId, `Watched reply ${i}.`)).ms)
      quietTimes.push((await post(quietId, `Quiet reply ${i}.`)).ms)
    }

    const jobStarted = process.hrtime.bigint()
    await app.jobs.drain()
    const jobMs = Number(process.hrtime.bigint() - jobStarted) / 1e6
    const notified = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()

    latencies.sort((a, b) => a - b)
    watchedTimes.sort((a, b) => a - b)
    quietTimes.sort((a, b) => a - b)
    const perStream = (a: number, b: number) => ((b - a) / streams / 1024).toFixed(1)
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, ${dialect}`,
    )
    console.log(
      `${streams} open streams: server RSS +${perStream(before.rss, after.rss)} KB a stream, V8 heap +${perStream(before.heap, after.heap)} KB a stream`,
    )
    console.log(
      `publish → last of ${streams} streams read it (${replies} replies): p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms, worst ${latencies.at(-1)?.toFixed(1)} ms`,
    )
    console.log(
      `reply request, median: ${quantile(watchedTimes, 0.5).toFixed(2)} ms with ${streams} watchers, ${quantile(quietTimes, 0.5).toFixed(2)} ms with none`,
    )
    console.log(
      `notify jobs afterwards: ${jobMs.toFixed(0)} ms for ${replies * 3 + 3} replies, ${Number(notified.n)} notifications written`,
    )
  } finally {
    await app.close()
    await opened.dispose()
  }
}
