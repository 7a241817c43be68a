/**
 * A real OpenID Connect provider for the tests: `oidc-provider` (the certified Node implementation)
 * listening on 127.0.0.1 on a free port, with one confidential client and the accounts a test gives it.
 * Its login step is a small form of ours (`/interaction/:uid`): a browser fills it in (the e2e test), and
 * `signInAtProvider` posts it without one, following the provider's redirects with a cookie jar of its
 * own until they reach the client's redirect URI. Consent is granted by itself (`loadExistingGrant`).
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair } from 'jose'
import Provider, { type Configuration } from 'oidc-provider'

export interface TestAccount {
  sub: string
  email?: string
  email_verified?: boolean
  preferred_username?: string
}

export interface TestProvider {
  /** http://127.0.0.1:PORT */
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  readonly accounts: Map<string, TestAccount>
  /** How many times the discovery document was fetched. */
  readonly discoveryFetches: number
  /** Answers the next `n` requests with 503, as a provider that is restarting would. */
  failNext(n: number): void
  /** The provider as Quorum's OIDC_PROVIDERS takes it, under the id `id`. */
  configFor(id: string, name?: string): string
  close(): Promise<void>
}

/** Starts a provider whose one client may redirect only to `redirectUri` (exactly). */
export async function startTestProvider(
  redirectUri: string,
  accounts: TestAccount[] = [],
): Promise<TestProvider> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const known = new Map(accounts.map((a) => [a.sub, a]))
  const clientId = 'quorum-test'
  // Quorum keeps a provider's discovery per issuer, client and secret for its process; test files share
  // a process and a later provider may get an earlier one's port, so each provider has a secret of its own.
  const clientSecret = randomBytes(18).toString('base64url')

  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const configuration: Configuration = {
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig' }] },
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600 },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['preferred_username'],
    },
    scopes: ['openid', 'email', 'profile'],
    // Claims go in the ID token, so the client needs no userinfo call.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => {
      const account = known.get(id)
      return account ? { accountId: id, claims: () => ({ ...account }) } : undefined
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key-one'] },
    loadExistingGrant: async (ctx) => {
      const { Grant } = ctx.oidc.provider
      const clientId = ctx.oidc.client?.clientId ?? ''
      const grantId = ctx.oidc.session?.grantIdFor(clientId)
      const existing = grantId ? await Grant.find(grantId) : undefined
      if (existing) return existing
      const grant = new Grant({ clientId, accountId: ctx.oidc.session?.accountId ?? '' })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
    renderError: (ctx, out) => {
      ctx.type = 'text/plain'
      ctx.body = `${out.error}: ${out.error_description ?? ''}`
    },
  }
  const provider = new Provider(issuer, configuration)
  const callback = provider.callback()

  let discoveryFetches = 0
  let failing = 0
  server.on('request', (req, res) => {
    if (req.url === '/.well-known/openid-configuration') discoveryFetches++
    if (failing > 0) {
      failing--
      res.statusCode = 503
      res.end('restarting')
      return
    }
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '')
    if (!match) return void callback(req, res)
    handleInteraction(provider, known, req, res).catch((error: unknown) => {
      res.statusCode = 500
      res.end(String(error))
    })
  })

  return {
    issuer,
    clientId,
    clientSecret,
    accounts: known,
    get discoveryFetches() {
      return discoveryFetches
    },
    failNext: (n) => {
      failing = n
    },
    configFor: (id, name = 'Test ID') =>
      JSON.stringify([{ id, issuer, clientId, clientSecret, name }]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function handleInteraction(
  provider: Provider,
  known: Map<string, TestAccount>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res)
  if (req.method === 'GET') {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.end(
      `<!doctype html><html lang="en"><title>Test ID: sign in</title><main><h1>Test ID</h1>` +
        `<form method="post" action="/interaction/${details.uid}">` +
        `<label for="login">Account</label><input id="login" name="login">` +
        `<button type="submit">Continue</button></form></main></html>`,
    )
    return
  }
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const login = new URLSearchParams(Buffer.concat(chunks).toString()).get('login') ?? ''
  if (!known.has(login)) {
    res.statusCode = 403
    res.end('no such account')
    return
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: login } },
    { mergeWithLastSubmission: false },
  )
}

/**
 * Signs `sub` in at the provider, starting from the authorization URL Quorum redirected to, and returns
 * the URL the provider sends the browser back to (the redirect URI with `code`, `state` and `iss`).
 */
export async function signInAtProvider(authorizationUrl: string, sub: string): Promise<URL> {
  const jar = new Map<string, string>()
  const origin = new URL(authorizationUrl).origin
  let url = new URL(authorizationUrl)
  let form: string | null = null
  for (let hop = 0; hop < 10; hop++) {
    if (url.origin !== origin) return url
    const res = await fetch(url, {
      method: form === null ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form === null ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(form === null ? {} : { body: form }),
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()]
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name)
      else jar.set(name, value)
    }
    const location = res.headers.get('location')
    if (location !== null) {
      url = new URL(location, url)
      form = null
      continue
    }
    const body = await res.text()
    if (res.status === 200 && /<form method="post"/.test(body) && form === null) {
      form = new URLSearchParams({ login: sub }).toString()
      continue
    }
    throw new Error(`the provider answered ${res.status} at ${url.href}: ${body.slice(0, 300)}`)
  }
  throw new Error('the provider redirected more than 10 times')
}
