/**
 * A saturated database answers 503 with Retry-After, not 500: PostgreSQL's pool runs out of connections
 * under load (seen in the bench at 64 connections on slow searches). The pool here has two connections,
 * both held by slow queries, and a 100 ms wait for a free one.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { isOverload } from '../../../src/http/plugins/errors.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { openTestDb } from '../../support/test-db.js'

describe('overload errors', () => {
  it('are told apart from bugs', () => {
    const pgTimeout = new Error('timeout exceeded when trying to connect')
    const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), {
      code: '57014',
    })
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    for (const e of [pgTimeout, cancelled, busy]) expect(isOverload(e)).toBe(true)
    for (const e of [new Error('syntax error'), new TypeError('x is undefined'), 'text', null])
      expect(isOverload(e)).toBe(false)
  })
})

describe.runIf(DIALECTS.includes('postgres'))('postgres: a pool with no free connection', () => {
  let app: FastifyInstance
  let dispose: () => Promise<void>
  let held: Promise<unknown>[] = []

  beforeAll(async () => {
    const opened = await openTestDb('postgres', {
      pool: { max: 2, connectionTimeoutMillis: 100 },
    })
    dispose = opened.dispose
    await make.tag(opened.handle.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(opened.handle)
    held = [1, 2].map(() => sql`select pg_sleep(1.5)`.execute(opened.handle.db))
  })
  afterAll(async () => {
    await Promise.allSettled(held)
    await app?.close()
    await dispose?.()
  })

  it('answers 503 with Retry-After and a page that says to try again', async () => {
    const res = await app.inject({ url: '/tags/kernel' })
    expect(res.statusCode).toBe(503)
    expect(res.headers['retry-after']).toBe('5')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.body).toContain('The forum is busy')
    expect(res.body).toContain('try again in 5 seconds')
  })
})
