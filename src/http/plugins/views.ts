/**
 * Owns the view counter: thread pages record views in memory (or in Redis with REDIS_URL, so a visitor
 * counts once across processes); a timer writes them every few seconds, and closing the app
 * (SIGTERM/SIGINT in the CLI) writes what is left, so no view is lost on shutdown.
 */
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ViewCounter } from '../../domain/view-counts/index.js'
import { RedisViewCounts } from '../../redis/view-counts.js'

declare module 'fastify' {
  interface FastifyInstance {
    views: ViewCounter
  }
}

export const viewsPlugin = fp<{ flushEveryMs: number }>(
  async (app, { flushEveryMs }) => {
    const counter = new ViewCounter(app.redis ? new RedisViewCounts(app.redis) : null)
    app.decorate('views', counter)
    const flush = async () => {
      try {
        await counter.flush(app.db)
      } catch (error) {
        app.log.error({ err: error }, 'writing view counts failed; kept for the next try')
      }
    }
    const timer = flushEveryMs > 0 ? setInterval(() => void flush(), flushEveryMs) : undefined
    timer?.unref()
    // Runs before the database plugin's own onClose (hooks run in reverse registration order).
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer)
      await flush()
    })
  },
  { name: 'views', dependencies: ['db', 'redis'] },
)

/** Counts a thread view by the signed-in person, or by today's hash of an anonymous visitor. */
export function recordView(req: FastifyRequest, threadId: number): void {
  const visitor = req.viewer
    ? { userId: req.viewer.id }
    : { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') }
  // Counted in memory at once, or in Redis without holding up the page; a failure is only logged.
  req.server.views.visit(threadId, visitor).catch((error: unknown) => {
    req.log.warn({ err: error }, 'view not counted')
  })
}
