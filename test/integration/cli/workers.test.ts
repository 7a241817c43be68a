/**
 * `quorum start|serve` with WORKERS=2 (src/cli/workers.ts) as a real process tree: a primary and two
 * workers on one port, on each database. One cluster per dialect serves every case, in order:
 * 1. both workers answer (each connection goes to one of them; /healthz names the worker's pid);
 * 2. a write through worker A shows on worker B's cached copy of the page (PostgreSQL: the change feed;
 *    SQLite: data_version, which counts other processes' commits), and reaches a live stream held by
 *    worker B (PostgreSQL: NOTIFY; SQLite: the primary passes it on); one scrape of /metrics counts the
 *    requests of both workers;
 * 3. writers in both workers at once all succeed (SQLite: busy_timeout), and every row is there;
 * 4. kill -9 one worker: the primary forks another and the port keeps answering (PostgreSQL only:
 *    the primary's part does not depend on the database);
 * 5. SIGTERM under load: no request sent before the signal fails, and the primary exits 0.
 */
import http from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createToken } from '../../../src/domain/api-tokens/index.js'
import { createAccount } from '../../../src/domain/users/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import {
  agentPerWorker as agentsOf,
  pidOf,
  request,
  serverDatabase,
  startServer,
  type ServerDatabase,
  type ServerProcess,
} from '../faults/support/server-process.js'

/** A hang guard for what happens in other processes, not a speed check. */
const SOON = { timeout: 20_000, interval: 20 }

describe.runIf(process.platform === 'linux').each(DIALECTS)(
  '%s: two workers on one port',
  (dialect) => {
    let database: ServerDatabase
    let server: ServerProcess
    let token: string
    let threadId: number
    const agents: http.Agent[] = []

    beforeAll(async () => {
      database = await serverDatabase(dialect)
      const db = database.handle.db
      threadId = await make.thread(db, { title: 'Interrupt storm after resume from S3' })
      const account = await createAccount(db, {
        username: 'cluster_mod',
        email: 'cluster_mod@example.test',
        password: 'correct horse battery staple 42',
        role: 'moderator',
        title: null,
      })
      if (!account.ok) throw new Error('no account')
      const viewer = {
        id: account.value.id,
        username: 'cluster_mod',
        title: null,
        role: 'moderator' as const,
        trustLevel: 'member' as const,
        silencedUntil: null,
      }
      const made = await createToken(db, viewer, {
        name: 'cluster test',
        scopes: ['read', 'write'],
        lifetime: '7',
      })
      if (!made.ok) throw new Error('no token')
      token = made.value.token
      // SQLite through `start` (the primary migrates, then forks), PostgreSQL through `serve`.
      server = await startServer(
        database.url,
        { WORKERS: '2', LOG_LEVEL: 'warn' },
        dialect === 'sqlite' ? 'start' : 'serve',
      )
    }, 120_000)
    afterAll(async () => {
      for (const agent of agents) agent.destroy()
      await server?.stop()
      await database?.dispose()
    })

    /** Kept-alive connections, one per worker. */
    async function agentPerWorker(): Promise<[http.Agent, http.Agent]> {
      const [a, b] = await agentsOf(server.url, 2, agents)
      expect(await pidOf(server.url, a)).not.toBe(await pidOf(server.url, b))
      return [a!, b!]
    }

    const reply = (agent: http.Agent, body: string) =>
      request(server.url, `/api/v1/threads/${threadId}/replies`, {
        agent,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body }),
      })

    it('serves from two worker processes on one port', async () => {
      const pids = new Set<number>()
      for (let i = 0; i < 20 && pids.size < 2; i++) pids.add(await pidOf(server.url))
      expect(pids.size).toBe(2)
      expect(pids.has(server.child.pid ?? 0)).toBe(false)
    })

    it("shows a write made through one worker on the other's cached page", async () => {
      const [a, b] = await agentPerWorker()
      const url = `/threads/${threadId}`
      await vi.waitUntil(
        async () =>
          (await request(server.url, url, { agent: b })).headers['x-page-cache'] === 'hit',
        SOON,
      )
      const written = await reply(a, 'The storm stops once the MSI mask is restored on resume.')
      expect(written.status).toBe(201)
      // The other worker hears of the commit from the database (after it, on PostgreSQL's NOTIFY).
      await vi.waitUntil(
        async () =>
          (await request(server.url, url, { agent: b })).body.includes('MSI mask is restored'),
        SOON,
      )
    })

    it('delivers a live event written through one worker to a stream held by the other', async () => {
      const [a] = await agentPerWorker()
      const writer = await pidOf(server.url, a)
      // A stream on a kept-alive connection whose worker is not the writer's.
      let holder: http.Agent | undefined
      for (let i = 0; i < 20 && !holder; i++) {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
        agents.push(agent)
        if ((await pidOf(server.url, agent)) !== writer) holder = agent
      }
      if (!holder) throw new Error('20 connections all went to the writer')
      let received = ''
      const opened = new Promise<http.IncomingMessage>((resolve, reject) => {
        const req = http.get(
          new URL(`/events?thread=${threadId}`, server.url),
          { agent: holder },
          resolve,
        )
        req.on('error', reject)
      })
      const stream = await opened
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => (received += chunk))
      await vi.waitUntil(() => received.includes('retry:'), SOON)
      const written = await reply(a, 'Masking the MSI vector before resume keeps the storm away.')
      expect(written.status).toBe(201)
      const { postId } = JSON.parse(written.body) as { postId: number }
      await vi.waitUntil(() => received.includes(`"postId":${postId}`), SOON)
      expect(received).toMatch(/event: post\n/)
      stream.destroy()
    })

    it('counts the requests of every worker in one scrape of /metrics', async () => {
      const [a, b] = await agentPerWorker()
      const served = async () => {
        const text = (await request(server.url, '/metrics', {})).body
        const line = text
          .split('\n')
          .find(
            (l) =>
              l.startsWith('quorum_http_requests_total{') &&
              l.includes('route="/tags"') &&
              l.includes('status="200"'),
          )
        return Number(line?.split(' ').at(-1) ?? 0)
      }
      const before = await served()
      for (const agent of [a, a, a, b, b])
        expect((await request(server.url, '/tags', { agent })).status).toBe(200)
      expect(await served()).toBe(before + 5)
    })

    it('takes concurrent writes through both workers, every one of them', async () => {
      const [a, b] = await agentPerWorker()
      const more = Array.from({ length: 3 }, () => [
        new http.Agent({ keepAlive: true, maxSockets: 1 }),
      ]).flat()
      agents.push(...more)
      const writers = [a, b, ...more]
      const before = await database.handle.db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      const answers = await Promise.all(
        writers.flatMap((agent, w) =>
          Array.from({ length: 6 }, (_, i) =>
            reply(
              agent,
              `Writer ${w} reply ${i}: checked the ring index after wrap ${w * 10 + i}.`,
            ),
          ),
        ),
      )
      expect(answers.map((r) => r.status)).toEqual(answers.map(() => 201))
      const after = await database.handle.db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(after.n)).toBe(Number(before.n) + writers.length * 6)
    })

    // How the primary keeps its workers does not depend on the database: one dialect is enough.
    it.runIf(dialect === 'postgres')(
      'forks a new worker when one is killed, and keeps answering',
      async () => {
        const [a, b] = await agentPerWorker()
        const victim = await pidOf(server.url, a)
        const survivor = await pidOf(server.url, b)
        process.kill(victim, 'SIGKILL')
        await vi.waitUntil(() => server.output().includes(`Worker ${victim} exited`), SOON)
        expect(await pidOf(server.url, b)).toBe(survivor)
        const seen = new Set<number>()
        // A new worker loads the whole app before it listens: slow on a busy machine.
        await vi.waitUntil(
          async () => {
            seen.add(await pidOf(server.url))
            return [...seen].some((pid) => pid !== victim && pid !== survivor)
          },
          { timeout: 90_000, interval: 50 },
        )
        expect(seen.has(victim)).toBe(false)
        for (let i = 0; i < 6; i++)
          expect((await request(server.url, '/healthz', {})).status).toBe(200)
      },
      120_000,
    )

    it('stops on SIGTERM under load without failing a request sent before it', async () => {
      let signalled = false
      let stop = false
      const outcomes: { before: boolean; ok: boolean; error?: string }[] = []
      const loop = async (agent: http.Agent) => {
        while (!stop) {
          const before = !signalled
          try {
            const res = await request(server.url, '/', { agent })
            outcomes.push({ before, ok: res.status === 200, error: String(res.status) })
          } catch (error) {
            outcomes.push({ before, ok: false, error: String(error) })
            if (signalled) await sleep(20)
          }
        }
      }
      const pool = Array.from({ length: 8 }, () => new http.Agent({ keepAlive: true }))
      agents.push(...pool)
      const loops = pool.map((agent) => loop(agent))
      await vi.waitUntil(() => outcomes.length >= 80, SOON)
      const exited = new Promise<number | null>((resolve) =>
        server.child.once('exit', (code) => resolve(code)),
      )
      signalled = true
      server.child.kill('SIGTERM')
      const code = await exited
      stop = true
      await Promise.all(loops)

      const sentBefore = outcomes.filter((o) => o.before)
      expect(sentBefore.length).toBeGreaterThanOrEqual(80)
      expect(sentBefore.filter((o) => !o.ok)).toEqual([])
      expect(code).toBe(0)
      expect(server.output()).toContain('SIGTERM: stopping 2 workers')
    }, 60_000)
  },
)
