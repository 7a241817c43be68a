/**
 * `npm run bench:memo-cost`: the text memo (src/domain/shared/text-memo.ts, lru-cache sized by characters)
 * against the two-generation Map it replaced, on 4,000 post-sized texts read with a skewed pattern (most
 * reads on a hot part, as replies to busy threads are). Prints, for a bound under and over the working set,
 * the share of lookups that missed (each miss is a parse) and the time per lookup, both from one run.
 */
import { memoByText } from '../src/domain/shared/text-memo.js'

/** The memo before lru-cache: two generations, the older dropped when the newer fills half the bound. */
function generationalMemo<T>(fn: (text: string) => T, maxChars: number): (text: string) => T {
  let newer = new Map<string, T>()
  let older = new Map<string, T>()
  let chars = 0
  const remember = (text: string, value: T) => {
    const half = maxChars / 2
    if (text.length > half / 8) return
    chars += text.length
    if (chars > half) {
      older = newer
      newer = new Map()
      chars = text.length
    }
    newer.set(text, value)
  }
  return (text) => {
    if (newer.has(text)) return newer.get(text) as T
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

const texts = Array.from({ length: 4000 }, (_, i) => `post ${i} `.repeat(20 + (i % 50)))
const total = texts.reduce((n, t) => n + t.length, 0)
let seed = 1
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
const reads = Array.from(
  { length: 400_000 },
  () => texts[Math.floor(texts.length * random() ** 2)] ?? '',
)

for (const share of [0.83, 2]) {
  const bound = Math.floor(total * share)
  for (const [name, make] of [
    ['two generations', generationalMemo],
    ['lru-cache', memoByText],
  ] as const) {
    let misses = 0
    const memo = make((text: string) => (misses++, text.length), bound)
    for (const text of reads.slice(0, 50_000)) memo(text) // warm up
    misses = 0
    const started = process.hrtime.bigint()
    for (let round = 0; round < 3; round++) for (const text of reads) memo(text)
    const lookups = 3 * reads.length
    const ns = Number(process.hrtime.bigint() - started) / lookups
    console.log(
      `${name.padEnd(16)} bound ${share}× the texts: ${((100 * misses) / lookups).toFixed(1)} % misses, ${ns.toFixed(0)} ns a lookup`,
    )
  }
}
