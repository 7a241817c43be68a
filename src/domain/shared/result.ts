/**
 * Expected failures are values, not throws (STYLE.md habit 4): every write returns a Result, and the
 * http layer maps each Failure code to a status in one place (src/http/failure.ts).
 */
export type Failure =
  | { code: 'not_found'; what: string }
  | { code: 'forbidden'; reason: string }
  | { code: 'invalid'; field: string; message: string }
  | { code: 'conflict'; message: string }
  | { code: 'rate_limited'; retryAfterS: number }

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = {
  notFound: (what: string): Result<never> => ({ ok: false, failure: { code: 'not_found', what } }),
  forbidden: (reason: string): Result<never> => ({
    ok: false,
    failure: { code: 'forbidden', reason },
  }),
  invalid: (field: string, message: string): Result<never> => ({
    ok: false,
    failure: { code: 'invalid', field, message },
  }),
  conflict: (message: string): Result<never> => ({
    ok: false,
    failure: { code: 'conflict', message },
  }),
  rateLimited: (retryAfterS: number): Result<never> => ({
    ok: false,
    failure: { code: 'rate_limited', retryAfterS },
  }),
}
