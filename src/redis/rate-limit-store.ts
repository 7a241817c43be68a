/**
 * The per-client request limit (@fastify/rate-limit) counted in Redis, so N app processes allow a client
 * RATE_LIMIT_PER_MINUTE in all rather than N times it. While Redis is down each process counts in its
 * own memory (a fixed window per key, as the plugin's own store), so the limit still holds per process.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import { LRUCache } from 'lru-cache'
import type { RedisLink } from './link.js'

/** KEYS[1]: the counter. ARGV[1]: the window (ms). Returns { count, ms left in the window }. */
const INCR = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { current, ttl }
`

interface LocalWindow {
  current: number
  endsAt: number
}

type Callback = Parameters<FastifyRateLimitStore['incr']>[1]

/** A store class for @fastify/rate-limit's `store` option, over `link`. */
export function sharedRateLimitStore(link: RedisLink): FastifyRateLimitStoreCtor {
  const incr = link.script('rate_incr', INCR, 1)
  class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly local = new LRUCache<string, LocalWindow>({ max: 50_000 })

    constructor(
      _options: unknown,
      private readonly namespace = 'rate:',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      if (!link.isUp) {
        callback(null, this.countHere(key, timeWindow))
        return
      }
      incr(link.key(this.namespace + key), timeWindow).then(
        (reply) => {
          const [current, ttl] = reply as [number, number]
          callback(null, { current, ttl })
        },
        () => callback(null, this.countHere(key, timeWindow)),
      )
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new SharedRateLimitStore(
        null,
        `${this.namespace}${String(routeOptions.method)}${routeOptions.url ?? routeOptions.path}-`,
      )
    }

    private countHere(key: string, timeWindow: number): { current: number; ttl: number } {
      const now = Date.now()
      let window = this.local.get(key)
      if (!window || window.endsAt <= now) {
        window = { current: 0, endsAt: now + timeWindow }
        this.local.set(key, window)
      }
      window.current++
      return { current: window.current, ttl: window.endsAt - now }
    }
  }
  return SharedRateLimitStore
}
