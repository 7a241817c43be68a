/**
 * Counts attempts per key in fixed windows and holds a key once it passes its limit, until the window
 * ends. The counters live in this process's memory; the sign-in limits also go through
 * {@link takeAttempts}, which counts in a store every app process shares (Redis, when REDIS_URL is set:
 * see {@link shareAttemptCounts}) and falls back to this memory while that store does not answer.
 */
import { msg, type Message } from './message.js'

export interface AttemptLimiterOptions {
  max: number
  windowMs: number
  /** Names the limiter's counters in a shared store; a limiter without a name is always per process. */
  name?: string
}

/** One attempt to count: which limiter, and whose key. */
export type AttemptPair = readonly [AttemptLimiter, string]

/**
 * Counters every app process shares (src/redis/attempt-counter.ts). Each call rejects when the store
 * cannot answer; the caller then counts in memory instead.
 */
export interface SharedAttemptCounter {
  /** False while the store is known to be down: the memory is used without trying it. */
  readonly available: boolean
  /** Counts one attempt for every pair, or none when one is held: then the longest wait in seconds. */
  takeAll(pairs: readonly AttemptPair[]): Promise<number>
  /** Gives back one attempt (never below zero). */
  refund(pair: AttemptPair): Promise<void>
  /** Forgets the key's counter. */
  reset(pair: AttemptPair): Promise<void>
}

let shared: SharedAttemptCounter | null = null

/**
 * Makes {@link takeAttempts}, {@link refundAttempt} and {@link resetAttempts} count in `counter` (null:
 * memory only). Returns the function that undoes it.
 */
export function shareAttemptCounts(counter: SharedAttemptCounter): () => void {
  shared = counter
  return () => {
    if (shared === counter) shared = null
  }
}

/** The shared counter when every limiter of `pairs` has a name and the store is up. */
function sharedFor(pairs: readonly AttemptPair[]): SharedAttemptCounter | null {
  if (!shared?.available) return null
  return pairs.every(([limiter]) => limiter.name !== undefined) ? shared : null
}

/**
 * Counts one attempt against every (limiter, key) pair, or none when any of them is held: then the
 * longest wait in seconds. In memory the decision is made before the first await, so parallel requests
 * cannot all pass; in the shared store one script checks and counts (atomic in Redis).
 * @example const wait = await takeAttempts([[authLimits.ip, ip]]); if (wait > 0) return fail.rateLimited(wait)
 */
export async function takeAttempts(
  pairs: readonly AttemptPair[],
  now = Date.now(),
): Promise<number> {
  const store = sharedFor(pairs)
  if (store) {
    try {
      return await store.takeAll(pairs)
    } catch {
      // Redis went away between the check and the call: count here, as every process now does.
    }
  }
  const wait = Math.max(0, ...pairs.map(([limiter, key]) => limiter.retryAfterS(key, now)))
  if (wait === 0) for (const [limiter, key] of pairs) limiter.hit(key, now)
  return wait
}

/** Gives back one attempt counted by {@link takeAttempts}, where it was counted. */
export async function refundAttempt(pair: AttemptPair, now = Date.now()): Promise<void> {
  const store = sharedFor([pair])
  if (store) {
    try {
      await store.refund(pair)
      return
    } catch {
      // counted here while the store was away, if at all
    }
  }
  pair[0].refund(pair[1], now)
}

/** Forgets a key's attempts, shared and in memory. */
export async function resetAttempts(pair: AttemptPair): Promise<void> {
  pair[0].reset(pair[1])
  const store = sharedFor([pair])
  if (store) await store.reset(pair).catch(() => {})
}

interface Window {
  count: number
  resetAt: number
}

/** Every limiter made in this process, for {@link forgetEveryAttempt}. */
const limiters = new Set<AttemptLimiter>()

/**
 * Empties the counters of every limiter in this process, held keys included. For a process that starts
 * over with another forum, whose ids and addresses mean other people: the test runner, which runs many
 * test files (each with a fresh database) in one process.
 */
export function forgetEveryAttempt(): void {
  for (const limiter of limiters) limiter.forgetAll()
}

export class AttemptLimiter {
  private readonly windows = new Map<string, Window>()

  constructor(private readonly options: AttemptLimiterOptions) {
    limiters.add(this)
  }

  get name(): string | undefined {
    return this.options.name
  }

  get max(): number {
    return this.options.max
  }

  get windowMs(): number {
    return this.options.windowMs
  }

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

  /** Forgets every key's counter. */
  forgetAll(): void {
    this.windows.clear()
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key)
  }
}

/**
 * How long to wait, as a message for "Try again in {wait}.": "12 minutes", "1 minute", "40 seconds".
 * @example translate(locale, wait.message, wait.values) // "5 minutes", "5 Minuten"
 */
export function describeWait(seconds: number): Message {
  if (seconds < 60)
    return { message: msg('{n, plural, one {# second} other {# seconds}}'), values: { n: seconds } }
  const minutes = Math.ceil(seconds / 60)
  return { message: msg('{n, plural, one {# minute} other {# minutes}}'), values: { n: minutes } }
}
