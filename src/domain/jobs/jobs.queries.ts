/** The jobs table: enqueue, claim, finish, fail, and what operators list and retry. */
import { dialectOf } from '../../db/dialect.js'
import type { Db, Executor } from '../../db/schema.js'
import type { ClaimedJob, JobState, JobSummary } from './jobs.types.js'

export interface NewJob {
  kind: string
  key: string
  payload: unknown
  runAfter: number
  maxAttempts: number
  createdAt: number
}

/** Adds a job unless one with its key exists; true when this call added it. */
export async function insertJob(db: Executor, job: NewJob): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      key: job.key,
      payload: JSON.stringify(job.payload),
      state: 'pending',
      run_after: job.runAfter,
      max_attempts: job.maxAttempts,
      created_at: job.createdAt,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/**
 * Claims up to `limit` jobs that are due (pending with run_after reached) or abandoned (running past
 * their lease: the process that claimed them died), marking them running until `now + leaseMs` and
 * counting the attempt. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several processes claim at once
 * without taking the same job; on SQLite the statement holds the write lock, which does the same.
 */
export async function claimJobs(
  db: Db,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<ClaimedJob[]> {
  const postgres = dialectOf(db) === 'postgres'
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      attempts: eb('attempts', '+', 1),
      locked_until: now + leaseMs,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('state', '=', 'pending'), w('run_after', '<=', now)]),
            w.and([w('state', '=', 'running'), w('locked_until', '<', now)]),
          ]),
        )
        .orderBy('run_after')
        .orderBy('id')
        .limit(limit)
        .$if(postgres, (qb) => qb.forUpdate().skipLocked()),
    )
    .returning(['id', 'kind', 'key', 'payload', 'attempts', 'max_attempts as maxAttempts'])
    .execute()
  return rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      key: r.key,
      payload: JSON.parse(r.payload) as unknown,
      attempt: r.attempts,
      maxAttempts: r.maxAttempts,
    }))
    .sort((a, b) => a.id - b.id)
}

/** Marks a claimed job done and drops its payload (it may hold a link with a token). */
export async function finishJob(db: Executor, id: number, now: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: 'done', finished_at: now, locked_until: null, payload: '{}' })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute()
}

/** Puts a failed job back for a later attempt, or, out of attempts, in the dead state. */
export async function failJob(
  db: Executor,
  id: number,
  error: string,
  next: { dead: true; now: number } | { dead: false; runAfter: number },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set(
      next.dead
        ? { state: 'dead', finished_at: next.now, locked_until: null, last_error: error }
        : { state: 'pending', run_after: next.runAfter, locked_until: null, last_error: error },
    )
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute()
}

/** Jobs in `state` (all when undefined), newest first. */
export async function listJobs(
  db: Executor,
  options: { state?: JobState; limit: number },
): Promise<JobSummary[]> {
  return db
    .selectFrom('jobs')
    .select([
      'id',
      'kind',
      'key',
      'state',
      'attempts',
      'max_attempts as maxAttempts',
      'run_after as runAfter',
      'last_error as lastError',
      'created_at as createdAt',
      'finished_at as finishedAt',
    ])
    .$if(options.state !== undefined, (qb) => qb.where('state', '=', options.state as JobState))
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute()
}

/** How many jobs are in each state. */
export async function countJobsByState(
  db: Executor,
  kind?: string,
): Promise<Record<JobState, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .$if(kind !== undefined, (qb) => qb.where('kind', '=', kind ?? ''))
    .groupBy('state')
    .execute()
  const counts: Record<JobState, number> = { pending: 0, running: 0, done: 0, dead: 0 }
  for (const r of rows) counts[r.state] = Number(r.n)
  return counts
}

/** A dead job runs again from its first attempt; false when there is no dead job with that id. */
export async function reviveJob(db: Executor, id: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'pending', attempts: 0, run_after: now, finished_at: null })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Every dead job runs again; the number revived. */
export async function reviveDeadJobs(db: Executor, now: number): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'pending', attempts: 0, run_after: now, finished_at: null })
    .where('state', '=', 'dead')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Deletes done jobs finished before `before`; dead ones stay until an operator decides. */
export async function deleteFinishedJobs(db: Executor, before: number): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('state', '=', 'done')
    .where('finished_at', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * Deletes the jobs whose payload or last error holds any of `needles` (an account's email, its name as
 * a JSON string): a deleted account leaves no address in a queued mail or an SMTP error. Filtered here
 * rather than with LIKE, whose `_` and `%` a username or address may hold; the table holds recent
 * jobs only (done ones go after 7 days) and an account is deleted rarely.
 */
export async function deleteJobsMentioning(db: Executor, needles: string[]): Promise<number> {
  const wanted = needles.filter((n) => n !== '')
  if (wanted.length === 0) return 0
  const rows = await db.selectFrom('jobs').select(['id', 'payload', 'last_error']).execute()
  const ids = rows
    .filter((r) => wanted.some((n) => r.payload.includes(n) || (r.last_error ?? '').includes(n)))
    .map((r) => r.id)
  if (ids.length === 0) return 0
  await db.deleteFrom('jobs').where('id', 'in', ids).execute()
  return ids.length
}
