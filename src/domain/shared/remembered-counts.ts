/**
 * Counts that are expensive to make and move slowly, remembered per process: how many threads hold a term,
 * a signature, a search phrase. Only counts of at least `from` are kept: a large count reads that many index
 * entries and a thread more or less does not change it, while a small one is cheap to make again and one new
 * thread can double it. Each is used for `ttlMs` (by the caller's clock, so tests can move it); past
 * `entries` of them the least recently used goes (lru-cache).
 */
import { LRUCache } from 'lru-cache'

export class RememberedCounts {
  private readonly entries: LRUCache<string, { n: number; at: number }>

  constructor(private readonly limits: { from: number; ttlMs: number; entries: number }) {
    this.entries = new LRUCache({ max: limits.entries })
  }

  /**
   * The count of each key: from memory where it is fresh, the others from one call of `count` (given them in
   * order, answering one count each).
   * @example await memory.of(['"panic"', '"zone"'], (missing) => countEach(db, missing), Date.now())
   */
  async of(
    keys: readonly string[],
    count: (missing: string[]) => Promise<readonly number[]>,
    now: number,
  ): Promise<number[]> {
    const out = new Array<number>(keys.length).fill(0)
    const missing: number[] = []
    keys.forEach((key, i) => {
      const known = this.entries.get(key)
      if (known && now - known.at < this.limits.ttlMs) out[i] = known.n
      else missing.push(i)
    })
    if (missing.length === 0) return out
    const counted = await count(missing.map((i) => keys[i] ?? ''))
    missing.forEach((i, j) => {
      const n = counted[j] ?? 0
      out[i] = n
      if (n >= this.limits.from) this.entries.set(keys[i] ?? '', { n, at: now })
    })
    return out
  }

  /** Forgets every count (tests that rebuild an index between two reads). */
  clear(): void {
    this.entries.clear()
  }
}
