/** Makes the database handle available to routes as `app.db` and `req.db`, and its change feed to plugins. */
import fp from 'fastify-plugin'
import type { ChangeFeed } from '../../db/change-feed.js'
import type { ChannelListener } from '../../db/notify-channel.js'
import type { DbHandle, PoolStats } from '../../db/connect.js'
import type { Db } from '../../db/schema.js'
import type { Dialect } from '../../config.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    dialect: Dialect
    /** PostgreSQL's change feed on a connection of its own (db/change-feed.ts); null on SQLite. */
    openChangeFeed(): ChangeFeed | null
    /** PostgreSQL: a listener for messages other processes send on `channel`; null on SQLite. */
    listenOnChannel(channel: string, onMessage: (message: unknown) => void): ChannelListener | null
    /** PostgreSQL: the pool's connections now; null on SQLite (one connection, no pool). */
    poolStats(): PoolStats | null
  }
  interface FastifyRequest {
    db: Db
  }
}

export const dbPlugin = fp<{ handle: DbHandle; closeOnShutdown: boolean }>(
  async (app, { handle, closeOnShutdown }) => {
    app.decorate('db', handle.db)
    app.decorate('dialect', handle.dialect)
    app.decorate('poolStats', () => handle.poolStats?.() ?? null)
    app.decorate('openChangeFeed', () => handle.openChangeFeed?.() ?? null)
    app.decorate(
      'listenOnChannel',
      (channel: string, onMessage: (message: unknown) => void) =>
        handle.listen?.(channel, onMessage) ?? null,
    )
    app.decorateRequest('db', {
      getter() {
        return handle.db
      },
    })
    if (closeOnShutdown) app.addHook('onClose', async () => handle.close())
  },
  { name: 'db' },
)
