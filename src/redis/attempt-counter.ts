/**
 * The sign-in attempt limits in Redis (domain/shared's SharedAttemptCounter): one counter per limiter
 * and key (`<prefix>attempts:<limiter>:<key>`) that expires with its window. One Lua script checks
 * every counter of an attempt and counts them all or none, so parallel attempts through different
 * processes cannot pass together, as in memory.
 */
import type { AttemptPair, SharedAttemptCounter } from '../domain/shared/index.js'
import type { RedisLink } from './link.js'

/** KEYS: the counters. ARGV: each one's max, then each one's window (ms). Returns the wait in ms. */
const TAKE_ALL = `
local n = #KEYS
local wait = 0
for i = 1, n do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[i]) then
    local ttl = redis.call('PTTL', KEYS[i])
    if ttl < 0 then
      redis.call('PEXPIRE', KEYS[i], ARGV[n + i])
      ttl = tonumber(ARGV[n + i])
    end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for i = 1, n do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[n + i]) end
end
return 0
`

const REFUND = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0
`

export class RedisAttemptCounter implements SharedAttemptCounter {
  private readonly takeAllScript
  private readonly refundScript

  constructor(private readonly link: RedisLink) {
    this.takeAllScript = link.script('attempts_take', TAKE_ALL)
    this.refundScript = link.script('attempts_refund', REFUND, 1)
  }

  get available(): boolean {
    return this.link.isUp
  }

  async takeAll(pairs: readonly AttemptPair[]): Promise<number> {
    const keys = pairs.map((pair) => this.keyOf(pair))
    const args = [
      ...pairs.map(([limiter]) => String(limiter.max)),
      ...pairs.map(([limiter]) => String(limiter.windowMs)),
    ]
    const waitMs = Number(await this.takeAllScript(keys.length, ...keys, ...args))
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0
  }

  async refund(pair: AttemptPair): Promise<void> {
    await this.refundScript(this.keyOf(pair))
  }

  async reset(pair: AttemptPair): Promise<void> {
    await this.link.client.del(this.keyOf(pair))
  }

  private keyOf([limiter, key]: AttemptPair): string {
    return this.link.key(`attempts:${limiter.name ?? 'unnamed'}:${key}`)
  }
}
