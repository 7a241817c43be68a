/**
 * Text that routes hand on to pages and error pages: an English interface message (marked with `msg()`)
 * or a Message with its values, which routes translate into the request's language with i18n's
 * `translateMessage` (docs/i18n.md). Pages get text already in their language; the JSON API keeps English
 * (docs/api.md).
 */
import type { Message } from '../domain/shared/index.js'

export type Text = string | Message

/** Text shown as it is in every language (a library's own message, a name): never parsed as ICU. */
export function verbatim(text: string): Message {
  return { message: '{text}', values: { text } }
}
