/**
 * A saturated database answers 503 with Retry-After, not 500: PostgreSQL's pool runs out of connections
 * under load (seen in the bench at 64 connections on slow searches). The pool here has two connections,
 * both held by slow queries, and a 100 ms wait for a free one.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { unavailability } from '../../../src/http/plugins/errors.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { openTestDb } from '../../support/test-db.js'

describe('unavailability', () => {
  const coded = (message: string, code: string) => Object.assign(new Error(message), { code })

  it('tells a saturated, restarting or full database apart from bugs', () => {
    const cases: [unknown, ReturnType<typeof unavailability>][] = [
      [new Error('timeout exceeded when trying to connect'), 'busy'],
      [coded('canceling statement due to statement timeout', '57014'), 'busy'],
      [coded('database is locked', 'SQLITE_BUSY'), 'busy'],
      [coded('terminating connection due to administrator command', '57P01'), 'database_down'],
      [coded('the database system is starting up', '57P03'), 'database_down'],
      [coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'database_down'],
      [new Error('Connection terminated unexpectedly'), 'database_down'],
      [
        new Error('Client has encountered a connection error and is not queryable'),
        'database_down',
      ],
      [coded('database or disk is full', 'SQLITE_FULL'), 'storage_full'],
      [coded('could not extend file: No space left on device', '53100'), 'storage_full'],
      [new Error('syntax error'), null],
      [coded('cannot rollback - no transaction is active', 'SQLITE_ERROR'), null],
      [new TypeError('x is undefined'), null],
      ['text', null],
      [null, null],
    ]
    for (const [error, expected] of cases)
      expect(unavailability(error), String(error)).toBe(expected)
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
