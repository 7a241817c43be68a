/**
 * SECURITY.md row 33: hostile Markdown must render quickly and with bounded output. The limits are loose hang
 * guards (2 s against a 1 s target), not benchmarks: a regression to quadratic or exponential time fails them
 * by orders of magnitude.
 */
import { describe, expect, it } from 'vitest'
import {
  renderInlineMarkdown,
  renderMarkdown,
  toPlainText,
} from '../../../src/domain/markdown/index.js'

const HANG_GUARD_MS = 2_000

const cases: Array<[string, string]> = [
  ['50k nested ">"', '>'.repeat(50_000) + ' deep'],
  [
    '10k lines of ever deeper ">"',
    Array.from({ length: 10_000 }, (_, i) => '>'.repeat(Math.min(i, 100)) + ' x').join('\n'),
  ],
  ['50k "["', '['.repeat(50_000)],
  ['50k "]"', ']'.repeat(50_000)],
  ['50k "[a]("', '[a]('.repeat(50_000)],
  ['50k "!["', '!['.repeat(50_000)],
  ['50k "*"', '*'.repeat(50_000)],
  ['50k "*a"', '*a'.repeat(50_000)],
  ['50k "_a"', '_a'.repeat(50_000)],
  ['"**a" then closers', '**a'.repeat(20_000) + 'b' + '**'.repeat(20_000)],
  ['50k "~~a"', '~~a'.repeat(50_000)],
  ['10k backticks', '`'.repeat(10_000)],
  [
    '10k backtick runs of growing length',
    Array.from({ length: 140 }, (_, i) => '`'.repeat(i + 1) + 'a').join(''),
  ],
  ['50k "<"', '<'.repeat(50_000)],
  ['50k "&#"', '&#'.repeat(50_000)],
  [
    '5k-deep nested list',
    Array.from({ length: 5_000 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n'),
  ],
  ['20k "- " on one line', '- '.repeat(20_000) + 'x'],
  ['wide table', '|'.repeat(20_000) + '\n' + '|-'.repeat(10_000) + '\n' + '|x'.repeat(10_000)],
  ['20k URLs to linkify', 'https://a.test/x '.repeat(20_000)],
  ['50k "http://"', 'http://'.repeat(50_000)],
  ['10k reference definitions and uses', '[a]: /b\n'.repeat(10_000) + '[a]'.repeat(10_000)],
  ['unclosed fence of 100k lines', '```c\n' + 'int x = "\n'.repeat(100_000)],
]

describe('pathological markdown (SECURITY.md row 33)', () => {
  it.each(cases)('%s renders in well under a second, with bounded output', (_name, markdown) => {
    for (const run of [renderMarkdown, renderInlineMarkdown, toPlainText]) {
      const started = performance.now()
      const out = run(markdown)
      const elapsed = performance.now() - started
      expect(elapsed).toBeLessThan(HANG_GUARD_MS)
      expect(out.length).toBeLessThan(markdown.length * 12 + 1_000)
    }
  })

  it('caps nesting: 50k nested quotes produce at most 20 levels', () => {
    const html = renderMarkdown('>'.repeat(50_000) + ' deep')
    expect(html.match(/<blockquote>/g)?.length ?? 0).toBeLessThanOrEqual(20)
  })

  it('drops only what is nested too deep: the rest of the post still renders', () => {
    const html = renderMarkdown('>'.repeat(30) + ' deep\n\nafter')
    expect(html.endsWith('<p>after</p>\n')).toBe(true)
  })
})
