/**
 * The words a thread is about, for similar threads: identifiers kept whole (`vnop_lookup`, `iousbhostinterface`)
 * and split at underscores, English words lightly stemmed, stop words, numbers, addresses and hashes dropped.
 * Each part of a thread weighs differently: its title most, its question's prose next, code and logs less
 * (a pasted log repeats noise), replies least.
 */
import { SIMILARITY_STOP_WORDS } from './data/stopwords.js'
import { memoByText } from '../shared/text-memo.js'
import { segmentsOf, type SegmentKind } from './segments.js'

/** Terms kept per thread: enough to describe it, few enough that the index stays small. */
export const MAX_TERMS = 200

/** A piece of text and how much its words count. */
export interface WeightedText {
  text: string
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
 * The weighted texts of a thread: title, question and replies, each cut into segments.
 * @example threadTexts('Panic in vnop_lookup', 'It panics…', ['Try cache_purge.'])
 */
export function threadTexts(
  title: string,
  question: string,
  replies: readonly string[] = [],
): WeightedText[] {
  const texts: WeightedText[] = [{ text: title, weight: 3 }]
  for (const s of segmentsOf(question)) texts.push({ text: s.text, weight: SEGMENT_WEIGHT[s.kind] })
  for (const reply of replies) {
    for (const s of segmentsOf(reply))
      texts.push({ text: s.text, weight: 0.3 * SEGMENT_WEIGHT[s.kind] })
  }
  return texts
}

/**
 * A thread's term vector: (1 + ln tf) per term, normalised to length 1, the {@link MAX_TERMS} heaviest kept.
 * @example similarityTerms([{ text: 'vnode_put panics', weight: 1 }]) // Map { 'vnode_put' => …, 'vnode' => …, 'put' => …, 'panic' => … }
 */
export function similarityTerms(
  texts: readonly WeightedText[],
  max = MAX_TERMS,
): Map<string, number> {
  const tf = new Map<string, number>()
  for (const { text, weight } of texts) {
    for (const [term, count] of termCounts(text)) tf.set(term, (tf.get(term) ?? 0) + weight * count)
  }
  const scored = [...tf]
    .map(([term, f]) => [term, 1 + Math.log(f)] as const)
    .filter(([, w]) => w > 0)
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const kept = scored.slice(0, max)
  const norm = Math.sqrt(kept.reduce((n, [, w]) => n + w * w, 0)) || 1
  return new Map(kept.map(([term, w]) => [term, w / norm]))
}

/**
 * The terms of one text with how often each occurs (a part of an underscored identifier counts half),
 * remembered per text: a thread's term vector is the weighted sum of its texts'.
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
