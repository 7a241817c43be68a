/**
 * Remembering what a pure function made of a text. Deriving a thread's search document, signatures and
 * similarity terms re-reads every post of the thread on each write (a reply to a 50-reply thread parses 51
 * posts), and bulk rebuilds meet the same texts again and again (templated and generated content); the
 * parse of a post whose text has not changed is looked up instead.
 */

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
 * `fn`, remembering its result for each text while the texts remembered stay under `maxChars` in total.
 * Two generations: when the newer one fills half the bound, it becomes the older and the oldest is
 * dropped; a text found in the older generation moves to the newer. A working set a little over the bound
 * keeps most of its hits (a plain "start over when full" loses nearly all of them), at no per-hit cost.
 * Results are shared between callers: treat them as read-only.
 * @example const segmentsOf = memoByText(parseSegments)
 */
export function memoByText<T>(fn: (text: string) => T, maxChars?: number): (text: string) => T {
  let newer = new Map<string, T>()
  let older = new Map<string, T>()
  let chars = 0
  const remember = (text: string, value: T) => {
    const half = (maxChars ?? budget) / 2
    if (text.length > half / 8) return // one huge text would push everything else out
    chars += text.length
    if (chars > half) {
      older = newer
      newer = new Map()
      chars = text.length
    }
    newer.set(text, value)
  }
  return (text: string): T => {
    const known = newer.get(text)
    if (known !== undefined || newer.has(text)) return known as T
    if (older.has(text)) {
      const value = older.get(text) as T
      older.delete(text)
      remember(text, value)
      return value
    }
    const value = fn(text)
    remember(text, value)
    return value
  }
}
