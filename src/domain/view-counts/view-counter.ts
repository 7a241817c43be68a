/**
 * Thread views, counted once per viewer per thread per day and written in batches: a burst of 10,000
 * views of one thread becomes one UPDATE. Reads never wait on a write. Anonymous viewers are known only
 * by a hash of their address and browser with a salt that changes every day, so no stored value can be
 * traced back to a person (and yesterday's hashes cannot be matched to today's).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../../db/schema.js'
import { addThreadViews } from '../thread-lists/index.js'

const DAY_MS = 86_400_000

export class ViewCounter {
  private day = -1
  private salt = ''
  private seen = new Set<string>()
  private pending = new Map<number, number>()

  /** A stable key for an anonymous visitor today. */
  anonymousKey(ip: string, userAgent: string, now = Date.now()): string {
    this.rollOver(now)
    return createHash('sha256')
      .update(this.salt)
      .update('\0')
      .update(ip)
      .update('\0')
      .update(userAgent)
      .digest('base64url')
      .slice(0, 22)
  }

  /** Records a view; returns true when it counted (first from this viewer today). */
  record(threadId: number, viewerKey: string, now = Date.now()): boolean {
    this.rollOver(now)
    const key = `${threadId}:${viewerKey}`
    if (this.seen.has(key)) return false
    this.seen.add(key)
    this.pending.set(threadId, (this.pending.get(threadId) ?? 0) + 1)
    return true
  }

  /** Views recorded but not yet written. */
  get pendingCount(): number {
    let n = 0
    for (const count of this.pending.values()) n += count
    return n
  }

  /** Writes pending counts, one UPDATE per thread, in one transaction. On failure the counts are kept. */
  async flush(db: Db): Promise<number> {
    if (this.pending.size === 0) return 0
    const batch = this.pending
    this.pending = new Map()
    try {
      await db.transaction().execute(async (trx) => {
        for (const [threadId, count] of batch) {
          await addThreadViews(trx, threadId, count)
        }
      })
    } catch (error) {
      for (const [threadId, count] of batch)
        this.pending.set(threadId, (this.pending.get(threadId) ?? 0) + count)
      throw error
    }
    return batch.size
  }

  private rollOver(now: number): void {
    const day = Math.floor(now / DAY_MS)
    if (day === this.day) return
    this.day = day
    this.salt = randomBytes(16).toString('hex')
    this.seen = new Set()
  }
}
