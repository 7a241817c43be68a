/**
 * The islands' words in the page's language. The server puts the page's language's translations of the
 * islands' messages in `<script type="application/json" id="quorum-messages">` (only for languages other
 * than English: English messages are their own keys), and `t()` looks a message up there. Messages here use
 * plain `{name}` placeholders, no plural forms: a count is shown beside its noun ("Saved · 3 files" is
 * written as two messages), which keeps this file ~30 lines instead of a message-format parser in the
 * bundle. The catalogue is src/i18n/catalogues/de/client.ts; the completeness test checks every `t('…')`
 * in src/client has its entry.
 */
let messages: Readonly<Record<string, string>> | null = null

function catalogue(): Readonly<Record<string, string>> {
  if (messages === null) {
    const block = document.getElementById('quorum-messages')
    try {
      messages = block ? (JSON.parse(block.textContent ?? '{}') as Record<string, string>) : {}
    } catch {
      messages = {}
    }
  }
  return messages
}

/** `message` in the page's language, with `{name}` replaced by `values.name`. */
export function t(message: string, values?: Readonly<Record<string, string | number>>): string {
  const text = catalogue()[message] ?? message
  if (values === undefined) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}

/**
 * Marks a constant's English message for the catalogue without translating it yet (as src/i18n's `msg`):
 * shown later with `t(CONSTANT)`. The completeness test finds these as it finds `t('…')`.
 */
export function msg(message: string): string {
  return message
}

/** The page's language (`<html lang>`), for Intl formatters in islands. */
export function pageLocale(): string {
  return document.documentElement.lang || 'en'
}

let grouping: { locale: string; format: Intl.NumberFormat } | null = null

/** A whole number with the page's language's grouping: "12,345" / "12.345" (as the server's `number()`). */
export function number(n: number): string {
  const locale = pageLocale()
  if (grouping?.locale !== locale) grouping = { locale, format: new Intl.NumberFormat(locale) }
  return grouping.format.format(n)
}
