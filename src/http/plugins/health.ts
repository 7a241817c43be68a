/**
 * For load balancers and orchestrators (docs/configuration.md, "Health and readiness"):
 * - `GET /healthz`: the process is up and its event loop turns. 200 JSON, never touches the database.
 * - `GET /readyz`: the process can serve: every readiness check passes (the database answers, its
 *   migrations are current, the process is not shutting down). 200 JSON naming each check, or 503 with
 *   the ones that failed and why. A check that takes longer than {@link CHECK_TIMEOUT_MS} fails.
 * Other modules add checks of their own with `app.addReadinessCheck(name, check)` (or `Deps.readiness`):
 * a check resolves when all is well and throws (or rejects) with what is wrong.
 *
 * `healthPlugin` is registered early (other plugins add their checks as they register); the routes,
 * `healthRoutes`, last. Their config `operations: true` (with `pageCache: false`, `rateLimit: false`)
 * makes the session and site-settings hooks skip them: no session, no limit, no cache, and no database
 * on /healthz.
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { countPendingMigrations, pingDatabase } from '../../db/readiness.js'

/** Resolves when ready; throws with the reason otherwise. */
export type ReadinessCheck = () => Promise<void>

/**
 * The state of something the process keeps serving without (Redis, read replicas): shown in /healthz and
 * /readyz, never a reason to take the process out of a load balancer (it falls back on its own).
 */
export type HealthReport = () => { ok: boolean; detail: string }

export const CHECK_TIMEOUT_MS = 3000

declare module 'fastify' {
  interface FastifyInstance {
    /** Adds a named check to /readyz (a later check of the same name replaces the earlier one). */
    addReadinessCheck(name: string, check: ReadinessCheck): void
    readinessChecks: ReadonlyMap<string, ReadinessCheck>
    /** Adds a named report to /healthz and /readyz: informative, it never fails readiness. */
    addHealthReport(name: string, report: HealthReport): void
    healthReports: ReadonlyMap<string, HealthReport>
  }
  interface FastifyContextConfig {
    /** An endpoint for operators (/healthz, /readyz, /metrics): the session and site settings skip it. */
    operations?: true
  }
}

/** The route config of an operators' endpoint. */
export const OPERATIONS = { operations: true, pageCache: false, rateLimit: false } as const

interface CheckOutcome {
  ok: boolean
  error?: string
}

export const healthPlugin = fp<{ checks?: Readonly<Record<string, ReadinessCheck>> }>(
  async (app, options) => {
    const checks = new Map<string, ReadinessCheck>([
      ['database', () => pingDatabase(app.db)],
      [
        'migrations',
        async () => {
          const pending = await countPendingMigrations(app.db)
          if (pending > 0) throw new Error(`${pending} pending migration(s)`)
        },
      ],
      [
        'shutdown',
        async () => {
          if (app.shutdown.draining) throw new Error('the process is shutting down')
        },
      ],
      ...Object.entries(options.checks ?? {}),
    ])
    app.decorate('readinessChecks', checks)
    app.decorate('addReadinessCheck', (name: string, check: ReadinessCheck) => {
      checks.set(name, check)
    })
    const reports = new Map<string, HealthReport>()
    app.decorate('healthReports', reports)
    app.decorate('addHealthReport', (name: string, report: HealthReport) => {
      reports.set(name, report)
    })
  },
  { name: 'health', dependencies: ['shutdown'] },
)

/** GET /healthz and GET /readyz; registered after every other plugin (see the top of this file). */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const noStore = { 'cache-control': 'no-store' }
  const config = OPERATIONS
  const reports = () =>
    Object.fromEntries([...app.healthReports].map(([name, report]) => [name, report()]))
  app.get('/healthz', { config }, async (_req, reply) =>
    reply
      .headers(noStore)
      .send({ status: 'ok', pid: process.pid, uptimeS: process.uptime(), reports: reports() }),
  )
  app.get('/readyz', { config }, async (_req, reply) => {
    const outcomes: Record<string, CheckOutcome> = {}
    await Promise.all(
      [...app.readinessChecks].map(async ([name, check]) => {
        outcomes[name] = await run(check)
      }),
    )
    const ready = Object.values(outcomes).every((o) => o.ok)
    return reply
      .code(ready ? 200 : 503)
      .headers(noStore)
      .send({ status: ready ? 'ready' : 'unready', checks: outcomes, reports: reports() })
  })
}

async function run(check: ReadinessCheck): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    )
  })
  try {
    await Promise.race([check(), timeout])
    return { ok: true }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  } finally {
    clearTimeout(timer)
  }
}
