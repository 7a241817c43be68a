/**
 * Prometheus metrics at `GET /metrics` (prom-client; docs/configuration.md, "Metrics"):
 * - `quorum_http_requests_total{method,route,status}` and `quorum_http_request_duration_seconds{method,route}`,
 *   by the route's pattern (`/threads/:id/:slug`), never the raw URL; `(unmatched)` for a 404;
 * - `quorum_page_cache_hits_total`, `quorum_page_cache_misses_total` (http/plugins/page-cache.ts);
 * - `quorum_db_pool_connections{state}`, `quorum_db_pool_waiting` (PostgreSQL's pool; SQLite has none);
 * - `quorum_jobs{state}`: the jobs table by state, counted when scraped (one grouped count);
 * - `quorum_live_streams`: open Server-Sent Events streams (http/live.ts);
 * - Node's process metrics (prom-client's defaults: CPU, memory, event loop lag, GC).
 * Only addresses in METRICS_ALLOW may read it; everyone else gets the site's 404. With several workers
 * (`quorum start --workers N`) the CLI gives `aggregate`, which asks the primary to gather every worker's
 * registry (prom-client's AggregatorRegistry): counters and streams are summed, the jobs table is read once.
 *
 * `metricsPlugin` (the registry, the request hooks) is registered early; the route, `metricsRoutes`,
 * last, as an operators' endpoint (http/plugins/health.ts: no session, no limit, no cache).
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import ipaddr from 'ipaddr.js'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { countJobsByState } from '../../domain/jobs/index.js'
import { OPERATIONS } from './health.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's registry (the CLI hands it to prom-client's cluster aggregation). */
    metrics: Registry
    /** Every worker's metrics (cluster mode), else this process's. */
    metricsText(): Promise<string>
  }
}

export interface MetricsOptions {
  /** Every worker's metrics as one text (cluster mode); absent: this process's own. */
  aggregate?: () => Promise<string>
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export const metricsPlugin = fp<MetricsOptions>(
  async (app, options) => {
    const registry = new Registry()
    const registers = [registry]
    collectDefaultMetrics({ register: registry })
    const requests = new Counter({
      name: 'quorum_http_requests_total',
      help: 'Requests answered, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    })
    const duration = new Histogram({
      name: 'quorum_http_request_duration_seconds',
      help: 'Time from the request arriving to its response ending, by method and route pattern.',
      labelNames: ['method', 'route'] as const,
      buckets: SECONDS,
      registers,
    })
    app.addHook('onResponse', (req, reply, done) => {
      const route = req.routeOptions.url ?? '(unmatched)'
      requests.inc({ method: req.method, route, status: reply.statusCode })
      duration.observe({ method: req.method, route }, reply.elapsedTime / 1000)
      done()
    })
    pageCacheCounters(app, registers)
    new Gauge({
      name: 'quorum_live_streams',
      help: 'Open live-update streams (GET /events).',
      registers,
      collect() {
        this.set(app.live.size)
      },
    })
    new Gauge({
      name: 'quorum_jobs',
      help: 'Rows of the jobs table by state (pending, running, done, dead).',
      labelNames: ['state'] as const,
      registers,
      // The table is the same for every worker: one worker's count, not the sum.
      aggregator: 'first',
      async collect() {
        const counts = await countJobsByState(app.db)
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n)
      },
    })
    poolGauges(app, registers)

    app.decorate('metrics', registry)
    const aggregate = options.aggregate
    app.decorate('metricsText', () => (aggregate ? aggregate() : registry.metrics()))
  },
  { name: 'metrics' },
)

/** GET /metrics, for METRICS_ALLOW only; registered after every other plugin. */
export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  const ranges = app.config.metricsAllow.map(parseRange)
  app.get('/metrics', { config: OPERATIONS }, async (req, reply) => {
    if (!isAllowed(req.ip, ranges)) return reply.callNotFound()
    return reply
      .type(app.metrics.contentType)
      .header('cache-control', 'no-store')
      .send(await app.metricsText())
  })
}

function pageCacheCounters(app: FastifyInstance, registers: Registry[]): void {
  const counter = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        this.reset()
        this.inc(read())
      },
    })
  counter(
    'quorum_page_cache_hits_total',
    'Anonymous pages served from the page cache.',
    () => app.pageCache.stats().hits,
  )
  counter(
    'quorum_page_cache_misses_total',
    'Anonymous pages rendered because the cache had no current copy.',
    () => app.pageCache.stats().misses,
  )
}

function poolGauges(app: FastifyInstance, registers: Registry[]): void {
  new Gauge({
    name: 'quorum_db_pool_connections',
    help: "PostgreSQL pool connections by state (busy, idle) and the pool's size (max).",
    labelNames: ['state'] as const,
    registers,
    collect() {
      const stats = app.poolStats()
      if (!stats) return
      this.set({ state: 'busy' }, stats.total - stats.idle)
      this.set({ state: 'idle' }, stats.idle)
      this.set({ state: 'max' }, stats.max)
    },
  })
  new Gauge({
    name: 'quorum_db_pool_waiting',
    help: 'Queries waiting for a PostgreSQL pool connection.',
    registers,
    collect() {
      const stats = app.poolStats()
      if (stats) this.set(stats.waiting)
    },
  })
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number]

function parseRange(entry: string): Range {
  if (entry.includes('/')) return ipaddr.parseCIDR(entry)
  const address = ipaddr.parse(entry)
  return [address, address.kind() === 'ipv4' ? 32 : 128]
}

/** Whether `ip` (IPv4-mapped IPv6 read as IPv4) falls in one of `ranges`. */
function isAllowed(ip: string, ranges: readonly Range[]): boolean {
  if (!ipaddr.isValid(ip)) return false
  const address = ipaddr.process(ip)
  return ranges.some(
    ([network, bits]) => network.kind() === address.kind() && address.match(network, bits),
  )
}
