import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../src/config.js'

const ONE = {
  id: 'corp',
  issuer: 'https://id.example.com/',
  clientId: 'quorum',
  clientSecret: 'shh',
  name: 'Example ID',
}

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.join('\n')
    throw e
  }
  return ''
}

describe('OpenID Connect providers in the configuration', () => {
  it('has none by default', () => {
    expect(loadConfig({}).oidcProviders).toEqual([])
  })

  it('reads OIDC_PROVIDERS as a JSON array, without the trailing slash of the issuer', () => {
    const config = loadConfig({ OIDC_PROVIDERS: JSON.stringify([ONE]) })
    expect(config.oidcProviders).toEqual([{ ...ONE, issuer: 'https://id.example.com' }])
    expect(Object.isFrozen(config.oidcProviders)).toBe(true)
  })

  it('reads numbered variables, the id defaulting to the name as a slug, after the JSON ones', () => {
    const config = loadConfig({
      OIDC_PROVIDERS: JSON.stringify([ONE]),
      OIDC_2_ISSUER: 'https://login.example.org',
      OIDC_2_CLIENT_ID: 'forum',
      OIDC_2_CLIENT_SECRET: 'secret-2',
      OIDC_2_NAME: 'Example Org SSO',
      OIDC_1_ISSUER: 'http://127.0.0.1:9000',
      OIDC_1_CLIENT_ID: 'local',
      OIDC_1_CLIENT_SECRET: 'secret-1',
      OIDC_1_NAME: 'Local',
      OIDC_1_ID: 'dev',
    })
    expect(config.oidcProviders.map((p) => [p.id, p.issuer, p.clientId, p.name])).toEqual([
      ['corp', 'https://id.example.com', 'quorum', 'Example ID'],
      ['dev', 'http://127.0.0.1:9000', 'local', 'Local'],
      ['example-org-sso', 'https://login.example.org', 'forum', 'Example Org SSO'],
    ])
  })

  it.each([
    [{ OIDC_PROVIDERS: '{not json' }, 'OIDC_PROVIDERS: is not valid JSON'],
    [{ OIDC_PROVIDERS: '{}' }, 'OIDC_PROVIDERS: must be a JSON array'],
    [{ OIDC_PROVIDERS: JSON.stringify([{ ...ONE, extra: 1 }]) }, 'unknown field extra'],
    [{ OIDC_PROVIDERS: JSON.stringify([{ ...ONE, id: 'Has Space' }]) }, 'OIDC_PROVIDERS[0].id'],
    [
      { OIDC_PROVIDERS: JSON.stringify([{ ...ONE, issuer: 'http://id.example.com' }]) },
      'OIDC_PROVIDERS[0].issuer',
    ],
    [
      { OIDC_PROVIDERS: JSON.stringify([{ ...ONE, clientSecret: '' }]) },
      '.clientSecret: is required',
    ],
    [{ OIDC_PROVIDERS: JSON.stringify([ONE, ONE]) }, 'is used by another provider'],
    [{ OIDC_1_ISSUER: 'https://a.example', OIDC_1_NAME: 'A' }, 'OIDC_1_CLIENT_ID: is required'],
    [{ OIDC_1_ISUER: 'https://a.example' }, 'OIDC_1_ISUER: unknown'],
  ])('refuses %j, naming the value', (env, message) => {
    expect(problemsOf(env)).toContain(message)
  })

  it('takes http:// issuers only on this machine', () => {
    for (const issuer of [
      'http://localhost:4000',
      'http://127.0.0.1:4000/oidc',
      'http://[::1]:4000',
    ])
      expect(problemsOf({ OIDC_PROVIDERS: JSON.stringify([{ ...ONE, issuer }]) }), issuer).toBe('')
    for (const issuer of ['http://10.0.0.1', 'ftp://id.example.com', 'https://id.example.com/?x=1'])
      expect(
        problemsOf({ OIDC_PROVIDERS: JSON.stringify([{ ...ONE, issuer }]) }),
        issuer,
      ).toContain('issuer')
  })
})
