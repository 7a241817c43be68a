/**
 * Remembering what a pure function made of a text. Deriving a thread's search document, signatures and
 * similarity terms re-reads every post of the thread on each write (a reply to a 50-reply thread parses 51
 * posts), and bulk rebuilds meet the same texts again and again (templated and generated content); the
 * parse of a post whose text has not changed is looked up instead.
 */

import { LRUCache } from 'lru-cache'

/** Characters each memo may hold unless it was given its own bound (see {@link setTextMemoBudget}). */
let budget = 2_000_000

/**
 * Sets the bound of every memo that has none of its own, from now on. The server keeps the default (its
 * memory target); a worker thread deriving a whole forum (domain/threads/derive.worker.ts) raises it, since
 * its memory is its own and is freed when the rebuild ends.
 */
export function setTextMemoBudget(chars: number): void {
  budget = chars
}

/**
 * `fn`, remembering its result for each text while the texts remembered stay under `maxChars` in total,
 * the least recently used going first (lru-cache, sized by characters); a text over a sixteenth of the
 * bound is never kept (one huge text would push everything else out). A budget set with
 * setTextMemoBudget applies from the memo's next call (it starts empty under the new bound).
 * lru-cache over the two-generation Map it replaced, measured with `npm run bench:memo-cost` (4,000
 * post-sized texts, skewed reads, two runs on a loaded 2-core machine): at a bound of 0.83× the texts
 * 10.9 % misses against 33.9 %, for ~340 ns a lookup against ~220 ns; at 2× both miss nothing, 124–190 ns
 * against 110–126 ns. A miss is a parse (tens of microseconds and up), so fewer misses win.
 * Results are shared between callers: treat them as read-only.
 * @example const segmentsOf = memoByText(parseSegments)
 */
export function memoByText<T>(fn: (text: string) => T, maxChars?: number): (text: string) => T {
  let madeFor = -1
  let cache: LRUCache<string, { value: T }> | null = null
  return (text: string): T => {
    if (cache === null || (maxChars === undefined && madeFor !== budget)) {
      madeFor = budget
      const bound = Math.max(16, Math.floor(maxChars ?? budget))
      cache = new LRUCache({
        maxSize: bound,
        maxEntrySize: Math.floor(bound / 16),
        sizeCalculation: (_value, key) => Math.max(1, key.length),
      })
    }
    const known = cache.get(text)
    if (known !== undefined) return known.value
    const value = fn(text)
    cache.set(text, { value })
    return value
  }
}
