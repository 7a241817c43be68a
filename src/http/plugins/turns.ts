/**
 * Requests that reach a route's own work take turns, one per event-loop iteration while more than one is
 * ready (http/turns.ts says why). After the page cache, so a cached page never waits; the static assets
 * and the operators' endpoints (/healthz, /readyz, /metrics) are served from memory and skip it.
 */
import fp from 'fastify-plugin'
import { Turns } from '../turns.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The line of requests waiting for their turn (its length is a metric of how far behind the loop is). */
    turns: Turns
  }
}

export const turnsPlugin = fp(
  async (app) => {
    const turns = new Turns()
    app.decorate('turns', turns)
    app.addHook('preValidation', (req, _reply, done) => {
      // A page-cache hit has been answered by now; should its asynchronous onSend hooks still be running,
      // it must not take a turn either.
      if (req.pageCacheState?.hit === true) return done()
      if (req.routeOptions.config.operations === true || req.url.startsWith('/assets/'))
        return done()
      const wait = turns.take()
      if (wait === undefined) return done()
      void wait.then(() => done())
    })
  },
  { name: 'turns', dependencies: ['page-cache'] },
)
