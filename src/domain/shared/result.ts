/**
 * Expected failures are values, not throws (STYLE.md habit 4): every write returns a Result, and the
 * http layer maps each Failure code to a status in one place (src/http/failure.ts).
 */
/**
 * `message` and `reason` are English interface messages (ICU MessageFormat, marked with `msg()`), shown
 * translated by the http layer; `values` fills their placeholders (`{min}`), so a translation can move them.
 */
import type { Message } from './message.js'

export type MessageValues = Readonly<Record<string, string | number | Message>>

export type Failure =
  | { code: 'not_found'; what: string }
  | { code: 'forbidden'; reason: string; values?: MessageValues }
  | { code: 'invalid'; field: string; message: string; values?: MessageValues }
  | { code: 'conflict'; message: string; values?: MessageValues }
  | { code: 'rate_limited'; retryAfterS: number }

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

/** A message given as text plus values, or as one Message (a validator's `Message | null`). */
function text(
  message: string | Message,
  values: MessageValues | undefined,
): { text: string; values?: MessageValues } {
  if (typeof message !== 'string')
    return message.values === undefined
      ? { text: message.message }
      : { text: message.message, values: message.values }
  return values === undefined ? { text: message } : { text: message, values }
}

export const fail = {
  notFound: (what: string): Result<never> => ({ ok: false, failure: { code: 'not_found', what } }),
  forbidden: (reason: string | Message, values?: MessageValues): Result<never> => {
    const m = text(reason, values)
    return { ok: false, failure: { code: 'forbidden', reason: m.text, ...withValues(m.values) } }
  },
  invalid: (field: string, message: string | Message, values?: MessageValues): Result<never> => {
    const m = text(message, values)
    return {
      ok: false,
      failure: { code: 'invalid', field, message: m.text, ...withValues(m.values) },
    }
  },
  conflict: (message: string | Message, values?: MessageValues): Result<never> => {
    const m = text(message, values)
    return { ok: false, failure: { code: 'conflict', message: m.text, ...withValues(m.values) } }
  },
  rateLimited: (retryAfterS: number): Result<never> => ({
    ok: false,
    failure: { code: 'rate_limited', retryAfterS },
  }),
}

/** No `values` key at all when there are none, so failures compare equal to `{ code, message }`. */
function withValues(values: MessageValues | undefined): { values?: MessageValues } {
  return values === undefined ? {} : { values }
}
