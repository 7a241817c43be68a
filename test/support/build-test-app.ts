import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import type { DbHandle } from '../../src/db/connect.js'

/** The real app over a test database, quiet, never listening (requests go through inject()). */
export async function buildTestApp(
  handle: DbHandle,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    DATABASE_URL: 'sqlite::memory:',
    PUBLIC_URL: 'http://quorum.test',
    ...env,
  })
  const app = await buildApp(config, { db: handle })
  await app.ready()
  return app
}
