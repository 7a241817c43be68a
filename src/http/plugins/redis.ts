/**
 * `app.redis`: the link to REDIS_URL (src/redis/link.ts), or null without it. With a link, the sign-in
 * attempt limits count in Redis (domain/shared's shareAttemptCounts); the request limit, the view
 * counter, live updates and the settings store pick the link up in their own plugins. Closing the app
 * closes the link after everything registered later (hooks run in reverse order).
 */
import fp from 'fastify-plugin'
import { shareAttemptCounts } from '../../domain/shared/index.js'
import { RedisAttemptCounter } from '../../redis/attempt-counter.js'
import { RedisLink } from '../../redis/link.js'

declare module 'fastify' {
  interface FastifyInstance {
    redis: RedisLink | null
  }
}

export const redisPlugin = fp(
  async (app) => {
    const config = app.config.redis
    if (!config) {
      app.decorate('redis', null)
      return
    }
    const log = app.log.child({ component: 'redis' })
    const link = new RedisLink(config.url, config.prefix, {
      warn: (fields, message) => log.warn(fields, message),
      info: (fields, message) => log.info(fields, message),
    })
    app.decorate('redis', link)
    // Quorum serves on while Redis is away (limits per process): a report, not a readiness check.
    app.addHealthReport('redis', () => link.health())
    const unshare = shareAttemptCounts(new RedisAttemptCounter(link))
    app.addHook('onClose', async () => {
      unshare()
      await link.close()
    })
  },
  { name: 'redis', dependencies: ['health'] },
)
