import type { FastifyInstance } from 'fastify'
import { buildApp, type Deps } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import type { DbHandle } from '../../src/db/connect.js'

/** The real app over a test database, quiet, never listening (requests go through inject()). */
export async function buildTestApp(
  handle: DbHandle,
  env: Record<string, string> = {},
  deps: Omit<Deps, 'db'> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    DATABASE_URL: 'sqlite::memory:',
    PUBLIC_URL: 'http://quorum.test',
    // Suites make many requests from one address; the tests of the global limit turn it on.
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  })
  // Views are written when the app closes (or by flushing by hand), so tests control when.
  const app = await buildApp(config, { db: handle, viewsFlushMs: 0, ...deps })
  await app.ready()
  return app
}
