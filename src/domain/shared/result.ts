/**
 * Expected failures are values, not throws (STYLE.md habit 4): every write returns a Result, and the
 * http layer maps each Failure code to a status in one place (src/http/failure.ts).
 */
/**
 * `message` and `reason` are English interface messages (ICU MessageFormat, marked with `msg()`), shown
 * translated by the http layer; `values` fills their placeholders (`{min}`), so a translation can move them.
 */
export type MessageValues = Readonly<Record<string, string | number>>

export type Failure =
  | { code: 'not_found'; what: string }
  | { code: 'forbidden'; reason: string; values?: MessageValues }
  | { code: 'invalid'; field: string; message: string; values?: MessageValues }
  | { code: 'conflict'; message: string; values?: MessageValues }
  | { code: 'rate_limited'; retryAfterS: number }

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = {
  notFound: (what: string): Result<never> => ({ ok: false, failure: { code: 'not_found', what } }),
  forbidden: (reason: string, values?: MessageValues): Result<never> => ({
    ok: false,
    failure:
      values === undefined ? { code: 'forbidden', reason } : { code: 'forbidden', reason, values },
  }),
  invalid: (field: string, message: string, values?: MessageValues): Result<never> => ({
    ok: false,
    failure:
      values === undefined
        ? { code: 'invalid', field, message }
        : { code: 'invalid', field, message, values },
  }),
  conflict: (message: string, values?: MessageValues): Result<never> => ({
    ok: false,
    failure:
      values === undefined ? { code: 'conflict', message } : { code: 'conflict', message, values },
  }),
  rateLimited: (retryAfterS: number): Result<never> => ({
    ok: false,
    failure: { code: 'rate_limited', retryAfterS },
  }),
}
