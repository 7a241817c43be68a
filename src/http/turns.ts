/**
 * Turns: requests that miss every cache start their work one per event-loop iteration once more than one
 * is ready, so the loop reaches its poll phase (new connections, new requests, responses being written)
 * between two of them.
 *
 * Why: on SQLite the driver is synchronous, so a request that misses the page cache runs from routing to
 * its last byte without giving the loop back. When 50 such requests arrive in one poll phase, one
 * iteration runs all 50 (~100 ms of uncached pages), and Node accepts one new connection per iteration:
 * at 64 connections the last ones waited 2.5–4.8 s for their first answer (docs/performance-log.md,
 * 2026-12-05, "SQLite's p99 of seconds"). Taking turns makes an iteration one page long. A lone request
 * pays one `setImmediate` (a few microseconds) and never waits; PostgreSQL's driver gives the loop back at
 * every query anyway, and its requests keep their order here.
 */
export class Turns {
  private readonly waiting: (() => void)[] = []
  private waitedCount = 0
  /** True from the moment a request starts until the check phase of that iteration has run. */
  private taken = false
  private readonly next = () => {
    const start = this.waiting.shift()
    if (start === undefined) {
      this.taken = false
      return
    }
    // Its work runs in the microtasks after this callback; the next turn is this callback again, in the
    // next iteration's check phase (an immediate queued while immediates run waits for the next one).
    start()
    setImmediate(this.next)
  }

  /** Requests waiting for their turn. */
  get queued(): number {
    return this.waiting.length
  }

  /** Requests that have waited for a turn since the process started. */
  get waited(): number {
    return this.waitedCount
  }

  /**
   * Resolves when the caller may start: at once (undefined) when no request started in this iteration and
   * none waits, else in a later iteration, first come first served.
   * @example const wait = turns.take(); if (wait) await wait
   */
  take(): Promise<void> | undefined {
    if (!this.taken && this.waiting.length === 0) {
      this.taken = true
      setImmediate(this.next)
      return undefined
    }
    this.waitedCount++
    return new Promise<void>((resolve) => this.waiting.push(resolve))
  }
}
