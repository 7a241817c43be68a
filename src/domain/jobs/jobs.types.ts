/** Background jobs: rows written in a change's transaction and run outside the request. */

export type JobState = 'pending' | 'running' | 'done' | 'dead'

export const JOB_STATES: readonly JobState[] = ['pending', 'running', 'done', 'dead']

/** A job as the runner hands it to its handler. */
export interface ClaimedJob {
  id: number
  kind: string
  key: string
  payload: unknown
  /** This attempt's number, from 1. */
  attempt: number
  maxAttempts: number
}

/** A job as operators see it (`quorum jobs list`, /admin/jobs). */
export interface JobSummary {
  id: number
  kind: string
  key: string
  state: JobState
  attempts: number
  maxAttempts: number
  runAfter: number
  lastError: string | null
  createdAt: number
  finishedAt: number | null
}

/**
 * Does the job's work. Throwing fails this attempt (retried with backoff up to its maximum); returning
 * finishes the job. A handler may run more than once for one job (a process killed mid-run), so its
 * effect must be idempotent by the job's key.
 */
export type JobHandler = (job: ClaimedJob) => Promise<void>

export interface JobLog {
  info(object: object, message: string): void
  warn(object: object, message: string): void
  error(object: object, message: string): void
}
