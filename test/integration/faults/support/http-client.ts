/**
 * A browser-like client over real sockets, for tests that talk to a server process: keeps cookies,
 * remembers the last form token, posts forms, and streams large multipart bodies without holding them.
 */
import http from 'node:http'
import { Readable } from 'node:stream'

export class SocketClient {
  private readonly cookies = new Map<string, string>()
  token = ''

  constructor(readonly base: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async get(path: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${this.base}${path}`, {
      redirect: 'manual',
      headers: { cookie: this.cookieHeader },
    })
    this.remember(res)
    const body = await res.text()
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1]
    if (token) this.token = token
    return { status: res.status, body }
  }

  /** POSTs an urlencoded form with the last page's token. */
  async post(
    path: string,
    form: Record<string, string>,
  ): Promise<{ status: number; body: string }> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: this.token, ...form }).toString(),
    })
    this.remember(res)
    return { status: res.status, body: await res.text() }
  }

  async signIn(login: string, password: string): Promise<void> {
    await this.get('/login')
    const res = await this.post('/login', { login, password })
    if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`)
    await this.get('/ask')
  }

  /**
   * Sends a multipart form whose `files` are `fileBytes` each, generated as they are sent. Resolves with
   * the status, or `'reset'` when the connection ended without one.
   */
  sendLargeForm(
    path: string,
    fields: Record<string, string>,
    files: number,
    fileBytes: number,
  ): Promise<number | 'reset'> {
    const boundary = `----quorum${Math.random().toString(16).slice(2)}`
    const head = Object.entries(fields)
      .map(
        ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      )
      .join('')
    const fileHead = (i: number) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="f${i}.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n'
    const tail = `--${boundary}--\r\n`
    const length =
      Buffer.byteLength(head) +
      Array.from(
        { length: files },
        (_, i) => Buffer.byteLength(fileHead(i)) + fileBytes + 2,
      ).reduce((a, b) => a + b, 0) +
      Buffer.byteLength(tail)
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    async function* body() {
      yield Buffer.from(head)
      for (let i = 0; i < files; i++) {
        yield Buffer.from(fileHead(i))
        for (let sent = 0; sent < fileBytes; sent += chunk.length)
          yield chunk.subarray(0, Math.min(chunk.length, fileBytes - sent))
        yield Buffer.from('\r\n')
      }
      yield Buffer.from(tail)
    }
    const url = new URL(path, this.base)
    return new Promise((resolve) => {
      let settled = false
      const settle = (value: number | 'reset') => {
        if (!settled) resolve(value)
        settled = true
      }
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent: false,
          headers: {
            cookie: this.cookieHeader,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(length),
          },
        },
        (res) => {
          settle(res.statusCode ?? 0)
          res.resume()
        },
      )
      req.on('error', () => settle('reset'))
      const source = Readable.from(body())
      source.on('error', () => settle('reset'))
      source.pipe(req)
    })
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const value = pair.slice(eq + 1)
      if (value === '') this.cookies.delete(pair.slice(0, eq))
      else this.cookies.set(pair.slice(0, eq), value)
    }
  }
}
