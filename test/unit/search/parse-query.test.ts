import { describe, expect, it } from 'vitest'
import { MAX_QUERY_LENGTH, MAX_TERMS, parseSearchQuery } from '../../../src/domain/search/index.js'
import { JOINER } from '../../../src/domain/search/tokenize.js'
import { translateMessage } from '../../../src/i18n/index.js'

describe('search query parser', () => {
  it('reads words, identifiers, phrases and operators', () => {
    const q = parseSearchQuery(
      'tag:kernel "zone map exhausted" sosend_reinject() user:Quinn is:solved after:2025-06-01 before:2025-07 sort:newest',
    )
    expect(q.terms).toEqual([
      {
        kind: 'phrase',
        text: 'zone map exhausted',
        words: ['zone', 'map', 'exhausted'],
        whole: null,
        parts: null,
      },
      {
        kind: 'word',
        text: 'sosend_reinject',
        words: ['sosend', 'reinject'],
        whole: `sosend${JOINER}reinject`,
        parts: null,
      },
    ])
    expect(q).toMatchObject({
      tags: ['kernel'],
      user: 'Quinn',
      solved: true,
      after: Date.UTC(2025, 5, 1),
      before: Date.UTC(2025, 6, 1),
      sort: 'newest',
      notices: [],
    })
    expect(q.plainText).toBe('zone map exhausted sosend_reinject()')
  })

  it('keeps an Objective-C method together although it has a space', () => {
    const q = parseSearchQuery('-[NSObject foo:] crash')
    expect(q.terms.map((t) => t.whole)).toEqual([`nsobject${JOINER}foo`, null])
    expect(q.terms[0]?.parts).toEqual(['ns', 'object', 'foo'])
  })

  it('treats unknown operators as text and explains bad values', () => {
    expect(parseSearchQuery('foo:bar').terms.map((t) => t.text)).toEqual(['foo', 'bar'])
    const bad = parseSearchQuery('is:maybe after:2025-02-30 sort:random tag:Bad_Tag! user:a.b')
    expect(bad.notices.filter((n) => n.message.includes('was searched as text'))).toHaveLength(5)
    expect(bad).toMatchObject({
      solved: null,
      after: null,
      sort: 'relevance',
      tags: [],
      user: null,
    })
  })

  it('reads signature operators, with quoted values, through the signatures feature', () => {
    const q = parseSearchQuery('os:"macOS 26" errno:Err#2 sym:vnop_lookup panic')
    expect(q.signatures.map((s) => s.label)).toEqual([
      'os:"macOS 26"',
      'errno:Err#2',
      'sym:vnop_lookup',
    ])
    expect(q.terms.map((t) => t.text)).toEqual(['panic'])
    expect(q.plainText).toBe('panic')
    const bad = parseSearchQuery('errno:EBOGUS build:"not a build"')
    expect(bad.signatures).toEqual([])
    expect(bad.notices.filter((n) => n.message.includes('was searched as text'))).toHaveLength(2)
    expect(parseSearchQuery('foo:"bar baz"').terms.map((t) => [t.kind, t.text])).toEqual([
      ['word', 'foo'],
      ['phrase', 'bar baz'],
    ])
  })

  it('ignores an unmatched quote and says so', () => {
    const q = parseSearchQuery('"vnode lock')
    expect(q.terms.map((t) => t.text)).toEqual(['vnode', 'lock'])
    expect(q.notices.map((n) => translateMessage('en', n))).toEqual([
      'The query had an unmatched quote mark; it was ignored.',
    ])
  })

  it('drops stop words (as PostgreSQL would) but never identifiers that look like them', () => {
    const q = parseSearchQuery('the kext and the IT a.out')
    expect(q.terms.map((t) => t.text)).toEqual(['kext', 'IT', 'a.out'])
    expect(q.notices.map((n) => translateMessage('en', n))).toEqual([
      'Very common words were left out: the, and.',
    ])
  })

  it('caps the length and the number of terms', () => {
    const long = parseSearchQuery('word '.repeat(500))
    expect(long.notices.map((n) => translateMessage('en', n))).toContain(
      `Only the first ${MAX_QUERY_LENGTH} characters of the query were searched.`,
    )
    const many = parseSearchQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))
    expect(many.terms).toHaveLength(MAX_TERMS)
    expect(many.notices.map((n) => translateMessage('en', n))).toContain(
      `Only the first ${MAX_TERMS} words were searched.`,
    )
  })

  it('never throws, whatever the input', () => {
    for (const q of [
      '',
      '"',
      '""',
      '\u0000',
      'NEAR(a b)',
      '*',
      '-',
      'OR',
      ':',
      'tag:',
      '\\',
      "'",
      '((((',
      '🙂',
      'a'.repeat(10_000),
    ]) {
      expect(() => parseSearchQuery(q)).not.toThrow()
    }
  })

  it('removes repeated terms', () => {
    expect(parseSearchQuery('panic Panic PANIC').terms).toHaveLength(1)
  })
})
