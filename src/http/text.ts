/**
 * Text that routes hand on to pages and error pages: an English interface message (marked with `msg()`)
 * or a Message with its values, translated here into the request's language (docs/i18n.md). Pages get
 * text already in their language; the JSON API keeps English (docs/api.md).
 */
import type { Message } from '../domain/shared/index.js'
import { translateMessage, type Locale } from '../i18n/index.js'

export type Text = string | Message

/** `text` in `locale`, inner messages first: i18n's translateMessage, named for the routes that use it. */
export const say: (locale: Locale, text: Text) => string = translateMessage

/** Text shown as it is in every language (a library's own message, a name): never parsed as ICU. */
export function verbatim(text: string): Message {
  return { message: '{text}', values: { text } }
}
