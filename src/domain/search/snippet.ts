/**
 * Highlighted titles and snippets, cut from plain text in JavaScript (not with FTS5's snippet() or
 * ts_headline), so both engines show the same thing and the output is data, not HTML: a list of text runs,
 * some marked. Views render the runs as text and `<mark>` elements, and Preact escapes them.
 */
import type { QueryTerm, TextPart } from './search.types.js'
import { memoByText } from '../shared/index.js'
import { analyseToken, isPlainWord, scanTokenSpans } from './tokenize.js'

/** Snippet length in characters, before the "…" at either end. */
export const SNIPPET_LENGTH = 240
/** Where the first match sits in the window: this many characters of context before it. */
const LEAD = 60
/** Match positions looked at when choosing the window. */
const MAX_HITS = 200
/**
 * Identifier tokens analysed for highlighting, remembered by their text (up to 100,000 characters of them):
 * result pages show the same names again and again, and analysing one splits it several ways.
 */
const identifierOf = memoByText(analyseToken, 100_000)
/** A letter-and-digit run inside a token: the words a query's stems are compared with. */
const WORD_RUN_RE = /[\p{L}\p{N}\p{M}]+/gu
const LETTERS_RE = /^\p{L}+$/u
/** The stemmer's suffixes and what replaces each, tried in this order. */
const SUFFIXES = [
  ['ies', 'y'],
  ['ing', ''],
  ['ed', ''],
  ['es', ''],
  ['s', ''],
] as const

const ELLIPSIS = '\u2026'

/** What a text is matched against: whole-identifier tokens and word stems from the query's terms. */
export interface Highlighter {
  wholes: ReadonlySet<string>
  stems: ReadonlySet<string>
  /** Finds candidate match positions fast (case-insensitive), or null when the query has no words. */
  locate: RegExp | null
}

/**
 * @example highlighterFor(parseSearchQuery('sosend_reinject() panics').terms)
 */
export function highlighterFor(terms: readonly QueryTerm[]): Highlighter {
  const wholes = new Set<string>()
  const words = new Set<string>()
  for (const t of terms) {
    if (t.whole !== null) wholes.add(t.whole)
    for (const w of [...t.words, ...(t.parts ?? [])]) words.add(w)
  }
  const stems = new Set([...words].map(stem))
  // Single letters (the `c` of `dgramsend.c`) would match everywhere; they are located only with their token.
  const long = [...stems].filter((s) => s.length >= 3)
  const needles = (long.length > 0 ? long : [...stems].filter((s) => s !== '')).sort(
    (a, b) => b.length - a.length,
  )
  const locate =
    needles.length === 0 ? null : new RegExp(needles.map(escapeRegExp).join('|'), 'giu')
  return { wholes, stems, locate }
}

/**
 * Marks the query's words and identifiers in a short text (a title), keeping all of it.
 * @example highlightText('Panic in vnode_setmultipath', h) // [{ text: 'Panic in ', mark: false }, { text: 'vnode_setmultipath', mark: true }]
 */
export function highlightText(text: string, h: Highlighter): TextPart[] {
  return toParts(text, markRanges(text, h))
}

/**
 * A window of about {@link SNIPPET_LENGTH} characters of `text` around the densest cluster of matches, with the
 * matches marked; the start of the text when nothing matches. Whitespace runs become single spaces.
 */
export function makeSnippet(text: string, h: Highlighter, length = SNIPPET_LENGTH): TextPart[] {
  if (text.trim() === '') return []
  const start = windowStart(text, h, length)
  let from = start === 0 ? 0 : snapForward(text, start)
  let to = Math.min(text.length, from + length)
  if (to < text.length) to = snapBack(text, to, from)
  if (from >= to) from = start
  const slice = text.slice(from, to).replace(/\s+/gu, ' ').trim()
  const parts = highlightText(slice, h)
  if (from > 0) parts.unshift({ text: `${ELLIPSIS} `, mark: false })
  if (to < text.length) parts.push({ text: ` ${ELLIPSIS}`, mark: false })
  return mergeParts(parts)
}

/** Where the best window starts: before the position with the most distinct query stems nearby. */
function windowStart(text: string, h: Highlighter, length: number): number {
  if (h.locate === null) return 0
  const hits: { at: number; key: string }[] = []
  h.locate.lastIndex = 0
  for (const m of text.matchAll(h.locate)) {
    hits.push({ at: m.index, key: m[0].toLowerCase() })
    if (hits.length >= MAX_HITS) break
  }
  if (hits.length === 0) return 0
  let best = hits[0]!.at
  let bestScore = 0
  for (let i = 0; i < hits.length; i++) {
    const keys = new Set<string>()
    for (let j = i; j < hits.length && hits[j]!.at < hits[i]!.at + length - LEAD; j++)
      keys.add(hits[j]!.key)
    if (keys.size > bestScore) {
      bestScore = keys.size
      best = hits[i]!.at
    }
  }
  return Math.max(0, best - LEAD)
}

/** Character ranges of `text` that match: whole identifiers, words within identifiers, identifiers by their parts. */
function markRanges(text: string, h: Highlighter): [number, number][] {
  const ranges: [number, number][] = []
  scanTokenSpans(text, (raw, start) => {
    const end = start + raw.length
    // Most tokens of prose: one letter-or-digit run and never an identifier, so only its stem can match,
    // and the token's analysis (objects, parts, lower-cased copies) is skipped.
    if (isPlainWord(raw)) {
      if (raw.length >= 2 && h.stems.has(stem(raw))) ranges.push([start, end])
      return
    }
    const token = identifierOf(raw)
    if (token === null) return
    if (token.whole !== null && h.wholes.has(token.whole)) {
      ranges.push([start, end])
      return
    }
    let marked = false
    for (const m of raw.matchAll(WORD_RUN_RE)) {
      if (m[0].length < 2 || !h.stems.has(stem(m[0].toLowerCase()))) continue
      ranges.push([start + m.index, start + m.index + m[0].length])
      marked = true
    }
    if (!marked && token.parts.some((p) => h.stems.has(stem(p)))) ranges.push([start, end])
  })
  return ranges
}

function toParts(text: string, ranges: [number, number][]): TextPart[] {
  const parts: TextPart[] = []
  let at = 0
  for (const [from, to] of ranges) {
    if (from > at) parts.push({ text: text.slice(at, from), mark: false })
    parts.push({ text: text.slice(from, to), mark: true })
    at = to
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false })
  return mergeParts(parts)
}

function mergeParts(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = []
  for (const p of parts) {
    const last = out.at(-1)
    if (p.text === '') continue
    if (last && last.mark === p.mark && !p.mark) last.text += p.text
    else out.push({ ...p })
  }
  return out
}

/**
 * A light English stemmer for highlighting only (the engines stem for matching): "panics" and "panic" both
 * reduce to "panic", "locking" and "locked" to "lock".
 */
export function stem(word: string): string {
  const w = word.toLowerCase()
  if (w.length <= 4 || !LETTERS_RE.test(w)) return w
  for (const [suffix, keep] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && !w.endsWith('ss'))
      return w.slice(0, -suffix.length) + keep
  }
  return w
}

function snapForward(text: string, at: number): number {
  const space = text.slice(at, at + 30).search(/\s/u)
  return space < 0 ? at : at + space + 1
}

function snapBack(text: string, at: number, min: number): number {
  const space = text.lastIndexOf(' ', at)
  const newline = text.lastIndexOf('\n', at)
  const cut = Math.max(space, newline)
  return cut > min + 20 ? cut : at
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}
