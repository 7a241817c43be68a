/**
 * The job runner of a server process: every `pollMs` it claims due jobs (several processes share the
 * work, see claimJobs), runs each with its kind's handler, and records the outcome: done, or failed and
 * retried after an exponential backoff (30 s, 1 min, 2 min, ... capped at 1 h), or dead after its last
 * attempt, for an operator to see and retry (`quorum jobs`, /admin/jobs). A claim is a lease: a job whose
 * process died mid-run is claimed again once the lease ends.
 */
import type { Db } from '../../db/schema.js'
import { claimJobs, deleteFinishedJobs, failJob, finishJob } from './jobs.queries.js'
import type { ClaimedJob, JobHandler, JobLog } from './jobs.types.js'

export interface JobRunnerOptions {
  /** How often to look for due jobs (ms). */
  pollMs?: number
  /** How long a claim lasts before another process may take the job over (ms). */
  leaseMs?: number
  /** Jobs claimed at a time. */
  batch?: number
  /** Keep done jobs this long (ms) before deleting them. */
  keepDoneMs?: number
  now?: () => number
}

const RETRY_BASE_MS = 30_000
const RETRY_CAP_MS = 3_600_000
const DAY_MS = 86_400_000

/** The wait before attempt `attempt + 1`, after `attempt` failed ones. */
export function retryDelayMs(attempt: number): number {
  return Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1))
}

export class JobRunner {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<number> | undefined
  private lastSweep = 0
  private readonly pollMs: number
  private readonly leaseMs: number
  private readonly batch: number
  private readonly keepDoneMs: number
  private readonly now: () => number

  constructor(
    private readonly db: Db,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly log: JobLog,
    options: JobRunnerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000
    this.leaseMs = options.leaseMs ?? 60_000
    this.batch = options.batch ?? 10
    this.keepDoneMs = options.keepDoneMs ?? 7 * DAY_MS
    this.now = options.now ?? Date.now
  }

  /** Starts polling; a run that fails (the database is away) is logged and tried again next time. */
  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => {
      if (this.running) return
      this.runDue().catch((error: unknown) =>
        this.log.warn({ err: error }, 'job runner: claim failed'),
      )
    }, this.pollMs)
    this.timer.unref()
  }

  /** Stops polling and waits for the jobs in hand. */
  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running?.catch(() => undefined)
  }

  /** Claims one batch of due jobs and runs them, one after another; how many ran. */
  runDue(): Promise<number> {
    this.running ??= this.claimAndRun().finally(() => (this.running = undefined))
    return this.running
  }

  /** Runs due jobs until none is left (tests, `quorum jobs run-once`); how many ran. */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const ran = await this.runDue()
      if (ran === 0) return total
      total += ran
    }
  }

  private async claimAndRun(): Promise<number> {
    const now = this.now()
    if (now - this.lastSweep > DAY_MS / 24) {
      this.lastSweep = now
      await deleteFinishedJobs(this.db, now - this.keepDoneMs)
    }
    const jobs = await claimJobs(this.db, now, this.leaseMs, this.batch)
    for (const job of jobs) await this.run(job)
    return jobs.length
  }

  private async run(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.kind)
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`)
      await handler(job)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const dead = !handler || job.attempt >= job.maxAttempts
      const now = this.now()
      await failJob(
        this.db,
        job.id,
        message.slice(0, 2000),
        dead ? { dead: true, now } : { dead: false, runAfter: now + retryDelayMs(job.attempt) },
      )
      const context = { jobId: job.id, kind: job.kind, attempt: job.attempt, err: error }
      if (dead) this.log.error(context, 'job failed for good: dead until an operator retries it')
      else this.log.warn(context, 'job failed; it will be retried')
      return
    }
    await finishJob(this.db, job.id, this.now())
    this.log.info({ jobId: job.id, kind: job.kind, attempt: job.attempt }, 'job done')
  }
}
