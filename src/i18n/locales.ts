/**
 * The languages Quorum's interface speaks and how a request picks one (docs/i18n.md): the account's
 * setting, then the `lang` cookie the footer's language links set, then the browser's `Accept-Language`,
 * then English.
 */
import { match } from '@formatjs/intl-localematcher'

export const LOCALES = ['en', 'de'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** English message -> the same message in one language (catalogues/). */
export type Catalogue = Readonly<Record<string, string>>

/** Each language in its own words, for the footer's links and the settings field. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', de: 'Deutsch' }

/** The cookie the footer's language links set for people without an account setting. */
export const LOCALE_COOKIE = 'lang'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** At most this many ranges of a header are read: a long header costs no more than a short one. */
const MAX_RANGES = 16

/**
 * The supported language an `Accept-Language` header prefers, English when it names none of them.
 * Ranges are ordered by their q-values (ties keep the header's order); `de-AT` falls back to `de`
 * (BCP 47 lookup, by FormatJS's matcher); `*` and `q=0` ranges count for nothing.
 * @example negotiateLocale('de-DE,de;q=0.9,en;q=0.8') // 'de'
 */
export function negotiateLocale(header: string | undefined): Locale {
  if (header === undefined || header === '') return DEFAULT_LOCALE
  const ranges: { tag: string; q: number; at: number }[] = []
  for (const part of header.split(',', MAX_RANGES)) {
    const [rawTag = '', ...params] = part.trim().split(';')
    const tag = rawTag.trim()
    if (tag === '' || tag === '*' || !/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) continue
    let q = 1
    for (const param of params) {
      const [name, value] = param.trim().split('=')
      if (name?.trim() === 'q') q = Number(value)
    }
    if (!(q > 0 && q <= 1)) continue
    ranges.push({ tag, q, at: ranges.length })
  }
  if (ranges.length === 0) return DEFAULT_LOCALE
  ranges.sort((a, b) => b.q - a.q || a.at - b.at)
  try {
    const found = match(
      ranges.map((r) => r.tag),
      LOCALES,
      DEFAULT_LOCALE,
      { algorithm: 'lookup' },
    )
    return isLocale(found) ? found : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE // a tag Intl refuses (well-formed by the pattern, yet not a valid locale)
  }
}
