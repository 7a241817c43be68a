/**
 * `app.siteSettings`: the settings staff edit at /admin/settings, kept per process and read again at
 * most every 5 s (src/domain/site-settings). Loaded before the first request and refreshed on the way
 * into each request, so `siteFor` and the routes read them without waiting.
 */
import fp from 'fastify-plugin'
import { SiteSettingsStore } from '../../domain/site-settings/index.js'

declare module 'fastify' {
  interface FastifyInstance {
    siteSettings: SiteSettingsStore
  }
}

const SETTINGS_CHANNEL = 'site_settings'

export const siteSettingsPlugin = fp(
  async (app) => {
    const store = new SiteSettingsStore(app.db)
    app.decorate('siteSettings', store)
    // With Redis, a change made through one process is read again by the others on their next
    // request, not up to 5 s later.
    const redis = app.redis
    if (redis) {
      redis.subscribe(SETTINGS_CHANNEL, () => store.forget())
      store.onSaved = () => {
        redis.publish(SETTINGS_CHANNEL, { changed: true }).catch(() => {
          // Redis is down: the others read the table again within 5 s anyway.
        })
      }
    }
    app.addHook('onReady', async () => {
      await store.get()
    })
    // Callback style: a fresh store costs no promise on the cached pages' path.
    app.addHook('onRequest', (req, _reply, done) => {
      // /healthz and the other operators' endpoints never wait for the database.
      if (req.routeOptions.config.operations) return done()
      const stale = store.refreshIfStale()
      if (stale) stale.then(() => done(), done)
      else done()
    })
  },
  { name: 'site-settings', dependencies: ['db', 'redis'] },
)
