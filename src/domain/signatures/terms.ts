/**
 * The words a thread is about, for similar threads: identifiers kept whole (`vnop_lookup`, `iousbhostinterface`)
 * and split at underscores, English words lightly stemmed, stop words, numbers, addresses and hashes dropped.
 * Each part of a thread weighs differently: its title most, its question's prose next, code and logs less
 * (a pasted log repeats noise), replies least.
 */
import { SIMILARITY_STOP_WORDS } from './data/stopwords.js'
import { memoByText } from '../shared/index.js'
import { segmentsOf, type SegmentKind } from './segments.js'

/** Terms kept per thread: enough to describe it, few enough that the index stays small. */
export const MAX_TERMS = 200

/** A part of a thread (its title, question or a reply) as terms with their counts, and how much the part weighs. */
export interface WeightedTerms {
  counts: ReadonlyMap<string, number>
  weight: number
}

const SEGMENT_WEIGHT: Readonly<Record<SegmentKind, number>> = {
  prose: 1,
  inline: 1,
  code: 0.5,
  log: 0.4,
}
const TOKEN_RE = /[A-Za-z_][A-Za-z0-9_]*/g

/**
 * The weighted parts of a thread: title, question and replies, each post's segments weighted by their kind.
 * @example threadTerms('Panic in vnop_lookup', 'It panics…', ['Try cache_purge.'])
 */
export function threadTerms(
  title: string,
  question: string,
  replies: readonly string[] = [],
): WeightedTerms[] {
  const parts: WeightedTerms[] = [
    { counts: termCounts(title), weight: 3 },
    { counts: postTermCounts(question), weight: 1 },
  ]
  for (const reply of replies) parts.push({ counts: postTermCounts(reply), weight: 0.3 })
  return parts
}

/**
 * A thread's term vector: (1 + ln tf) per term, normalised to length 1, the {@link MAX_TERMS} heaviest kept.
 * @example similarityTerms(threadTerms('vnode_put panics', '')) // Map { 'vnode_put' => …, 'vnode' => …, 'put' => …, 'panic' => … }
 */
export function similarityTerms(
  parts: readonly WeightedTerms[],
  max = MAX_TERMS,
): Map<string, number> {
  const tf = new Map<string, number>()
  for (const { counts, weight } of parts) {
    for (const [term, count] of counts) tf.set(term, (tf.get(term) ?? 0) + weight * count)
  }
  const scored: [term: string, weight: number][] = []
  for (const [term, f] of tf) {
    const w = 1 + Math.log(f)
    if (w > 0) scored.push([term, w])
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  if (scored.length > max) scored.length = max
  let sum = 0
  for (const [, w] of scored) sum += w * w
  const norm = Math.sqrt(sum) || 1
  const vector = new Map<string, number>()
  for (const [term, w] of scored) vector.set(term, w / norm)
  return vector
}

/**
 * A post's terms, each count weighted by the kind of segment it was found in, remembered per text: a
 * thread's posts are read again on every write to it, so only a new or edited post is counted anew.
 */
const postTermCounts = memoByText((markdown: string): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>()
  for (const segment of segmentsOf(markdown)) {
    const weight = SEGMENT_WEIGHT[segment.kind]
    for (const [term, count] of termCounts(segment.text))
      counts.set(term, (counts.get(term) ?? 0) + weight * count)
  }
  return counts
})

/**
 * The terms of one text with how often each occurs (a part of an underscored identifier counts half),
 * remembered per text (a code block quoted in several posts is counted once).
 */
const termCounts = memoByText((text: string): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>()
  const add = (term: string, n: number) => counts.set(term, (counts.get(term) ?? 0) + n)
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0]
    const whole = normaliseTerm(raw)
    if (whole !== null) add(whole, 1)
    if (raw.includes('_')) {
      for (const part of raw.split('_')) {
        const p = normaliseTerm(part)
        if (p !== null && p !== whole) add(p, 0.5)
      }
    }
  }
  return counts
})

/** A token as a term, or null when it says nothing: stop words, short tokens, numbers, hex, hashes. */
export function normaliseTerm(raw: string): string | null {
  const t = raw.replace(/^_+|_+$/g, '').toLowerCase()
  if (t.length < 3 || t.length > 40) return null
  if (SIMILARITY_STOP_WORDS.has(t)) return null
  if (/^0x/.test(t) || /^[0-9a-f]{6,}$/.test(t)) return null
  const digits = t.replace(/\D/g, '').length
  if (digits * 2 > t.length) return null
  return /^[a-z]+$/.test(t) ? stem(t) : t
}

/** A light English stemmer: "panics", "panicked", "panicking" → "panic"; "caches" → "cache"; "locking" → "lock". */
function stem(word: string): string {
  if (word.length <= 4) return word
  const cut = (n: number, add = '') => (word.length - n >= 3 ? word.slice(0, -n) + add : word)
  if (word.endsWith('ies')) return cut(3, 'y')
  if (/ick(?:ed|ing)$/.test(word)) return word.replace(/k(?:ed|ing)$/, '') // panicked → panic
  if (word.endsWith('ing')) return cut(3)
  if (word.endsWith('ed')) return cut(2)
  if (/(?:ss|x|z|sh)es$/.test(word)) return cut(2)
  if (word.endsWith('s') && !word.endsWith('ss')) return cut(1)
  return word
}
