/** Makes the database handle available to routes as `app.db` and `req.db`. */
import fp from 'fastify-plugin'
import type { DbHandle } from '../../db/connect.js'
import type { Db } from '../../db/schema.js'
import type { Dialect } from '../../config.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    dialect: Dialect
  }
  interface FastifyRequest {
    db: Db
  }
}

export const dbPlugin = fp<{ handle: DbHandle; closeOnShutdown: boolean }>(
  async (app, { handle, closeOnShutdown }) => {
    app.decorate('db', handle.db)
    app.decorate('dialect', handle.dialect)
    app.decorateRequest('db', {
      getter() {
        return handle.db
      },
    })
    if (closeOnShutdown) app.addHook('onClose', async () => handle.close())
  },
  { name: 'db' },
)
