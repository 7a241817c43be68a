/**
 * Marks an English interface message that is kept in a constant (a label table, a failure's message) for
 * the catalogues: it returns its argument unchanged, and the view that shows it translates it with `t()`
 * (src/i18n). test/unit/i18n/catalogue-complete.test.ts collects every `msg('…')`, `t('…')` and `tx('…')`
 * and fails when a language lacks one. Placeholders are ICU MessageFormat (`{count}`), filled in by `t()`.
 * @example const LABELS = { daily: msg('Daily digest') } … <option>{t(LABELS.daily)}</option>
 */
export function msg<const S extends string>(message: S): S {
  return message
}

/**
 * An interface message with its values, for code that builds one for someone else to show (the http
 * layer translates it, and a value may itself be a Message, translated first: "Try again in {wait}.").
 * @example const wait: Message = { message: msg('{n, plural, one {# minute} other {# minutes}}'), values: { n: 5 } }
 */
export interface Message {
  message: string
  values?: Readonly<Record<string, string | number | Message>>
}
