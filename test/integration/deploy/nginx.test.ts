/**
 * The proxy example (deploy/nginx/quorum.conf) run by a real nginx (Debian's package) in front of two
 * `quorum serve` processes on one PostgreSQL, over TLS with a certificate made here. The file is used as
 * shipped, with only its addresses, ports, certificate and log paths swapped for the test's own, and one
 * header added that names the server that answered. Checks: a write through one server is on the next
 * read through the other; with TRUST_PROXY=1 the client address is the one nginx saw, not one the
 * client wrote; the live-update stream passes through unbuffered, and a reply written through one
 * server reaches a stream held by the other (NOTIFY); and when one server is killed under
 * load, the clients see no more errors than there were requests in flight. PostgreSQL only (two
 * machines share a database server, not a file); without nginx the file skips and says why.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import https from 'node:https'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../../src/domain/users/index.js'
import { TEST_PASSWORD } from '../../support/agent.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import {
  browserState,
  freePort,
  serverDatabase,
  startServer,
  type ServerDatabase,
  type ServerProcess,
} from '../faults/support/server-process.js'

const EXAMPLE = path.resolve('deploy/nginx/quorum.conf')
const HOST = 'forum.example.com'
const CONCURRENCY = 4

function findNginx(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'])
    if (fs.existsSync(candidate)) return candidate
  return null
}
const NGINX = findNginx()
const unavailable = !DIALECTS.includes('postgres')
  ? 'DIALECTS has no postgres'
  : NGINX === null
    ? 'nginx is not installed (apt-get install nginx; .ci/run does)'
    : null
if (unavailable) console.log(`nginx.test.ts skipped: ${unavailable}`)

interface Answer {
  status: number | 'error'
  upstream: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

describe.runIf(unavailable === null)('postgres: two servers behind the nginx example', () => {
  let dir: string
  let database: ServerDatabase
  const servers: ServerProcess[] = []
  let nginx: ChildProcess
  let port: number
  let plainPort: number
  let ca: Buffer
  let threadId: number

  /** One request to nginx over TLS; `from` picks the client's own loopback address. */
  const request = (
    method: string,
    url: string,
    options: { headers?: Record<string, string>; body?: string; from?: string } = {},
  ): Promise<Answer> =>
    new Promise((resolve) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: url,
          ca,
          servername: HOST,
          agent: false,
          localAddress: options.from ?? '127.0.0.1',
          headers: { host: HOST, ...options.headers },
        },
        (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => (body += chunk))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              upstream: String(res.headers['x-test-upstream'] ?? ''),
              headers: res.headers,
              body,
            }),
          )
          res.on('error', () => resolve({ status: 'error', upstream: '', headers: {}, body }))
        },
      )
      req.on('error', () => resolve({ status: 'error', upstream: '', headers: {}, body: '' }))
      req.end(options.body)
    })

  /** A signed-in browser through nginx: cookies and the last form token. */
  const browser = () => {
    const state = browserState()
    return {
      get: async (url: string) =>
        state.remember(await request('GET', url, { headers: { cookie: state.cookie() } })),
      post: async (url: string, form: Record<string, string>) =>
        state.remember(
          await request('POST', url, {
            headers: {
              cookie: state.cookie(),
              'content-type': 'application/x-www-form-urlencoded',
              origin: `https://${HOST}`,
            },
            body: new URLSearchParams({ _csrf: state.token(), ...form }).toString(),
          }),
        ),
    }
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-nginx-'))
    database = await serverDatabase('postgres')
    await make.tag(database.handle.db, 'kernel', { name: 'Kernel' })
    threadId = await make.thread(database.handle.db, { tags: ['kernel'], replies: 1 })
    await createAccount(database.handle.db, {
      username: 'proxied_writer',
      email: 'proxied_writer@example.test',
      password: TEST_PASSWORD,
      role: 'member',
      title: null,
      trustLevel: 'member',
    })
    const env = { TRUST_PROXY: '1', LOG_LEVEL: 'info', PUBLIC_URL: `https://${HOST}` }
    servers.push(
      ...(await Promise.all([startServer(database.url, env), startServer(database.url, env)])),
    )

    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-days', '1', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`,
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' }) // prettier-ignore
    ca = fs.readFileSync(path.join(dir, 'cert.pem'))

    port = await freePort()
    plainPort = await freePort()
    const upstreams = servers.map((s) => new URL(s.url).host)
    let n = 0
    const site = fs
      .readFileSync(EXAMPLE, 'utf8')
      .replace(/server 10\.0\.0\.\d+:3000/g, () => `server ${upstreams[n++]}`)
      .replace(/listen \[::\]:\d+[^;]*;\n/g, '')
      .replace(/listen 80;/, `listen 127.0.0.1:${plainPort};`)
      .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${port} ssl http2;`)
      .replace(/\/etc\/letsencrypt\/live\/[^/]+\/fullchain\.pem/, path.join(dir, 'cert.pem'))
      .replace(/\/etc\/letsencrypt\/live\/[^/]+\/privkey\.pem/, path.join(dir, 'key.pem'))
      .replace(/\/var\/log\/nginx\//g, `${dir}/`)
      .replace(
        /(ssl_session_timeout[^;]*;)/,
        '$1\n    add_header X-Test-Upstream $upstream_addr always;',
      )
    expect(n).toBe(2)
    fs.writeFileSync(path.join(dir, 'quorum.conf'), site)
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        'daemon off;',
        process.getuid?.() === 0 ? 'user root;' : '',
        'worker_processes 1;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log warn;`,
        'events { worker_connections 256; }',
        'http {',
        `  access_log off;`,
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (t) => `  ${t}_temp_path ${dir}/${t};`,
        ),
        `  include ${dir}/quorum.conf;`,
        '}',
      ].join('\n'),
    )
    nginx = spawn(NGINX!, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let errors = ''
    nginx.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    for (let i = 0; ; i++) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited:\n${errors}`)
      if (await canConnect(port)) break
      if (i > 300) throw new Error(`nginx did not listen:\n${errors}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }, 180_000)

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r))
      nginx.kill('SIGQUIT')
      await exited
    }
    await Promise.all(servers.map((s) => s.stop()))
    await database?.dispose()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('shows a write made through one server on the next read through the other', async () => {
    const writer = browser()
    await writer.get('/login')
    expect((await writer.post('/login', { login: 'proxied_writer', password: TEST_PASSWORD })).status).toBe(303) // prettier-ignore
    await writer.get(`/threads/${threadId}`)
    const text = 'Through the proxy: the DMA mask was 32 bits on that bridge.'
    const wrote = await writer.post(`/threads/${threadId}/replies`, { body: text })
    expect(wrote.status).toBe(303)
    expect(wrote.upstream).not.toBe('')
    let read: Answer | undefined
    for (let i = 0; i < 4 && (read?.upstream ?? wrote.upstream) === wrote.upstream; i++)
      read = await writer.get(`/threads/${threadId}`)
    expect(read?.upstream).not.toBe(wrote.upstream)
    expect(read?.status).toBe(200)
    expect(read?.body).toContain('the DMA mask was 32 bits')
  })

  it('redirects plain HTTP to HTTPS, and TRUST_PROXY=1 takes the address nginx saw', async () => {
    const plain = await fetch(`http://127.0.0.1:${plainPort}/tags/kernel`, { redirect: 'manual' })
    expect(plain.status).toBe(301)
    expect(plain.headers.get('location')).toBe(`https://${HOST}/tags/kernel`)
    const probe = `probe-${Date.now()}`
    const res = await request('GET', `/tags?${probe}`, {
      from: '127.0.0.2',
      headers: { 'x-forwarded-for': '203.0.113.77' },
    })
    expect(res.status).toBe(200)
    const line = servers
      .flatMap((s) => s.output().split('\n'))
      .find((l) => l.includes(probe) && l.includes('remoteAddress'))
    expect(line).toBeDefined()
    expect(JSON.parse(line!).req.remoteAddress).toBe('127.0.0.2')
  })

  it('passes the live-update stream through as it is written', async () => {
    const first = await new Promise<{ type: string; chunk: string }>((resolve, reject) => {
      const req = https.get(
        { host: '127.0.0.1', port, path: '/events?home=1', ca, servername: HOST, agent: false, headers: { host: HOST } }, // prettier-ignore
        (res) => {
          res.setEncoding('utf8')
          res.once('data', (chunk: string) => {
            resolve({ type: String(res.headers['content-type']), chunk })
            req.destroy()
          })
        },
      )
      req.on('error', reject)
    })
    expect(first.type).toMatch(/^text\/event-stream/)
    expect(first.chunk).toContain('retry: 3000')
  })

  it('brings a reply written through one server to a stream held by the other', async () => {
    const events: string[] = []
    let streamUpstream = ''
    const stream = await new Promise<ReturnType<typeof https.get>>((resolve, reject) => {
      const req = https.get(
        { host: '127.0.0.1', port, path: `/events?thread=${threadId}`, ca, servername: HOST, agent: false, headers: { host: HOST } }, // prettier-ignore
        (res) => {
          streamUpstream = String(res.headers['x-test-upstream'] ?? '')
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => events.push(chunk))
          resolve(req)
        },
      )
      req.on('error', reject)
    })
    expect(streamUpstream).not.toBe('')
    const writer = browser()
    await writer.get('/login')
    expect((await writer.post('/login', { login: 'proxied_writer', password: TEST_PASSWORD })).status).toBe(303) // prettier-ignore
    await writer.get(`/threads/${threadId}`)
    try {
      // nginx takes turns: write until a reply lands on the server that does not hold the stream (the
      // form's token stays good for the session, so no page load in between shifts the turns).
      let postId = 0
      for (let i = 0; i < 6 && postId === 0; i++) {
        const wrote = await writer.post(`/threads/${threadId}/replies`, {
          body: `Across the proxy, reply ${i}: the interrupt was level-triggered, not edge.`,
        })
        expect(wrote.status).toBe(303)
        if (wrote.upstream !== streamUpstream)
          postId = Number(/#post-(\d+)$/.exec(String(wrote.headers.location))?.[1])
      }
      expect(postId).toBeGreaterThan(0)
      const said = `"postId":${postId}`
      while (!events.join('').includes(said)) await new Promise((r) => setTimeout(r, 20))
      expect(events.join('')).toMatch(new RegExp(`event: post\ndata: \\{${said}`))
    } finally {
      stream.destroy()
    }
  })

  it('loses no more than the requests in flight when one server is killed under load', async () => {
    const answers: Answer[] = []
    let running = true
    const load = Array.from({ length: CONCURRENCY }, async (_, c) => {
      for (let n = 0; running; n++)
        answers.push(await request('GET', n % 2 ? '/tags/kernel' : `/threads/${threadId}?c=${c}`))
    })
    const until = async (count: number) => {
      while (answers.length < count) await new Promise((r) => setTimeout(r, 10))
    }
    await until(40)
    const victim = servers[0]!
    const exited = new Promise((r) => victim.child.once('exit', r))
    victim.child.kill('SIGKILL')
    await exited
    const atKill = answers.length
    await until(atKill + 80)
    running = false
    await Promise.all(load)

    const failed = answers.filter((a) => a.status !== 200)
    expect(failed.length).toBeLessThanOrEqual(CONCURRENCY)
    const survivor = new URL(servers[1]!.url).host
    const after = answers.slice(atKill + CONCURRENCY)
    expect(after.length).toBeGreaterThan(40)
    expect(after.every((a) => a.status === 200 && a.upstream.endsWith(survivor))).toBe(true)
  })
})

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
