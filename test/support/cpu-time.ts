/**
 * The CPU time a piece of work costs this process, for hang guards. Not wall time: a busy machine
 * stretches wall time (a render that takes 0.4 s alone took 3.6 s at a load average of 4), not the work
 * done. Speed itself is measured in bench/ (`npm run bench:hostile`), never asserted in a test.
 */
export function cpuMs<T>(work: () => T): { value: T; ms: number } {
  const before = process.cpuUsage()
  const value = work()
  const spent = process.cpuUsage(before)
  return { value, ms: (spent.user + spent.system) / 1000 }
}

/**
 * CPU time one hostile input may cost before a guard calls it a hang: more than ten times what the
 * costliest costs today (about 0.7 s), so it catches a loop that never ends or a blow-up (exponential
 * backtracking, a quadratic scan of 50k characters with a heavy step), not a modest slowdown: that is
 * the bench's to show.
 */
export const HANG_GUARD_CPU_MS = 10_000
