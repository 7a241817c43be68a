/**
 * The real app for browser tests: a fresh database (in-memory SQLite, or a PostgreSQL database of its own
 * copied from a migrated template, as test/support/test-db.ts makes them), migrated, seeded with the demo forum plus a few known threads, then
 * listening on 127.0.0.1 on a free port. In process, so no build is needed and the tests can reach the
 * database directly.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Dialect } from '../../../src/config.js'
import type { Db } from '../../../src/db/schema.js'
import { seedDemo } from '../../../src/domain/demo/index.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { openTestDb } from '../../support/test-db.js'
import { seedKnownThreads, type KnownThreads } from './fixtures.js'

export interface E2eServer {
  readonly app: FastifyInstance
  readonly db: Db
  readonly dialect: Dialect
  /** http://127.0.0.1:PORT, no trailing slash. */
  readonly origin: string
  /** Threads, tags and users the seed made, for building URLs. */
  readonly known: KnownThreads
  /** The Cookie header that signs a request in as `known.member`. */
  readonly memberCookie: string
  /** Requests a page through the app without the network, signed in as the member or admin when asked. */
  inject(path: string, options?: { signedIn?: SignedInAs }): Promise<LightMyRequestResponse>
  close(): Promise<void>
}

/** Who a page is loaded as: the harness's member (`true`) or its admin. */
export type SignedInAs = true | 'admin' | undefined

export interface StartOptions {
  /** Seed the demo forum (default true); the XSS suite seeds only its own content. */
  demo?: boolean
  /** Extra seeding, run after the demo and the known threads, before the server listens. */
  seed?: (db: Db) => Promise<void>
  /** A port to listen on (default: any free one), for a PUBLIC_URL that must be known before the start. */
  port?: number
  /** More settings for the app (PUBLIC_URL, OIDC_PROVIDERS, ...). */
  env?: Record<string, string>
}

/**
 * Starts Quorum on a fresh database of the given dialect.
 * @example const server = await startServer('sqlite'); await page.goto(server.origin + '/tags/kernel')
 */
export async function startServer(
  dialect: Dialect,
  options: StartOptions = {},
): Promise<E2eServer> {
  const opened = await openTestDb(dialect)
  let app: FastifyInstance | undefined
  try {
    const db = opened.handle.db
    if (options.demo !== false) await seedDemo(db)
    const known = await seedKnownThreads(db)
    await options.seed?.(db)
    // A browser fills the sign-up form faster than a person; the least time to fill it (signUpMinSeconds)
    // is the integration suite's (test/integration/moderation/trust-registration.test.ts).
    await db
      .insertInto('site_settings')
      .values({
        key: 'signUpMinSeconds',
        value_json: '0',
        updated_at: Date.now(),
        updated_by: null,
      })
      .execute()
    // The test app's PUBLIC_URL (http://quorum.test) only feeds canonical links, feeds and sitemaps; pages
    // link relatively, so the browser stays on 127.0.0.1. Suites load hundreds of pages: no rate limit.
    app = await buildTestApp(opened.handle, { RATE_LIMIT_PER_MINUTE: '0', ...options.env })
    await app.listen({ port: options.port ?? 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string')
      throw new Error('the server did not get a TCP port')
    const server = app
    const memberCookie = `${server.sessionCookieName}=${known.member.sessionToken}`
    return {
      app: server,
      db,
      dialect,
      origin: `http://127.0.0.1:${address.port}`,
      known,
      memberCookie,
      inject: (path, options = {}) =>
        server.inject({
          method: 'GET',
          url: path,
          headers:
            options.signedIn === undefined
              ? {}
              : {
                  cookie: `${server.sessionCookieName}=${
                    options.signedIn === 'admin'
                      ? known.admin.sessionToken
                      : known.member.sessionToken
                  }`,
                },
        }),
      close: async () => {
        await server.close()
        await opened.dispose()
      },
    }
  } catch (error) {
    await app?.close()
    await opened.dispose()
    throw error
  }
}
