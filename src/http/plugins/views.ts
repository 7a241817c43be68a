/**
 * Owns the view counter: thread pages record views in memory; a timer writes them every few seconds,
 * and closing the app (SIGTERM/SIGINT in the CLI) writes what is left, so no view is lost on shutdown.
 */
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ViewCounter } from '../../domain/view-counts/index.js'

declare module 'fastify' {
  interface FastifyInstance {
    views: ViewCounter
  }
}

export const viewsPlugin = fp<{ flushEveryMs: number }>(
  async (app, { flushEveryMs }) => {
    const counter = new ViewCounter()
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
  { name: 'views', dependencies: ['db'] },
)

/** Counts a thread view by the signed-in person, or by today's hash of an anonymous visitor. */
export function recordView(req: FastifyRequest, threadId: number): void {
  const key = req.viewer
    ? `u${req.viewer.id}`
    : `a${req.server.views.anonymousKey(req.ip, String(req.headers['user-agent'] ?? ''))}`
  req.server.views.record(threadId, key)
}
