import { describe, expect, it } from 'vitest'
import {
  FALLBACK_SLUG,
  MAX_SLUG_LENGTH,
  slugify,
  threadPath,
} from '../../../src/domain/format/index.js'

describe('slugify', () => {
  it('joins lowercase ASCII words with "-"', () => {
    expect(slugify('Crash in IOKit: kext fails to load on macOS 15.2')).toBe(
      'crash-in-iokit-kext-fails-to-load-on-macos-15-2',
    )
    expect(slugify('  Hello,   World!  ')).toBe('hello-world')
    expect(slugify('--already-a-slug--')).toBe('already-a-slug')
  })

  it('drops symbols and punctuation as word separators', () => {
    expect(slugify('C++ vs. Objective-C: which?')).toBe('c-vs-objective-c-which')
    expect(slugify('a/b\\c?d#e&f=g%20h')).toBe('a-b-c-d-e-f-g-20h')
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script')
  })

  it('transliterates accented letters through NFKD and drops the diacritics', () => {
    expect(slugify('Çà et là: naïve café')).toBe('ca-et-la-naive-cafe')
    expect(slugify('Ångström Ürümqi Ñandú')).toBe('angstrom-urumqi-nandu')
    expect(slugify('ﬁle Ｆｕｌｌｗｉｄｔｈ ①')).toBe('file-fullwidth-1')
    expect(slugify('İstanbul')).toBe('istanbul')
  })

  it('transliterates Latin letters that NFKD leaves alone', () => {
    expect(slugify('Straße Øresund Æther Łódź þorn')).toBe('strasse-oresund-aether-lodz-thorn')
  })

  it('keeps contractions as one word', () => {
    expect(slugify("Don't panic: Apple’s kernel")).toBe('dont-panic-apples-kernel')
  })

  it('keeps the words of other scripts, with their marks', () => {
    expect(slugify('Привет mundo')).toBe('привет-mundo')
    expect(slugify('カーネル panic 🙂')).toBe('カーネル-panic')
    expect(slugify('ガベージ・コレクション')).toBe('ガベージ-コレクション')
    expect(slugify('内核崩溃')).toBe('内核崩溃')
    expect(slugify('Ωmega ΣΟΦΙΑ')).toBe('ωmega-σοφια')
    expect(slugify('कर्नेल पैनिक')).toBe('कर्नेल-पैनिक')
  })

  it('folds compatibility forms to plain letters', () => {
    expect(slugify('ℌello ＦＵＬＬ ｗｉｄｔｈ')).toBe('hello-full-width')
  })

  it('gives paths with the slug percent-encoded', () => {
    expect(threadPath(12, 'ошибка')).toBe('/threads/12/%D0%BE%D1%88%D0%B8%D0%B1%D0%BA%D0%B0')
    expect(threadPath(3, 'plain-words')).toBe('/threads/3/plain-words')
  })

  it.each(['', '   ', '🙂🙂', '!!!', '—'])('gives "thread" when nothing is left of %j', (title) => {
    expect(slugify(title)).toBe(FALLBACK_SLUG)
  })

  it('cuts at a word boundary within the limit', () => {
    const title = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ')
    const slug = slugify(title)
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(slug.endsWith('-')).toBe(false)
    expect(
      title
        .toLowerCase()
        .replace(/ /g, '-')
        .startsWith(slug + '-'),
    ).toBe(true)
    expect(slug).toBe(
      'word0-word1-word2-word3-word4-word5-word6-word7-word8-word9-word10-word11-word12',
    )
  })

  it('keeps a slug of exactly the limit whole', () => {
    const exact = `${'a'.repeat(39)} ${'b'.repeat(40)}` // 39 + 1 + 40 = 80
    expect(slugify(exact)).toBe(`${'a'.repeat(39)}-${'b'.repeat(40)}`)
    expect(slugify(`${exact} c`)).toBe(`${'a'.repeat(39)}-${'b'.repeat(40)}`)
  })

  it('cuts a single word longer than the limit at the limit', () => {
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(MAX_SLUG_LENGTH))
    expect(slugify(`${'x'.repeat(200)} tail`)).toBe('x'.repeat(MAX_SLUG_LENGTH))
  })

  it('always returns a path-safe value', () => {
    const titles = [
      'a\u0000b',
      'a\r\nb',
      '../../etc/passwd',
      '%2e%2e',
      'ｅｖｉｌ\u202e',
      'tab\tsep',
    ]
    for (const title of titles) expect(slugify(title)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })
})

describe('slugify remembers titles (issue 29)', () => {
  it('answers a remembered title as it did the first time, and a changed title anew', () => {
    const title = 'Kext fails to load after the Ventura 13.4 update'
    const first = slugify(title)
    expect(slugify(title)).toBe(first)
    expect(slugify(title)).toBe('kext-fails-to-load-after-the-ventura-13-4-update')
    // A renamed thread's new title is slugged, not answered from the old one's entry.
    expect(slugify(`${title} (fixed)`)).toBe(
      'kext-fails-to-load-after-the-ventura-13-4-update-fixed',
    )
  })

  it('still slugs correctly after far more titles than it keeps', () => {
    // Each title is ~40 characters: 40,000 of them are 1.6 M characters, past SLUG_MEMO_CHARS.
    for (let i = 0; i < 40_000; i++) slugify(`Panic in zone_require number ${i} of many`)
    expect(slugify('Panic in zone_require number 7 of many')).toBe(
      'panic-in-zone-require-number-7-of-many',
    )
    expect(slugify('Çà et là: naïve café')).toBe('ca-et-la-naive-cafe')
  })
})
