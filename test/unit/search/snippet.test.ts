import { describe, expect, it } from 'vitest'
import { parseSearchQuery } from '../../../src/domain/search/index.js'
import {
  highlighterFor,
  highlightText,
  makeSnippet,
  stem,
} from '../../../src/domain/search/snippet.js'

const h = (q: string) => highlighterFor(parseSearchQuery(q).terms)
const show = (parts: { text: string; mark: boolean }[]) =>
  parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')

describe('search snippets', () => {
  it('marks whole identifiers, words inside identifiers, and stemmed words', () => {
    expect(show(highlightText('Panic in vnode_setmultipath()', h('vnode_setmultipath')))).toBe(
      'Panic in [vnode_setmultipath]()',
    )
    expect(show(highlightText('Panic in vnode_setmultipath()', h('vnode')))).toBe(
      'Panic in [vnode]_setmultipath()',
    )
    expect(show(highlightText('The kext panics on wake', h('panic')))).toBe(
      'The kext [panics] on wake',
    )
    expect(show(highlightText('IOUSBHostInterface::open fails', h('host interface')))).toBe(
      '[IOUSBHostInterface::open] fails',
    )
    expect(show(highlightText('-[NSObject foo:] sent', h('-[NSObject foo:]')))).toBe(
      '[-[NSObject foo:]] sent',
    )
  })

  it('cuts a window around the densest cluster of matches, with ellipses', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(30)}Then the zone map exhausted panic happened in zalloc. ${'Filler words here. '.repeat(30)}`
    const snippet = show(makeSnippet(text, h('zone zalloc')))
    expect(snippet.startsWith('… ')).toBe(true)
    expect(snippet.endsWith(' …')).toBe(true)
    expect(snippet).toContain('[zone] map exhausted panic happened in [zalloc]')
    expect(snippet.length).toBeLessThan(300)
  })

  it('starts at the beginning when nothing matches, and collapses whitespace', () => {
    expect(show(makeSnippet('first\n\n  line\tand more', h('absent')))).toBe('first line and more')
    expect(makeSnippet('', h('x'))).toEqual([])
  })

  it('returns text runs, never markup', () => {
    const parts = makeSnippet('<script>alert(1)</script> & <b>x</b>', h('alert'))
    expect(parts.map((p) => p.text).join('')).toBe('<script>alert(1)</script> & <b>x</b>')
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['alert'])
  })

  it('stems lightly for highlighting', () => {
    expect(['panics', 'locking', 'locked', 'entries'].map(stem)).toEqual([
      'panic',
      'lock',
      'lock',
      'entry',
    ])
    expect(stem('access')).toBe('access')
  })
})
