/**
 * Highlighting decides plain words by their stem alone and remembers analysed identifiers: it must mark
 * exactly what analysing every token marks. The reference below is that reading (every token analysed,
 * then its whole token, its word runs and its parts compared with the query), run over generated forum
 * text full of code, panic logs and identifiers, for queries of every kind.
 */
import { describe, expect, it } from 'vitest'
import { generateThreads } from '../../../bench/data/generate.js'
import { parseSearchQuery } from '../../../src/domain/search/index.js'
import {
  highlighterFor,
  highlightText,
  stem,
  type Highlighter,
} from '../../../src/domain/search/snippet.js'
import { scanTokens } from '../../../src/domain/search/tokenize.js'

/** The text with every marked run in brackets. */
const show = (parts: { text: string; mark: boolean }[]) =>
  parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')

function referenceMarks(text: string, h: Highlighter): string {
  const ranges: [number, number][] = []
  scanTokens(text, (token, start, end) => {
    if (token.whole !== null && h.wholes.has(token.whole)) {
      ranges.push([start, end])
      return
    }
    let marked = false
    for (const m of token.raw.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      if (m[0].length < 2 || !h.stems.has(stem(m[0].toLowerCase()))) continue
      ranges.push([start + m.index, start + m.index + m[0].length])
      marked = true
    }
    if (!marked && token.parts.some((p) => h.stems.has(stem(p)))) ranges.push([start, end])
  })
  let out = ''
  let at = 0
  for (const [from, to] of ranges) {
    out += `${text.slice(at, from)}[${text.slice(from, to)}]`
    at = to
  }
  return out + text.slice(at)
}

const QUERIES = [
  'panic',
  'panics locking entries',
  'vnode_put',
  'kernel panic zone',
  '"zone element" tag:kernel',
  'IOUSBHostInterface',
  'host interface',
  'zalloc zone_require',
  'EINVAL wake',
  '-[NSObject foo:]',
  'kalloc.type',
  '0x1f',
  'io vm ip',
]

describe('highlighting', () => {
  it('marks what analysing every token marks, over generated forum text', () => {
    const texts: string[] = []
    for (const thread of generateThreads({
      threads: 150,
      replies: 3,
      tags: 20,
      seed: 7,
      now: Date.UTC(2026, 0, 1),
    })) {
      texts.push(thread.title, thread.body, ...(thread.replies ?? []).map((r) => r.body))
    }
    // Two-letter words, and words in identifiers' shapes, beside the generated text.
    texts.push('An io error in the vm at ip level: Io, IO, io_error, ioError and vm.io all seen.')
    expect(texts.length).toBeGreaterThan(400)
    let marks = 0
    for (const q of QUERIES) {
      const h = highlighterFor(parseSearchQuery(q).terms)
      for (const text of texts) {
        const expected = referenceMarks(text, h)
        // Twice: the second reading meets the identifiers remembered by the first.
        expect(show(highlightText(text, h))).toBe(expected)
        expect(show(highlightText(text, h))).toBe(expected)
        marks += expected.split('[').length - 1
      }
    }
    expect(marks).toBeGreaterThan(1000) // the queries do mark things
  })
})
