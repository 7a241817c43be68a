/**
 * Vitest's global setup: runs once per `vitest run`, before any test file, in the main process. It picks
 * what the suites need from outside Node and tells the workers (provide/inject):
 * - PostgreSQL, when DIALECTS includes it: TEST_POSTGRES_URL if a server answers there, otherwise an
 *   embedded PostgreSQL from the npm registry, stopped when the run ends (test-postgres.ts);
 * - Chromium for the browser suites (chromium.ts). When there is none, the browser suites fail with the
 *   reason; everything else still runs.
 * Each choice is printed with its version, so a run's output says what it tested against.
 *
 * First it brings dist/ up to date with src/ (a no-op after `npm ci`, which builds): suites run the built
 * server (npm start, worker processes, the fault tests) and load the SQLite extension from dist/native/,
 * and a build started by one of them would empty dist/ under the others.
 */
import type { TestProject } from 'vitest/node'
import { ensureBuilt } from '../../scripts/ensure-built.mjs'
import { resolveChromium } from './chromium.js'
import { CONFIGURED_POSTGRES_URL, parseDialects } from './test-env.js'
import { startTestPostgres, type TestPostgres } from './test-postgres.js'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (ensureBuilt()) console.log('Built dist/: src/ had changed since the last build')
  let postgres: TestPostgres | undefined
  if (parseDialects(process.env.DIALECTS).includes('postgres')) {
    postgres = await startTestPostgres(CONFIGURED_POSTGRES_URL)
    console.log(`PostgreSQL: ${postgres.description}`)
  }
  project.provide('testPostgresUrl', postgres?.url)

  try {
    const chromium = await resolveChromium()
    console.log(`Chromium: ${chromium.description}`)
    project.provide('testChromium', { executablePath: chromium.executablePath, env: chromium.env })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    console.log(`Chromium: none (${reason}); the browser suites will fail`)
    project.provide('testChromium', { error: reason })
  }

  return async () => {
    await postgres?.stop()
  }
}
