/**
 * A browser-like client over app.inject: keeps cookies, reads the CSRF token from the last form page,
 * and posts forms the way a browser would (same-origin, urlencoded).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Db } from '../../src/db/schema.js'
import { signUpStamp } from '../../src/domain/trust/index.js'
import { createAccount } from '../../src/domain/users/index.js'
import { type Role, type TrustLevel } from '../../src/domain/shared/index.js'

export const TEST_PASSWORD = 'correct horse battery staple'

export class Agent {
  readonly cookies = new Map<string, string>()
  csrf: string | null = null

  constructor(
    readonly app: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  /** GET a page; remembers cookies and the page's CSRF token. */
  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.ip,
      headers: { cookie: this.cookieHeader, ...headers },
    })
    this.remember(res)
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1]
    if (token) this.csrf = token
    return res
  }

  /**
   * POST a form. The CSRF token of the last page is added unless `csrf` says otherwise; `json` asks for
   * the JSON answer the islands get.
   */
  async post(
    url: string,
    form: Record<string, string> = {},
    options: { csrf?: string | null; json?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const token = options.csrf === undefined ? this.csrf : options.csrf
    // The sign-up form's stamp, as from a form shown a minute ago: a person takes that long to fill
    // it in (the sign-up tests that are about the stamp send their own).
    const stamp: Record<string, string> =
      url === '/register' && !('started' in form)
        ? { started: await signUpStamp(this.app.db, Date.now() - 60_000) }
        : {}
    const body = new URLSearchParams({
      ...(token ? { _csrf: token } : {}),
      ...stamp,
      ...form,
    }).toString()
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      payload: body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: this.cookieHeader,
        ...(options.json ? { accept: 'application/json' } : {}),
        ...options.headers,
      },
    })
    this.remember(res)
    return res
  }

  /** POST a multipart form (the ask page), with files, the way a browser encodes it. */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    files: { field: string; name: string; content: string | Uint8Array }[] = [],
  ): Promise<LightMyRequestResponse> {
    const form = new FormData()
    if (this.csrf) form.append('_csrf', this.csrf)
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    for (const f of files) form.append(f.field, new Blob([f.content as BlobPart]), f.name)
    const encoded = new Request('http://quorum.test/', { method: 'POST', body: form })
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: {
        'content-type': encoded.headers.get('content-type') ?? '',
        cookie: this.cookieHeader,
      },
    })
    this.remember(res)
    return res
  }

  /** Signs in through the real form. */
  async login(login: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/login')
    const res = await this.post('/login', { login, password })
    await this.get('/') // a page for the new session, so `csrf` is the session-bound token
    return res
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.expires && c.expires.getTime() <= Date.now()) this.cookies.delete(c.name)
      else if (c.value === '') this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
  }
}

/**
 * Creates an account with the test password, signs it in, and returns its agent and id. The account
 * is an established member; a test about new accounts asks for `trustLevel: 'new'`.
 */
export async function signedIn(
  app: FastifyInstance,
  db: Db,
  username: string,
  role: Role = 'member',
  title: string | null = null,
  trustLevel: TrustLevel = 'member',
): Promise<{ agent: Agent; id: number }> {
  const created = await createAccount(db, {
    username,
    email: `${username}@example.test`,
    password: TEST_PASSWORD,
    role,
    title,
    trustLevel,
  })
  if (!created.ok)
    throw new Error(`could not create ${username}: ${JSON.stringify(created.failure)}`)
  const agent = new Agent(app, `10.0.${created.value.id % 250}.${(created.value.id * 7) % 250}`)
  await agent.login(username)
  return { agent, id: created.value.id }
}
