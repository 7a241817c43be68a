/**
 * Counts attempts per key in fixed windows and holds a key once it passes its limit, until the window
 * ends. In memory: one process is one forum here; several app processes would share counters through
 * Redis (DESIGN.md) behind this same interface.
 */
export interface AttemptLimiterOptions {
  max: number
  windowMs: number
}

interface Window {
  count: number
  resetAt: number
}

export class AttemptLimiter {
  private readonly windows = new Map<string, Window>()

  constructor(private readonly options: AttemptLimiterOptions) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfterS(key: string, now = Date.now()): number {
    const w = this.windows.get(key)
    if (!w || w.resetAt <= now || w.count < this.options.max) return 0
    return Math.max(1, Math.ceil((w.resetAt - now) / 1000))
  }

  /**
   * Counts one attempt now, before the work it guards, and returns 0; or, when the key is held, counts
   * nothing and returns the seconds to wait. Synchronous, so parallel requests cannot all pass a check
   * made before an await and be counted after it.
   * @example const wait = limiter.take(ip); if (wait > 0) return fail.rateLimited(wait)
   */
  take(key: string, now = Date.now()): number {
    const wait = this.retryAfterS(key, now)
    if (wait === 0) this.hit(key, now)
    return wait
  }

  /** Gives back one attempt counted by `take`, for work that turned out not to count (a success). */
  refund(key: string, now = Date.now()): void {
    const w = this.windows.get(key)
    if (w && w.resetAt > now && w.count > 0) w.count--
  }

  /** Records one attempt. */
  hit(key: string, now = Date.now()): void {
    const w = this.windows.get(key)
    if (!w || w.resetAt <= now)
      this.windows.set(key, { count: 1, resetAt: now + this.options.windowMs })
    else w.count++
    if (this.windows.size > 50_000) this.sweep(now)
  }

  reset(key: string): void {
    this.windows.delete(key)
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key)
  }
}

/** "try again in 12 minutes" / "in 1 minute" / "in 40 seconds". */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}
