/**
 * Text that routes hand on to pages and error pages: an English interface message (marked with `msg()`)
 * or a Message with its values, translated here into the request's language (docs/i18n.md). Pages get
 * text already in their language; the JSON API keeps English (docs/api.md).
 */
import type { Message } from '../domain/shared/index.js'
import { translate, type Locale } from '../i18n/index.js'

export type Text = string | Message

/**
 * `text` in `locale`; a value that is itself a Message is translated first ("Try again in {wait}.").
 * @example say('de', { message: msg('Try again in {wait}.'), values: { wait: describeWait(300) } }) // "… in 5 Minuten …"
 */
export function say(locale: Locale, text: Text): string {
  if (typeof text === 'string') return translate(locale, text)
  if (text.values === undefined) return translate(locale, text.message)
  const values: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(text.values))
    values[name] = typeof value === 'object' ? say(locale, value) : value
  return translate(locale, text.message, values)
}

/** Text shown as it is in every language (a library's own message, a name): never parsed as ICU. */
export function verbatim(text: string): Message {
  return { message: '{text}', values: { text } }
}
