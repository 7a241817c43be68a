/**
 * The API's rate-limit fields on both databases, with the site's per-client limit on
 * (RATE_LIMIT_PER_MINUTE): RateLimit-Policy and RateLimit (draft-ietf-httpapi-ratelimit-headers) on every
 * answer, and past the limit a 429 problem+json with Retry-After, as the served document declares.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { loadApiDocument, type ApiConformance } from '../../support/openapi.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: API rate-limit fields', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let api: ApiConformance

  beforeAll(async () => {
    app = await buildTestApp(t.handle, { RATE_LIMIT_PER_MINUTE: '3' })
    api = await loadApiDocument(app)
  })
  afterAll(async () => app?.close())

  it('says the policy and what is left, then answers 429 with Retry-After', async () => {
    const get = () => app.inject({ url: '/api/v1/tags', remoteAddress: '10.24.0.1' })
    const first = await get()
    expect(first.statusCode).toBe(200)
    expect(first.headers['ratelimit-policy']).toBe('"per-client";q=3;w=60')
    const left = /^"per-client";r=(\d+);t=(\d+)$/.exec(String(first.headers.ratelimit))
    expect(left?.[1]).toBe('2')
    expect(Number(left?.[2])).toBeGreaterThan(0)
    expect(Number(left?.[2])).toBeLessThanOrEqual(60)
    await get()
    await get()
    const refused = await get()
    expect(refused.statusCode).toBe(429)
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.headers.ratelimit).toMatch(/^"per-client";r=0;t=\d+$/)
    expect(api.check('GET', '/api/v1/tags', refused)).toMatchObject({
      status: 429,
      code: 'rate_limited',
    })
    // Another client has its own count.
    const other = await app.inject({ url: '/api/v1/tags', remoteAddress: '10.24.0.2' })
    expect(other.headers.ratelimit).toMatch(/^"per-client";r=2;t=\d+$/)
  })
})
