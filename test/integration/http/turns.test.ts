/**
 * Requests that reach a route's own work take turns (src/http/turns.ts): several uncached pages at once
 * wait in line; page-cache hits and the operators' endpoints never do.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: requests take turns', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance

  beforeAll(async () => {
    for (let i = 0; i < 3; i++)
      await make.thread(t.db, { title: `Turn-taking thread ${i}`, tags: ['kernel'] })
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  const getAll = (urls: string[]) =>
    Promise.all(urls.map((url) => app.inject({ method: 'GET', url, remoteAddress: '10.9.0.1' })))

  it('lines up uncached pages that arrive together, and answers every one', async () => {
    const before = app.turns.waited
    const pages = await getAll(Array.from({ length: 6 }, (_, i) => `/tags/kernel?turn=${i}`))
    for (const page of pages) {
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('Turn-taking thread 2')
    }
    expect(app.turns.waited - before).toBeGreaterThanOrEqual(1)
    expect(app.turns.queued).toBe(0)
  })

  it('lets cached pages and the health check pass without a turn', async () => {
    app.pageCache.clear()
    // Rendered twice: a page is kept from its second rendering on (page-store.ts).
    for (let i = 0; i < 2; i++)
      expect((await getAll(['/tags/kernel']))[0]?.headers['x-page-cache']).toBe('miss')
    const before = app.turns.waited
    const hits = await getAll(Array.from({ length: 6 }, () => '/tags/kernel'))
    for (const hit of hits) expect(hit.headers['x-page-cache']).toBe('hit')
    const health = await getAll(Array.from({ length: 6 }, () => '/healthz'))
    for (const h of health) expect(h.statusCode).toBe(200)
    expect(app.turns.waited).toBe(before)
  })
})
