/**
 * Seeded randomness for the generator: the same seed gives the same forum, byte for byte (given the
 * same `now`). mulberry32 is tiny, fast and good enough for test data; it is not for secrets.
 */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** Exponentially distributed, with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean
  }

  /**
   * Pareto-distributed whole number ≥ 0: most draws are small, a few are huge (views, boosts).
   * `scale` sets the typical size, `alpha` the tail (smaller = heavier).
   */
  pareto(scale: number, alpha: number, max: number): number {
    const x = scale * (Math.pow(1 - this.next(), -1 / alpha) - 1)
    return Math.min(max, Math.floor(x))
  }
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1 / (rank + 1)^s: rank 0 is the most popular (the "kernel"
 * tag, the most active person), the tail is long.
 */
export class Zipf {
  private readonly cdf: Float64Array

  constructor(
    readonly n: number,
    s = 1,
  ) {
    this.cdf = new Float64Array(n)
    let sum = 0
    for (let i = 0; i < n; i++) this.cdf[i] = sum += 1 / Math.pow(i + 1, s)
    for (let i = 0; i < n; i++) this.cdf[i] = (this.cdf[i] ?? 0) / sum
  }

  draw(random: Random): number {
    const u = random.next()
    let lo = 0
    let hi = this.n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.cdf[mid] ?? 1) < u) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
