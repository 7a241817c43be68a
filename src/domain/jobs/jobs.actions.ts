/** Enqueueing a job, in the transaction of the change that causes it. */
import type { Executor } from '../../db/schema.js'
import { insertJob } from './jobs.queries.js'

export interface EnqueueInput {
  /** The handler's name, e.g. `mail.send`. */
  kind: string
  /**
   * Unique per piece of work: enqueueing the same key again adds nothing, and a handler can use it to
   * make its effect idempotent (a mail's Message-ID).
   */
  key: string
  payload: unknown
  /** Not before this time (epoch ms); default now. */
  runAfter?: number
  /** Attempts before the job is dead (default {@link DEFAULT_MAX_ATTEMPTS}). */
  maxAttempts?: number
}

/** With the backoff of runner.ts, eight attempts span about two hours. */
export const DEFAULT_MAX_ATTEMPTS = 8

/**
 * Writes a job. Call it with the transaction of the write that causes it: a commit never loses its job
 * and a rollback never runs one.
 * @example await db.transaction().execute(async (trx) => { await insertToken(trx, ...); await enqueueJob(trx, { kind: 'mail.send', key, payload }) })
 */
export async function enqueueJob(
  db: Executor,
  input: EnqueueInput,
  now = Date.now(),
): Promise<boolean> {
  return insertJob(db, {
    kind: input.kind,
    key: input.key,
    payload: input.payload,
    runAfter: input.runAfter ?? now,
    maxAttempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    createdAt: now,
  })
}
