/**
 * Translating interface text. Messages are written in English in the code, in ICU MessageFormat
 * (`{count, plural, one {# reply} other {# replies}}`), and that English text is the key the other
 * languages' catalogues translate (catalogues/de/). A message missing from a catalogue shows in English;
 * test/unit/i18n/catalogue-complete.test.ts fails the build on any message German lacks.
 *
 * Pages are rendered synchronously (preact-render-to-string), so the language of the page being rendered
 * is held here for the length of that call (`withLocale`) and every `t()` during it, in any component or
 * helper, reads it: no prop to thread through a hundred components. Code that runs outside a render (a
 * mail, a header) passes the language itself (`translate`).
 *
 * Cost: a message without `{` is one Map lookup; a message with values is parsed once per language and
 * kept (intl-messageformat), and each text it formats is remembered by its values: ~0.15 µs a repeated
 * call, ~1 µs a new one (docs/performance.md, "Languages and list avatars").
 */
import type { ComponentChildren, VNode } from 'preact'
import { IntlMessageFormat, type Formatters } from 'intl-messageformat'
import type { Message } from '../domain/shared/index.js'
import { DE, DE_CLIENT } from './catalogues/de/index.js'
import { DEFAULT_LOCALE, type Catalogue, type Locale } from './locales.js'

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en: {}, de: DE }

export type MessageValues = Readonly<Record<string, string | number>>
/** Values of a rich message: text, elements, or a function that wraps a tag's content (`<a>…</a>`). */
export type RichValues = Readonly<
  Record<string, string | number | VNode | ((chunks: ComponentChildren[]) => VNode)>
>

let active: Locale = DEFAULT_LOCALE

/**
 * Runs `render` with `locale` as the language of every `t()` it calls, and returns what it returns.
 * `render` must be synchronous: the language is restored as soon as it returns.
 * @example withLocale('de', () => renderToString(page))
 */
export function withLocale<T>(
  locale: Locale,
  render: () => T extends Promise<unknown> ? never : T,
): T {
  const outer = active
  active = locale
  try {
    return render()
  } finally {
    active = outer
  }
}

/** The language of the page being rendered (English outside a render). */
export function currentLocale(): Locale {
  return active
}

/**
 * The Intl objects messages format with, made once per language and options. intl-messageformat's own
 * memo keys every call by a JSON of its arguments, which cost ~1.8 µs a plural message and ~1 µs a
 * `{n, number}` (a five-post thread page makes dozens); this keys by the locale, plus the options only
 * when there are any (a plural's `{ type }`): 1.1 µs and 0.5 µs. With the results memo below, a repeated
 * plural costs 0.16 µs (200,000 calls in a loop, node 20, this machine).
 */
const intlObjects = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>()

function intlObject<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>(
  kind: string,
  locales: unknown,
  options: object | undefined,
  make: () => T,
): T {
  const key = `${kind}|${String(locales)}|${options === undefined ? '' : JSON.stringify(options)}`
  let found = intlObjects.get(key) as T | undefined
  if (found === undefined) {
    found = make()
    intlObjects.set(key, found)
  }
  return found
}

const FORMATTERS: Formatters = {
  getNumberFormat: (locales, options) =>
    intlObject('n', locales, options, () => new Intl.NumberFormat(locales, options as object)),
  getPluralRules: (locales, options) =>
    intlObject('p', locales, options, () => new Intl.PluralRules(locales, options)),
  getDateTimeFormat: (locales, options) =>
    intlObject('d', locales, options, () => new Intl.DateTimeFormat(locales, options)),
}

/**
 * Formatted messages, per language, keyed by the message and its values: a page formats the same few
 * ("{count} replies" for counts 0–9, "Search {site}") over and over, and a Map lookup (~0.1 µs) is a
 * tenth of formatting again. Emptied when it reaches MAX_RESULTS, so its size stays bounded whatever
 * values (names, titles) pass through.
 */
const MAX_RESULTS = 20_000
const results: Record<Locale, Map<string, string>> = { en: new Map(), de: new Map() }

const compiled: Record<Locale, Map<string, IntlMessageFormat>> = { en: new Map(), de: new Map() }
const compiledRich: Record<Locale, Map<string, IntlMessageFormat>> = {
  en: new Map(),
  de: new Map(),
}

function formatter(locale: Locale, message: string, rich: boolean): IntlMessageFormat {
  const cache = (rich ? compiledRich : compiled)[locale]
  let found = cache.get(message)
  if (found === undefined) {
    const text = CATALOGUES[locale][message] ?? message
    // Plain messages may hold a literal "<" (a "<5 MB" limit): only rich ones read tags.
    found = new IntlMessageFormat(text, locale, undefined, {
      ignoreTag: !rich,
      formatters: FORMATTERS,
    })
    cache.set(message, found)
  }
  return found
}

/**
 * `message` in `locale`, with `values` put in. For code outside a page render: a mail, a header, a JSON
 * answer to an island.
 * @example translate('de', '{count, plural, one {# reply} other {# replies}}', { count: 2 }) // "2 Antworten"
 */
export function translate(locale: Locale, message: string, values?: MessageValues): string {
  if (values === undefined && !message.includes('{')) {
    return CATALOGUES[locale][message] ?? message
  }
  let key = message
  for (const name in values) key += `\u0001${name}\u0002${String(values[name])}`
  const cache = results[locale]
  let text = cache.get(key)
  if (text === undefined) {
    text = String(formatter(locale, message, false).format(values))
    if (cache.size >= MAX_RESULTS) cache.clear()
    cache.set(key, text)
  }
  return text
}

/**
 * `message` in the language of the page being rendered.
 * @example t('Ask a question'); t('{count, plural, one {# post} other {# posts}}', { count })
 */
export function t(message: string, values?: MessageValues): string {
  return translate(active, message, values)
}

/**
 * A message with elements in it, for JSX: `{name}` takes an element, `<a>…</a>` a function that wraps
 * the translated words, so a translation can move them.
 * @example tx('Asked by {user} in <tag>{tagName}</tag>', { user: <UserName … />, tagName, tag: (c) => <a href=…>{c}</a> })
 */
export function tx(message: string, values: RichValues): ComponentChildren {
  const parts = formatter(active, message, true).format<VNode>(
    values as Record<string, string | number | VNode>,
  )
  return parts as ComponentChildren
}

/**
 * A Message (an English message with values, a value perhaps itself a Message: "Try again in {wait}.")
 * in `locale`, its inner messages translated first. Text that is not valid ICU (never marked with
 * `msg()`) is shown as written: a page must not fail over its own wording.
 * @example translateMessage('de', { message: msg('Try again in {wait}.'), values: { wait: describeWait(300) } }) // "… in 5 Minuten …"
 */
export function translateMessage(locale: Locale, text: string | Message): string {
  const message = typeof text === 'string' ? text : text.message
  try {
    if (typeof text === 'string' || text.values === undefined) return translate(locale, message)
    const values: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(text.values))
      values[name] = typeof value === 'object' ? translateMessage(locale, value) : value
    return translate(locale, message, values)
  } catch {
    return message
  }
}

/** {@link translateMessage} in the language of the page being rendered. */
export function tm(text: string | Message): string {
  return translateMessage(active, text)
}

/** The islands' messages in `locale`, for the page to carry; null for English (its messages are their keys). */
export function clientCatalogueOf(locale: Locale): Catalogue | null {
  return locale === 'de' ? DE_CLIENT : null
}

/** The catalogue of `locale` (English's is empty: its messages are their own keys). */
export function catalogueOf(locale: Locale): Catalogue {
  return CATALOGUES[locale]
}
