/**
 * The address sign-in returns to (issue 28 findings 6 and 8): never another origin, whatever the
 * encoding, and never a 500 from characters a Location header cannot hold.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn, TEST_PASSWORD } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: redirects after sign-in', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let member: Agent

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    member = (await signedIn(app, t.db, 'next_member')).agent
  })
  afterAll(async () => app?.close())

  /** Signs in through the form with `next`, from a fresh client. */
  const signInWith = async (next: string) => {
    const agent = new Agent(app, '10.7.0.1')
    await agent.get('/login')
    return agent.post('/login', { login: 'next_member', password: TEST_PASSWORD, next })
  }

  it.each([
    ['/%5Cevil.test/path'],
    ['%2F%2Fevil.test'],
    ['https%3A%2F%2Fevil.test'],
    ['/%2F/evil.test'],
  ])('sends a signed-in visitor of /login?next=%s to a page of this site', async (next) => {
    const res = await member.get(`/login?next=${next}`)
    expect(res.statusCode).toBe(303)
    const location = String(res.headers.location)
    expect(location.startsWith('/')).toBe(true)
    expect(location.startsWith('//')).toBe(false)
    expect(location).not.toMatch(/[\\\t]/)
    expect(new URL(location, 'http://quorum.test').origin).toBe('http://quorum.test')
  })

  it.each(['/\\evil.test', '//evil.test', 'https://evil.test/x', '/\\\\evil.test'])(
    'signs in and goes home for next=%j',
    async (next) => {
      const res = await signInWith(next)
      expect(res.statusCode).toBe(303)
      expect(res.headers.location).toBe('/')
    },
  )

  it('returns to a page of this site with its query and fragment', async () => {
    const res = await signInWith('/tags/kernel?page=2#threads')
    expect(res.headers.location).toBe('/tags/kernel?page=2#threads')
  })

  it.each([
    ['a tab', '%09'],
    ['a carriage return', '%0D'],
    ['a line feed', '%0A'],
    ['a vertical tab', '%0B'],
    ['a NUL', '%00'],
  ])('answers 400 naming next, not 500, for %s in the query', async (_name, char) => {
    for (const agent of [member, new Agent(app, '10.7.0.2')]) {
      const res = await agent.get(`/login?next=/x${char}Set-Cookie:%20a=b`)
      expect(res.statusCode).toBe(400)
      expect(res.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/^a=b/))
      expect(texts(parseHtml(res.body), 'main').join(' ')).toMatch(/“next” contains characters/)
    }
  })

  it.each(['\r\n', '\n', '\u000b', '\t'])(
    'answers 400 naming next, not 500, for %j in the form',
    async (char) => {
      const res = await signInWith(`/x${char}Set-Cookie: a=b`)
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('next')
    },
  )
})
