/**
 * buildApp(config) -> a Fastify instance with every plugin and route registered. It never listens:
 * the CLI calls listen(), tests call inject().
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import type { Config } from './config.js'
import { createDb, type DbHandle } from './db/connect.js'
import { PUBLIC_DIR } from './paths.js'
import { redactUrl } from './http/log-urls.js'
import { assetsPlugin } from './http/plugins/assets.js'
import { bellPlugin } from './http/plugins/bell.js'
import { standingNoticePlugin } from './http/plugins/standing-notice.js'
import { livePlugin } from './http/plugins/live.js'
import type { LiveHubOptions } from './http/live.js'
import { compressionPlugin } from './http/plugins/compression.js'
import { dbPlugin } from './http/plugins/db.js'
import { readDbPlugin } from './http/plugins/read-db.js'
import { errorsPlugin, frameworkErrors } from './http/plugins/errors.js'
import { jobsPlugin, type JobsPluginOptions } from './http/plugins/jobs.js'
import { pageCachePlugin, type PageCacheOptions } from './http/plugins/page-cache.js'
import { turnsPlugin } from './http/plugins/turns.js'
import { redisPlugin } from './http/plugins/redis.js'
import { sharedRateLimitStore } from './redis/rate-limit-store.js'
import { siteSettingsPlugin } from './http/plugins/site-settings.js'
import { apiRoutes } from './http/routes/api/index.js'
import { securityHeadersPlugin } from './http/plugins/security-headers.js'
import { localePlugin } from './http/plugins/locale.js'
import { sessionPlugin } from './http/plugins/session.js'
import { shutdownPlugin } from './http/plugins/shutdown.js'
import { healthPlugin, healthRoutes, type ReadinessCheck } from './http/plugins/health.js'
import { metricsPlugin, metricsRoutes, type MetricsOptions } from './http/plugins/metrics.js'
import { REQUEST_ID_HEADER, requestIdOf } from './http/request-id.js'
import { viewsPlugin } from './http/plugins/views.js'
import { viewerPlugin } from './http/plugins/viewer.js'
import { pageRoutes } from './http/routes/pages/index.js'
import { SEARCHES_IN_FLIGHT } from './http/routes/pages/search.js'
import { ConcurrencyLimit } from './http/concurrency.js'
import { UploadBudget } from './http/uploads.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: Readonly<Config>
    /** The line searches wait in (`running`, `queued`); a reader who leaves takes their search out of it. */
    searches: ConcurrencyLimit
    /** Bytes of uploads the process receives at once (UPLOADS_IN_FLIGHT_MB; http/uploads.ts). */
    uploadBudget: UploadBudget
  }
}

export interface Deps {
  /** An open database; when given, the caller owns it and closes it, unless `closeDb` hands it over. */
  db?: DbHandle
  /** The app closes `db` when it closes (`quorum start` serves the handle it migrated and seeded). */
  closeDb?: boolean
  /** Folder of static files (defaults to public/). */
  publicDir?: string
  /** How often pending view counts are written (ms); 0 writes only on close. */
  viewsFlushMs?: number
  /** The anonymous page cache's bounds (docs/performance.md). */
  pageCache?: PageCacheOptions
  /** The job runner's timing and extra handlers (tests); `quorum serve` starts the runner. */
  /** Live-update hub options (tests: a short heartbeat, a small cap). */
  live?: LiveHubOptions
  jobs?: JobsPluginOptions
  /** Where the log's JSON lines go (default stdout); tests read them from a stream of their own. */
  logStream?: NodeJS.WritableStream
  /** How long closing waits for requests in flight, in ms (default 10 s: http/plugins/shutdown.ts). */
  shutdownGraceMs?: number
  /** More named checks for /readyz (http/plugins/health.ts); `app.addReadinessCheck` adds them later. */
  readiness?: Readonly<Record<string, ReadinessCheck>>
  /** `quorum start --workers N`: /metrics gathers every worker's (http/plugins/metrics.ts). */
  metrics?: MetricsOptions
}

/**
 * TRUST_PROXY as Fastify takes it. A number of hops becomes the function proxy-addr would build from it
 * (Fastify's types list no number): the socket's peer and the next `hops - 1` entries are proxies.
 */
function trustedProxies(
  trust: Config['trustProxy'],
): boolean | string[] | ((a: string, hop: number) => boolean) {
  if (trust === false) return false
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return [...trust]
}

export async function buildApp(
  config: Readonly<Config>,
  deps: Deps = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
      ],
      serializers: {
        // Fastify's own fields, with a link's token taken out of the URL (http/log-urls.ts).
        req: (req: FastifyRequest) => ({
          method: req.method,
          url: redactUrl(req.url),
          host: req.host,
          remoteAddress: req.ip,
          remotePort: req.socket.remotePort,
        }),
      },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    trustProxy: trustedProxies(config.trustProxy),
    // X-Request-Id when sane, else a new UUID; logged as reqId (http/request-id.ts).
    genReqId: requestIdOf,
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    frameworkErrors,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } },
  })
  app.decorate('config', config)
  // On the root, not in the search routes' own scope, so the line's length can be read from outside.
  app.decorate('searches', new ConcurrencyLimit(SEARCHES_IN_FLIGHT))
  app.decorate('uploadBudget', new UploadBudget(config.uploadsInFlightBytes))

  // Every response (health checks and 404s included) carries the request's id.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header(REQUEST_ID_HEADER, req.id)
    done()
  })
  await app.register(shutdownPlugin, { graceMs: deps.shutdownGraceMs })
  // Early, so plugins can add readiness checks and the metrics' hooks see every request; their
  // routes come last (http/plugins/health.ts).
  await app.register(healthPlugin, { checks: deps.readiness })
  await app.register(metricsPlugin, deps.metrics ?? {})
  await app.register(viewerPlugin)
  await app.register(dbPlugin, {
    handle: deps.db ?? createDb(config.database),
    closeOnShutdown: deps.db === undefined || deps.closeDb === true,
  })
  // Before everything that shares state through it (REDIS_URL; docs/scale.md).
  await app.register(redisPlugin)
  await app.register(readDbPlugin, {
    replicas: config.replicas,
    schema: config.database.schema,
    https: config.publicUrl.startsWith('https:'),
  })
  await app.register(siteSettingsPlugin)
  await app.register(assetsPlugin, { dir: deps.publicDir ?? PUBLIC_DIR })
  await app.register(securityHeadersPlugin, { https: config.publicUrl.startsWith('https:') })
  await app.register(errorsPlugin)
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      allowList: (req) => req.url.startsWith('/assets/'),
      // With Redis every process counts into one window per client; without it, each its own.
      ...(app.redis ? { store: sharedRateLimitStore(app.redis) } : {}),
    })
  }
  // Forms with long text (a post body) raise their own limit: http/long-text.ts.
  await app.register(formbody, { bodyLimit: 256 * 1024 })
  await app.register(sessionPlugin, { https: config.publicUrl.startsWith('https:') })
  await app.register(localePlugin)
  await app.register(bellPlugin)
  await app.register(standingNoticePlugin)
  await app.register(pageCachePlugin, deps.pageCache ?? {})
  // After the page cache: a cached page never waits for a turn (http/turns.ts).
  await app.register(turnsPlugin)
  // After the page cache (which compresses its own pages) and before the routes it hooks into.
  await app.register(compressionPlugin)
  await app.register(viewsPlugin, { flushEveryMs: deps.viewsFlushMs ?? 5000 })
  await app.register(livePlugin, deps.live ?? {})
  await app.register(jobsPlugin, deps.jobs ?? {})
  await app.register(apiRoutes)
  await app.register(pageRoutes)
  await app.register(healthRoutes)
  await app.register(metricsRoutes)
  return app
}
