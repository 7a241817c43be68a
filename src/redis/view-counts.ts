/**
 * The view counter's shared part in Redis (domain/view-counts' SharedViewCounts): the day's salt for
 * anonymous visitors (`<prefix>views:salt:<day>`), the viewers seen today (a set per day, gone a day
 * later) and the counts not yet written (one hash). Whichever process flushes first takes the hash and
 * writes it; a view seen through one process is not counted again through another.
 */
import type { SharedViewCounts } from '../domain/view-counts/index.js'
import type { RedisLink } from './link.js'

const DAY_MS = 86_400_000

/** KEYS: the day's seen set, the pending hash. ARGV: member, thread id, the set's lifetime (ms). */
const RECORD = `
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
return 1
`

/** KEYS[1]: the pending hash, taken whole. */
const TAKE = `
local counts = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
return counts
`

const SALT = `
redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
return redis.call('GET', KEYS[1])
`

export class RedisViewCounts implements SharedViewCounts {
  private readonly pendingKey: string
  private readonly scripts

  constructor(private readonly link: RedisLink) {
    this.pendingKey = link.key('views:pending')
    this.scripts = {
      record: link.script('views_record', RECORD, 2),
      take: link.script('views_take', TAKE, 1),
      salt: link.script('views_salt', SALT, 1),
    }
  }

  get available(): boolean {
    return this.link.isUp
  }

  async salt(day: number, candidate: string): Promise<string> {
    const reply = await this.scripts.salt(
      this.link.key(`views:salt:${day}`),
      candidate,
      String(2 * DAY_MS),
    )
    return String(reply)
  }

  async record(day: number, threadId: number, viewerKey: string): Promise<boolean> {
    const reply = await this.scripts.record(
      this.link.key(`views:seen:${day}`),
      this.pendingKey,
      `${threadId}:${viewerKey}`,
      String(threadId),
      String(2 * DAY_MS),
    )
    return reply === 1
  }

  async take(): Promise<Map<number, number>> {
    const flat = (await this.scripts.take(this.pendingKey)) as string[]
    const counts = new Map<number, number>()
    for (let i = 0; i + 1 < flat.length; i += 2) counts.set(Number(flat[i]), Number(flat[i + 1]))
    return counts
  }

  async giveBack(counts: ReadonlyMap<number, number>): Promise<void> {
    if (counts.size === 0) return
    const tx = this.link.client.multi()
    for (const [threadId, count] of counts) tx.hincrby(this.pendingKey, String(threadId), count)
    await tx.exec()
  }
}
