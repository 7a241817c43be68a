import { h } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import {
  age,
  ageIn,
  ageLabel,
  count,
  currentLocale,
  date,
  negotiateLocale,
  number,
  t,
  translate,
  tx,
  withLocale,
} from '../../../src/i18n/index.js'

const JULY_14 = Date.UTC(2025, 6, 14, 9, 3)

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['de', 'de'],
    ['de-DE', 'de'],
    ['de-AT,de;q=0.9,en;q=0.8', 'de'],
    ['en-US,en;q=0.9,de;q=0.8', 'en'],
    ['fr-FR,fr;q=0.9,de;q=0.5', 'de'],
    ['fr-FR,fr;q=0.9', 'en'],
    ['en;q=0.2,de;q=0.7', 'de'],
    ['de;q=0,en', 'en'],
    ['*', 'en'],
    ['de;q=abc', 'en'],
    ['x'.repeat(300), 'en'],
  ] as const)('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected)
  })
})

describe('t and translate', () => {
  it('speaks English outside a render and the render’s language inside withLocale', () => {
    expect(t('Sign in')).toBe('Sign in')
    expect(withLocale('de', () => t('Sign in'))).toBe('Anmelden')
    expect(withLocale('de', () => currentLocale())).toBe('de')
    expect(currentLocale()).toBe('en')
  })

  it('restores the outer language when the render throws', () => {
    expect(() =>
      withLocale('de', () => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(currentLocale()).toBe('en')
  })

  it('puts values in, with the language’s number format', () => {
    expect(translate('en', 'Notifications, {count, number} unread', { count: 1234 })).toBe(
      'Notifications, 1,234 unread',
    )
    expect(translate('de', 'Notifications, {count, number} unread', { count: 1234 })).toBe(
      'Benachrichtigungen, 1.234 ungelesen',
    )
  })

  it('gives each set of values its own text, formatted once and remembered per language', () => {
    const replies = '{count, plural, one {# reply} other {# replies}}'
    const said = [1, 2, 1, 1234, 2].map((count) => translate('en', replies, { count }))
    expect(said).toEqual(['1 reply', '2 replies', '1 reply', '1,234 replies', '2 replies'])
    expect(translate('de', 'Search {site}', { site: 'Quorum' })).toBe('Quorum durchsuchen')
    expect(translate('en', 'Search {site}', { site: 'Quorum' })).toBe('Search Quorum')
    expect(translate('en', 'Search {site}', { site: 'Quorum 2' })).toBe('Search Quorum 2')
  })

  it('keeps a literal "<" in plain messages and shows an unknown message in English', () => {
    expect(translate('de', 'Under <5 MB, {name}', { name: 'x' })).toBe('Under <5 MB, x')
  })

  it('puts elements into a rich message, escaped by the renderer', () => {
    const html = withLocale('de', () =>
      renderToString(h('p', null, tx('Search {site}', { site: h('b', null, 'Q & A') }))),
    )
    expect(html).toBe('<p><b>Q &amp; A</b> durchsuchen</p>')
  })
})

describe('dates and numbers', () => {
  it('keep the reference’s formats in English', () => {
    expect(age(JULY_14, JULY_14 + 2 * 3_600_000).label).toBe('2h')
    expect(ageLabel(JULY_14, JULY_14 + 30_000)).toBe('just now')
    expect(date(JULY_14)).toBe('14 Jul 2025')
    expect(count(1849)).toBe('1.8k')
    expect(number(12345)).toBe('12,345')
  })

  it('use German words and separators in German', () => {
    withLocale('de', () => {
      expect(age(JULY_14, JULY_14 + 2 * 3_600_000).label).toBe('2 Std.')
      expect(ageLabel(JULY_14, JULY_14 + 30_000)).toBe('gerade eben')
      expect(ageLabel(Date.UTC(2025, 9, 14), Date.UTC(2026, 0, 1))).toBe('Okt ’25')
      expect(date(JULY_14)).toBe('14. Juli 2025')
      expect(count(1_850_000)).toBe('1,9\u00a0Mio.')
      expect(number(12345)).toBe('12.345')
    })
  })

  it('give every language the same ISO time', () => {
    expect(ageIn('de', JULY_14, JULY_14 + 60_000).iso).toBe(ageIn('en', JULY_14, JULY_14).iso)
    expect(ageIn('de', JULY_14, JULY_14).title).toContain('UTC')
  })
})
