import { describe, expect, it } from 'vitest'
import {
  DEFAULT_EXCERPT_LENGTH,
  toExcerpt,
  toPlainText,
} from '../../../src/domain/markdown/index.js'

const BODY = [
  '# Kext panics on wake',
  '',
  'After upgrading to **macOS 15.2**, my kext panics in `IOPMrootDomain::wake()`. See',
  '[the power docs](https://developer.apple.com/power "Power") and ![screenshot](https://i.test/s.png).',
  '',
  '```c',
  'kern_return_t start(void) { return KERN_SUCCESS; }',
  '```',
  '',
  '    indented code is dropped too',
  '',
  '- it happens on *Intel*',
  '- and on ~~Apple silicon~~ M1',
  '',
  '> quoted: "it worked in 14.x" &amp; &lt;still&gt; does &copy;',
  '',
  '| Mac | Result |',
  '|-----|--------|',
  '| mini | panic |',
  '',
  '[attachment: panic-full.ips]',
].join('\n')

describe('toPlainText', () => {
  it('keeps prose, headings, link text, inline code, lists, quotes and table cells', () => {
    expect(toPlainText(BODY)).toBe(
      'Kext panics on wake After upgrading to macOS 15.2, my kext panics in IOPMrootDomain::wake(). See ' +
        'the power docs and . it happens on Intel and on Apple silicon M1 ' +
        'quoted: "it worked in 14.x" & <still> does © Mac Result mini panic',
    )
  })

  it('drops fenced and indented code blocks entirely', () => {
    const text = toPlainText(BODY)
    expect(text).not.toContain('KERN_SUCCESS')
    expect(text).not.toContain('indented code')
  })

  it('drops images, including their alt text and URL, and attachment references', () => {
    const text = toPlainText(
      'a ![alt text](https://i.test/x.png "t") b [attachment: x.c] c [Attachment:y.log] d',
    )
    expect(text).toBe('a b c d')
  })

  it('keeps link text but not URLs', () => {
    expect(toPlainText('[docs](https://a.test) and <https://b.test> and https://c.test')).toBe(
      'docs and https://b.test and https://c.test',
    )
  })

  it('returns HTML-looking input as text (views escape it)', () => {
    expect(toPlainText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>')
  })

  it('decodes entities and collapses all whitespace, including CRLF, tabs and NBSP', () => {
    expect(toPlainText('a&nbsp;&nbsp;b\r\n\r\nc \t d&#32;&#10;e\r\nf')).toBe('a b c d e f')
  })

  it('gives an empty string for code-only or empty bodies', () => {
    expect(toPlainText('')).toBe('')
    expect(toPlainText('```\nonly code\n```')).toBe('')
    expect(toPlainText('---')).toBe('')
  })

  it('does not cut', () => {
    const long = 'word '.repeat(1_000)
    expect(toPlainText(long)).toBe(long.trim())
  })
})

describe('toExcerpt', () => {
  it('returns short text unchanged, without "…"', () => {
    expect(toExcerpt('Short question.')).toBe('Short question.')
    const exact = 'x'.repeat(DEFAULT_EXCERPT_LENGTH)
    expect(toExcerpt(exact)).toBe(exact)
  })

  it('cuts at the last word boundary within max and adds "…"', () => {
    expect(toExcerpt('The kext loads, then panics on wake', 20)).toBe('The kext loads, then…')
    expect(toExcerpt('The kext loads, then panics on wake', 19)).toBe('The kext loads…') // trailing comma dropped
    expect(toExcerpt('alpha beta gamma', 12)).toBe('alpha beta…')
    expect(toExcerpt('alpha beta gamma', 10)).toBe('alpha beta…') // a space right at max
  })

  it('never cuts inside a word unless one word is longer than max', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ')
    const excerpt = toExcerpt(words, 50)
    expect(excerpt.endsWith('…')).toBe(true)
    const kept = excerpt.slice(0, -1).split(' ')
    expect(words.startsWith(kept.join(' ') + ' ')).toBe(true)
    expect(toExcerpt('x'.repeat(300), 200)).toBe('x'.repeat(200) + '…')
    expect(toExcerpt(`${'y'.repeat(300)} tail`, 200)).toBe('y'.repeat(200) + '…')
  })

  it('keeps the result within max + 1 characters for any max', () => {
    const text = toPlainText(BODY) + ' ' + 'supercalifragilistic '.repeat(30)
    for (let max = 1; max <= 400; max++) {
      const excerpt = toExcerpt(text, max)
      expect(excerpt.length, `max ${max}`).toBeLessThanOrEqual(max + 1)
      if (text.length > max) expect(excerpt.endsWith('…')).toBe(true)
    }
  })

  it('does not split a surrogate pair when it must cut inside a word', () => {
    const emoji = '😀'.repeat(10) // 20 UTF-16 units, no spaces
    const excerpt = toExcerpt(emoji, 5)
    expect(excerpt).toBe('😀😀…')
    expect(excerpt).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    ) // no lone surrogate
  })

  it('excerpts a realistic body: fences, links, images, inline code, lists and long words', () => {
    const body = [
      'Using `IOServiceMatching("AppleUSBHostController")` fails: see [this thread](https://a.test/t/1).',
      '',
      '![diagram](https://i.test/d.png)',
      '',
      '```objc',
      'io_service_t svc = IOServiceGetMatchingService(kIOMainPortDefault, matching);',
      '```',
      '',
      '1. first step',
      '2. second step with a supercalifragilisticexpialidociousandthensome identifier',
    ].join('\n')
    const excerpt = toExcerpt(body, 120)
    expect(excerpt).toBe(
      'Using IOServiceMatching("AppleUSBHostController") fails: see this thread. first step second step with a…',
    )
    expect(excerpt).not.toContain('diagram')
    expect(excerpt).not.toContain('io_service_t')
  })

  it('defaults to 200 characters', () => {
    const excerpt = toExcerpt('lorem ipsum '.repeat(100))
    expect(excerpt.length).toBeLessThanOrEqual(DEFAULT_EXCERPT_LENGTH + 1)
    expect(excerpt.length).toBeGreaterThan(DEFAULT_EXCERPT_LENGTH - 15)
  })

  it('treats a non-positive or fractional max sensibly', () => {
    expect(toExcerpt('abc def', 0)).toBe('a…')
    expect(toExcerpt('abc def', 3.9)).toBe('abc…')
  })
})
