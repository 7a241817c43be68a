/**
 * A bound on how many calls of one kind run at once; the rest wait, first come first served, before they
 * start. The search page uses it: on PostgreSQL every search in flight holds its rows while it waits for
 * its next query, so 64 at once held 45 MB more heap than 8 at once for the same throughput (the queries
 * queue for the pool's connections anyway; docs/performance.md, "What holds them back").
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

  /**
   * Runs `fn` when fewer than `max` others run; its slot passes to the next in line when it settles,
   * whether it resolved or threw.
   * @example const page = await searches.run(() => searchThreads(db, dialect, request))
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.max) this.active++
    else await new Promise<void>((resolve) => this.waiting.push(resolve))
    try {
      return await fn()
    } finally {
      const next = this.waiting.shift()
      if (next)
        next() // the slot goes straight to the next caller: `active` stays the same
      else this.active--
    }
  }
}
