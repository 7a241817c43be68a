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

/**
 * Views kept where every app process counts (src/redis/view-counts.ts): one day's salt, the viewers seen
 * today, the counts not yet written. Each call rejects when the store cannot answer; the counter then
 * uses its own memory, as without one.
 */
export interface SharedViewCounts {
  /** False while the store is known to be down. */
  readonly available: boolean
  /** The salt of `day` all processes use: `candidate` when none is set yet. */
  salt(day: number, candidate: string): Promise<string>
  /** Records a view; true when it is the viewer's first of the thread on `day`. */
  record(day: number, threadId: number, viewerKey: string): Promise<boolean>
  /** Takes every pending count, leaving none (the caller writes them). */
  take(): Promise<Map<number, number>>
  /** Puts counts back that could not be written. */
  giveBack(counts: ReadonlyMap<number, number>): Promise<void>
}

/** Who viewed: a signed-in person, or an anonymous visitor known by address and browser. */
type Visitor = { userId: number } | { ip: string; userAgent: string }

export class ViewCounter {
  private day = -1
  private salt = ''
  private seen = new Set<string>()
  private pending = new Map<number, number>()
  private sharedSalt: { day: number; salt: string } | null = null
  /** Visits still on their way to the shared store; a flush waits for them. */
  private readonly inFlight = new Set<Promise<boolean>>()

  /** With `shared`, views are counted once across every process that shares it. */
  constructor(private readonly shared: SharedViewCounts | null = null) {}

  /**
   * Counts a visit: in the shared store when there is one and it answers, otherwise here. Resolves
   * true when the view counted (the visitor's first of the thread today).
   */
  async visit(threadId: number, visitor: Visitor, now = Date.now()): Promise<boolean> {
    const counting = this.count(threadId, visitor, now) // in memory: counted before this returns
    this.inFlight.add(counting)
    try {
      return await counting
    } finally {
      this.inFlight.delete(counting)
    }
  }

  private async count(threadId: number, visitor: Visitor, now: number): Promise<boolean> {
    const day = Math.floor(now / DAY_MS)
    if (this.shared?.available) {
      try {
        const key =
          'userId' in visitor
            ? `u${visitor.userId}`
            : `a${hashVisitor(await this.saltOf(this.shared, day, now), visitor)}`
        return await this.shared.record(day, threadId, key)
      } catch {
        // Redis went away: counted here, and written by this process.
      }
    }
    const key =
      'userId' in visitor
        ? `u${visitor.userId}`
        : `a${this.anonymousKey(visitor.ip, visitor.userAgent, now)}`
    return this.record(threadId, key, now)
  }

  /** A stable key for an anonymous visitor today. */
  anonymousKey(ip: string, userAgent: string, now = Date.now()): string {
    this.rollOver(now)
    return hashVisitor(this.salt, { ip, userAgent })
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

  /**
   * Writes pending counts, one UPDATE per thread, in one transaction: this process's, and those of the
   * shared store (whichever process flushes first takes them). On failure the counts are kept.
   */
  async flush(db: Db): Promise<number> {
    await Promise.allSettled([...this.inFlight])
    const own = this.pending
    this.pending = new Map()
    const shared = this.shared?.available ? await this.shared.take().catch(() => null) : null
    const batch = new Map(own)
    for (const [threadId, count] of shared ?? [])
      batch.set(threadId, (batch.get(threadId) ?? 0) + count)
    if (batch.size === 0) return 0
    try {
      await db.transaction().execute(async (trx) => {
        for (const [threadId, count] of batch) {
          await addThreadViews(trx, threadId, count)
        }
      })
    } catch (error) {
      for (const [threadId, count] of own)
        this.pending.set(threadId, (this.pending.get(threadId) ?? 0) + count)
      if (shared) await this.giveBackShared(shared)
      throw error
    }
    return batch.size
  }

  private async giveBackShared(counts: Map<number, number>): Promise<void> {
    try {
      await this.shared?.giveBack(counts)
    } catch {
      // Redis went away too: keep them here rather than lose them.
      for (const [threadId, count] of counts)
        this.pending.set(threadId, (this.pending.get(threadId) ?? 0) + count)
    }
  }

  private async saltOf(shared: SharedViewCounts, day: number, now: number): Promise<string> {
    if (this.sharedSalt?.day === day) return this.sharedSalt.salt
    this.rollOver(now)
    const salt = await shared.salt(day, randomBytes(16).toString('hex'))
    this.sharedSalt = { day, salt }
    return salt
  }

  private rollOver(now: number): void {
    const day = Math.floor(now / DAY_MS)
    if (day === this.day) return
    this.day = day
    this.salt = randomBytes(16).toString('hex')
    this.seen = new Set()
  }
}

function hashVisitor(salt: string, visitor: { ip: string; userAgent: string }): string {
  return createHash('sha256')
    .update(salt)
    .update('\0')
    .update(visitor.ip)
    .update('\0')
    .update(visitor.userAgent)
    .digest('base64url')
    .slice(0, 22)
}
