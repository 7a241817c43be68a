/**
 * /admin/jobs: admins see the background jobs by state, the dead ones with their last error, and can
 * run a dead one again (a form post with its CSRF token); nobody else can.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enqueueJob, listJobs } from '../../../src/domain/jobs/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: the background jobs page', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let deadId: number

  beforeAll(async () => {
    app = await buildTestApp(
      t.handle,
      {},
      {
        jobs: {
          handlers: {
            'test.fail': async () => {
              throw new Error('the far end refused')
            },
          },
        },
      },
    )
    await enqueueJob(t.db, { kind: 'test.fail', key: 'doomed', payload: {}, maxAttempts: 1 })
    await enqueueJob(t.db, {
      kind: 'test.fail',
      key: 'later',
      payload: {},
      runAfter: Date.now() + 3_600_000,
    })
    await app.jobs.drain()
    deadId = (await listJobs(t.db, { state: 'dead', limit: 1 }))[0]?.id ?? 0
    expect(deadId).toBeGreaterThan(0)
  })
  afterAll(async () => app?.close())

  it('shows admins the counts, the dead job with its error, and what waits', async () => {
    const { agent } = await signedIn(app, t.db, 'jobs_admin', 'admin')
    const res = await agent.get('/admin/jobs')
    expect(res.statusCode).toBe(200)
    const doc = parseHtml(res.body)
    const labels = texts(doc, '.job-counts dt')
    const counts = Object.fromEntries(labels.map((l, i) => [l, texts(doc, '.job-counts dd')[i]]))
    expect(counts).toMatchObject({ Waiting: '1', Dead: '1', Running: '0' })
    expect(texts(doc, 'main table').join(' ')).toContain('the far end refused')
    expect(doc.querySelector(`form[action="/admin/jobs/${deadId}/retry"]`)).not.toBeNull()
  })

  it('runs a dead job again from its first attempt', async () => {
    const { agent } = await signedIn(app, t.db, 'jobs_admin2', 'admin')
    await agent.get('/admin/jobs')
    expect((await agent.post(`/admin/jobs/${deadId}/retry`, {}, { csrf: null })).statusCode).toBe(
      403,
    )
    const res = await agent.post(`/admin/jobs/${deadId}/retry`)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/admin/jobs')
    const job = (await listJobs(t.db, { limit: 10 })).find((j) => j.id === deadId)
    expect(job).toMatchObject({ state: 'pending', attempts: 0 })
    expect((await agent.post(`/admin/jobs/${deadId}/retry`)).statusCode).toBe(404) // no longer dead
  })

  it('is for admins only', async () => {
    expect((await new Agent(app, '10.5.0.1').get('/admin/jobs')).statusCode).toBe(303)
    for (const role of ['member', 'moderator'] as const) {
      const { agent } = await signedIn(app, t.db, `jobs_${role}`, role)
      expect((await agent.get('/admin/jobs')).statusCode).toBe(403)
      await agent.get('/')
      expect((await agent.post(`/admin/jobs/${deadId}/retry`)).statusCode).toBe(403)
    }
  })
})
