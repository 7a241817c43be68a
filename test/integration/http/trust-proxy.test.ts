/**
 * Client addresses behind a reverse proxy (issue 28 finding 5; SECURITY.md "Proxies"). A real proxy on
 * 127.0.0.1 appends the address it saw to X-Forwarded-For, as nginx's `$proxy_add_x_forwarded_for` and
 * HAProxy's `option forwardfor` do; the client writes whatever it likes to the left of it. Quorum must
 * count the address the proxy appended, so a client cannot pick the address its limits count.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AttemptLimiter } from '../../../src/domain/shared/attempt-limiter.js'
import { authLimits, createAuthLimits } from '../../../src/domain/users/index.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { useTestDb } from '../../support/test-db.js'

/** A reverse proxy to `target` that appends the peer's address to X-Forwarded-For. */
async function startProxy(target: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const seen = req.socket.remoteAddress ?? ''
    const forwarded = req.headers['x-forwarded-for']
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: target,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          'x-forwarded-for': forwarded ? `${String(forwarded)}, ${seen}` : seen,
          'x-forwarded-proto': 'http',
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A cookie-keeping client of the proxy that signs in with the form, sending `X-Forwarded-For: spoof`. */
class ProxyClient {
  private cookies = new Map<string, string>()
  private token = ''
  constructor(private readonly base: string) {}

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
    }
    return res
  }

  async open(): Promise<void> {
    const page = await (await this.request('/login')).text()
    this.token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''
  }

  async signIn(login: string, password: string, spoof: string): Promise<number> {
    const res = await this.request('/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': spoof,
      },
      body: new URLSearchParams({ _csrf: this.token, login, password }).toString(),
    })
    await res.arrayBuffer()
    return res.status
  }
}

describe.each(DIALECTS)('%s: client addresses behind a reverse proxy', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let proxy: Awaited<ReturnType<typeof startProxy>>

  const serve = async (trustProxy: string) => {
    app = await buildTestApp(t.handle, { TRUST_PROXY: trustProxy })
    await app.listen({ port: 0, host: '127.0.0.1' })
    proxy = await startProxy((app.server.address() as AddressInfo).port)
  }
  /** Wrong sign-ins, each claiming another address on the left of X-Forwarded-For; their statuses. */
  const spoofedGuesses = async (n: number) => {
    const client = new ProxyClient(proxy.url)
    await client.open()
    const codes: number[] = []
    for (let i = 0; i < n; i++)
      codes.push(await client.signIn(`nobody${i}`, 'wrong password', `10.7.${i}.1, 127.0.0.98`))
    return codes
  }

  beforeEach(() => {
    Object.assign(authLimits, createAuthLimits())
    authLimits.ip = new AttemptLimiter({ max: 5, windowMs: 15 * 60_000 })
  })
  afterEach(async () => {
    await proxy?.close()
    await app?.close()
  })

  for (const setting of ['1', '127.0.0.1', '127.0.0.0/31']) {
    it(`with TRUST_PROXY=${setting}, counts the address the proxy appended, not the client's own entries`, async () => {
      await serve(setting)
      const codes = await spoofedGuesses(7)
      expect(codes.slice(0, 5)).toEqual([422, 422, 422, 422, 422])
      expect(codes.slice(5)).toEqual([429, 429])
    })
  }

  it('with TRUST_PROXY=false, counts the proxy itself (one address for everyone behind it)', async () => {
    await serve('false')
    const codes = await spoofedGuesses(6)
    expect(codes[5]).toBe(429)
  })
})
