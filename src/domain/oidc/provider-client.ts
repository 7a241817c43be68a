/**
 * Quorum's side of OpenID Connect, through `openid-client` (the certified relying-party library):
 * discovery (cached per provider; a failure is retried once and never cached, so the next sign-in asks
 * again), the authorization URL with PKCE (S256), `state` and `nonce`, and the code exchange, which
 * checks the state, the ID token (signature, issuer, audience, expiry) and the nonce.
 */
import * as client from 'openid-client'
import type { OidcProblem, OidcProviderConfig } from './oidc.types.js'

/** Seconds a provider has to answer one request. */
const TIMEOUT_S = 10
const RETRY_DELAY_MS = 300
export const SCOPES = 'openid email profile'

const discovered = new Map<string, Promise<client.Configuration>>()
/** Origins of the authorization endpoints discovered so far, by issuer. */
const authorizationOrigins = new Map<string, string>()

/**
 * Origins a sign-in form may send the browser to for this provider: its issuer's and, once discovery
 * has told, its authorization endpoint's. The pages with "Sign in with" buttons allow them in the CSP's
 * `form-action`, which browsers also apply to the redirect after a form is sent.
 */
export function providerOrigins(provider: OidcProviderConfig): string[] {
  const origins = new Set([new URL(provider.issuer).origin])
  const discoveredOrigin = authorizationOrigins.get(provider.issuer)
  if (discoveredOrigin !== undefined) origins.add(discoveredOrigin)
  return [...origins]
}

/** The provider's configuration from its discovery document, fetched once and kept. */
export function discover(provider: OidcProviderConfig): Promise<client.Configuration> {
  const key = `${provider.issuer}\n${provider.clientId}\n${provider.clientSecret}`
  let found = discovered.get(key)
  if (found === undefined) {
    found = discoverWithRetry(provider)
    discovered.set(key, found)
    found.then(
      (config) => {
        const endpoint = config.serverMetadata().authorization_endpoint
        if (endpoint !== undefined && URL.canParse(endpoint))
          authorizationOrigins.set(provider.issuer, new URL(endpoint).origin)
      },
      () => discovered.delete(key),
    )
  }
  return found
}

async function discoverWithRetry(provider: OidcProviderConfig): Promise<client.Configuration> {
  try {
    return await discoverOnce(provider)
  } catch {
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS))
    return discoverOnce(provider)
  }
}

function discoverOnce(provider: OidcProviderConfig): Promise<client.Configuration> {
  // Plain http is accepted by config.ts only for a provider on this machine (tests, development).
  const insecure = provider.issuer.startsWith('http:')
  return client.discovery(
    new URL(provider.issuer),
    provider.clientId,
    provider.clientSecret,
    client.ClientSecretBasic(provider.clientSecret),
    { timeout: TIMEOUT_S, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) },
  )
}

export interface FlowSecrets {
  state: string
  nonce: string
  codeVerifier: string
}

export function newFlowSecrets(): FlowSecrets {
  return {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
  }
}

export async function authorizationUrl(
  config: client.Configuration,
  redirectUri: string,
  secrets: FlowSecrets,
): Promise<string> {
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: 'S256',
    state: secrets.state,
    nonce: secrets.nonce,
  }).href
}

export interface VouchedIdentity {
  subject: string
  email: string | null
  emailVerified: boolean
  preferredUsername: string | null
}

/**
 * Exchanges the code in `callbackUrl` (the exact redirect URI plus the provider's query) for tokens and
 * returns who the ID token says this is. Throws what openid-client throws; `classifyError` reads it.
 */
export async function exchangeCode(
  config: client.Configuration,
  callbackUrl: URL,
  secrets: FlowSecrets,
): Promise<VouchedIdentity> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: secrets.codeVerifier,
    expectedState: secrets.state,
    expectedNonce: secrets.nonce,
    idTokenExpected: true,
  })
  const claims = tokens.claims()
  if (claims === undefined) throw new client.ClientError('the provider sent no ID token')
  const email = typeof claims.email === 'string' && claims.email.length <= 254 ? claims.email : null
  return {
    subject: claims.sub,
    email,
    emailVerified: email !== null && claims.email_verified === true,
    preferredUsername:
      typeof claims.preferred_username === 'string' ? claims.preferred_username : null,
  }
}

/** Sorts what openid-client (or the network) threw into the problem the person is shown. */
export function classifyError(error: unknown): OidcProblem {
  if (error instanceof client.AuthorizationResponseError)
    return error.error === 'access_denied' ? 'cancelled' : 'rejected'
  if (error instanceof client.ResponseBodyError)
    return error.status >= 500 ? 'unavailable' : 'rejected'
  if (error instanceof client.ClientError) {
    const unreachable = ['OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON']
    return unreachable.includes(error.code ?? '') ? 'unavailable' : 'rejected'
  }
  if (error instanceof Error && ['TimeoutError', 'AbortError'].includes(error.name))
    return 'unavailable'
  if (error instanceof TypeError && error.message === 'fetch failed') return 'unavailable'
  throw error
}
