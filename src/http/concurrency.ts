/**
 * A bound on how many calls of one kind run at once; the rest wait, first come first served, before they
 * start. The search page uses it: on PostgreSQL every search in flight holds its rows while it waits for
 * its next query, so 64 at once held 45 MB more heap than 8 at once for the same throughput (the queries
 * queue for the pool's connections anyway; docs/performance-log.md, 2026-12-03 morning).
 */
export class ConcurrencyLimit {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1)
      throw new Error(`max must be a whole number ≥ 1, not ${max}`)
  }

  /** Calls waiting for a turn. */
  get queued(): number {
    return this.waiting.length
  }

  /** Calls running now. */
  get running(): number {
    return this.active
  }

  /**
   * Runs `fn` when fewer than `max` others run; its slot passes to the next in line when it settles,
   * whether it resolved or threw. When `signal` aborts while the call still waits for its turn, the call
   * leaves the line and rejects with the signal's reason, and `fn` never runs: a search whose reader has
   * gone costs nothing. Once `fn` has started, the signal no longer matters here.
   * @example const page = await searches.run(() => searchThreads(db, dialect, request), gone.signal)
   */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted()
    if (this.active < this.max) this.active++
    else await this.turn(signal)
    try {
      return await fn()
    } finally {
      const next = this.waiting.shift()
      if (next)
        next() // the slot goes straight to the next caller: `active` stays the same
      else this.active--
    }
  }

  /** Waits in line until a finishing call hands over its slot, or leaves the line when `signal` aborts. */
  private turn(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', leave)
        resolve()
      }
      const leave = () => {
        const at = this.waiting.indexOf(start)
        if (at >= 0) this.waiting.splice(at, 1)
        reject(signal?.reason)
      }
      this.waiting.push(start)
      signal?.addEventListener('abort', leave, { once: true })
    })
  }
}
