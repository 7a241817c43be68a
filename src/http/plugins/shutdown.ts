/**
 * Stopping in bounded time. `app.close()` (SIGTERM or SIGINT in the CLI) stops accepting connections and
 * waits until every open connection has ended; Node itself closes only those idle between two requests.
 * - A connection on which no request has started yet (a browser opens spare ones ahead of need and keeps
 *   them for as long as it runs) is closed when closing begins: once the server has stopped listening,
 *   nothing times it out, and it held the close until the browser quit.
 * - While closing, every response says `Connection: close`, so the connection of a request that was in
 *   flight ends with its response instead of idling, kept alive, until the keep-alive timeout (72 s).
 * - After the grace period ({@link SHUTDOWN_GRACE_MS}), the connections still open are closed: a stalled
 *   upload or a client that never reads must not keep a server that was asked to stop running.
 * The live streams, the job in hand and the database have their own close hooks (live, jobs, db).
 */
import type { Socket } from 'node:net'
import fp from 'fastify-plugin'

/** How long a closing server waits for its requests in flight before it closes their connections. */
export const SHUTDOWN_GRACE_MS = 10_000

declare module 'fastify' {
  interface FastifyInstance {
    shutdown: {
      /** Whether the process is on its way out (draining or closing): /readyz answers 503. */
      readonly draining: boolean
      /**
       * Goes on serving, but every response says `Connection: close` and /readyz answers 503, so kept-alive
       * clients and load balancers move away before `close()` (a worker of `quorum start --workers`).
       */
      drain(): void
    }
  }
}

export const shutdownPlugin = fp<{ graceMs?: number }>(
  async (app, options) => {
    const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS
    const sockets = new Set<Socket>()
    let closing = false
    app.decorate('shutdown', {
      get draining() {
        return closing
      },
      drain: () => {
        closing = true
      },
    })
    app.server.on('connection', (socket: Socket) => {
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
    })
    app.addHook('onSend', (_req, reply, payload, done) => {
      if (closing) reply.header('connection', 'close')
      done(null, payload)
    })
    app.addHook('preClose', async () => {
      closing = true
      const closeUnused = () => {
        for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy()
      }
      closeUnused()
      // Again once the server has stopped listening (right after the preClose hooks), for any
      // connection accepted in between.
      setImmediate(closeUnused)
      const deadline = setTimeout(() => {
        app.log.warn({ graceMs }, 'closing the connections still open after the grace period')
        app.server.closeAllConnections()
      }, graceMs)
      deadline.unref()
      // Emitted once the last connection has ended (at once when the server never listened).
      app.server.once('close', () => clearTimeout(deadline))
    })
  },
  { name: 'shutdown' },
)
