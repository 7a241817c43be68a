/**
 * The admission rule of Quorum's in-memory caches of rendered HTML (the page cache's store, the fragment
 * cache): an item is kept from its second use on. A crawler meets most pages and posts once, and keeping
 * each of those pushed out what readers were using and left old-generation garbage (docs/performance.md,
 * issue 29). This remembers the keys met once, bounded by their characters, not their number, so long
 * keys (a URL with a long query string) cannot grow it.
 */
import { LRUCache } from 'lru-cache'

/** What a remembered key weighs beyond its characters (the LRU's own bookkeeping), in characters. */
const KEY_OVERHEAD = 64

export class SecondSight {
  private readonly seen: LRUCache<string | number, true>

  /** Remembers keys of up to `maxChars` characters in all (each weighs its length and 64 more). */
  constructor(maxChars: number) {
    this.seen = new LRUCache({
      maxSize: Math.max(16 * KEY_OVERHEAD, Math.floor(maxChars)),
      sizeCalculation: (_value, key) => String(key).length + KEY_OVERHEAD,
    })
  }

  /**
   * Whether `key` was met before (or {@link remember}ed): true, and it is forgotten, since its item is
   * kept now; false the first time, and it is remembered.
   * @example if (!firstUses.again(url)) return page // sent, not kept
   */
  again(key: string | number): boolean {
    if (this.seen.delete(key)) return true
    this.seen.set(key, true)
    return false
  }

  /** Marks `key` as met, so its next use is kept at once (an item that went stale or out for room). */
  remember(key: string | number): void {
    this.seen.set(key, true)
  }

  clear(): void {
    this.seen.clear()
  }
}
