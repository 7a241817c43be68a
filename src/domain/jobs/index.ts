/**
 * Background jobs: everything that leaves a request (mail, later notifications and webhooks). A
 * feature enqueues a job in the transaction of its change; the runner of each server process claims
 * and runs it with the handler registered for its kind (app.ts). Near the bottom of the domain: it
 * knows no feature, and handlers are given to it.
 */
export { enqueueJob } from './jobs.actions.js'
export {
  countJobsByState,
  deleteJobsMentioning,
  listJobs,
  reviveDeadJobs,
  reviveJob,
} from './jobs.queries.js'
export { JobRunner, retryDelayMs, type JobRunnerOptions } from './runner.js'
export * from './jobs.types.js'
