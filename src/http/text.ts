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
  const message = typeof text === 'string' ? text : text.message
  try {
    if (typeof text === 'string' || text.values === undefined) return translate(locale, message)
    const values: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(text.values))
      values[name] = typeof value === 'object' ? say(locale, value) : value
    return translate(locale, message, values)
  } catch {
    // A message that is not valid ICU (a stray "{" in text never marked with msg()) is shown as
    // written: an error page must not become a 500 over its own wording.
    return message
  }
}

/** Text shown as it is in every language (a library's own message, a name): never parsed as ICU. */
export function verbatim(text: string): Message {
  return { message: '{text}', values: { text } }
}
