/**
 * The process's job runner and mailer (composition: the handlers features need, given to the runner).
 * `quorum serve` starts the runner when JOBS is true; tests run due jobs with `app.jobs.drain()`.
 * Closing the app stops the runner after the job in hand, then closes the mail transport.
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { JobRunner, type JobHandler, type JobRunnerOptions } from '../../domain/jobs/index.js'
import { PASSWORD_RESET_JOB, passwordResetJobHandler } from '../../domain/account-mail/index.js'
import { MAIL_JOB } from '../../domain/mail/index.js'
import {
  NOTIFY_DIGEST_JOB,
  NOTIFY_EMAIL_JOB,
  NOTIFY_JOB,
  queueTagDigests,
  notifyActivity,
  sendNotificationEmail,
  countUnread,
  listThreadTagIds,
  type ActivityEvent,
  type EmailJob,
  type NotificationWritten,
} from '../../domain/notifications/index.js'
import { WEBHOOK_DELIVER_JOB, deliverWebhook, fanOutWebhooks } from '../../domain/webhooks/index.js'
import { expirePin, PIN_EXPIRY_JOB, type PinExpiry } from '../../domain/staff-actions/index.js'
import { TRUST_REVIEW_JOB, trustReviewJobHandler } from '../../domain/trust/index.js'
import {
  markNeighboursDue,
  refreshDueRankings,
  SIMILAR_MARK_JOB,
  SIMILAR_REFRESH_JOB,
} from '../../domain/signatures/index.js'
import { mailJobHandler } from '../../mail/mail-job.js'
import { createMailer, type Mailer } from '../../mail/mailer.js'

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner
    mailer: Mailer
  }
}

export interface JobsPluginOptions {
  runner?: JobRunnerOptions
  /** Extra handlers by kind (tests). */
  handlers?: Record<string, JobHandler>
}

/** After a notify job: each recipient's bell on their own stream; a new thread on home and its tags. */
async function publishActivity(
  app: FastifyInstance,
  event: ActivityEvent,
  written: NotificationWritten[],
): Promise<void> {
  for (const userId of new Set(written.map((n) => n.userId)))
    app.live.publish(`user:${userId}`, 'notification', {
      unread: await countUnread(app.db, userId),
    })
  if (event.type !== 'thread.created') return
  app.live.publish('home', 'thread', { threadId: event.threadId })
  for (const tagId of await listThreadTagIds(app.db, event.threadId))
    app.live.publish(`tag:${tagId}`, 'thread', { threadId: event.threadId })
}

export const jobsPlugin = fp<JobsPluginOptions>(
  async (app, options) => {
    const mailer = createMailer(app.config.mail)
    const log = app.log.child({ component: 'jobs' })
    const site = { name: 'Quorum', baseUrl: app.config.publicUrl }
    // Jobs tell time by the runner's clock (tests move it to close a mail window).
    const clock = options.runner?.now ?? Date.now
    const handlers = new Map<string, JobHandler>([
      [MAIL_JOB, mailJobHandler(app.db, mailer, site, log)],
      [PASSWORD_RESET_JOB, passwordResetJobHandler(app.db)],
      [TRUST_REVIEW_JOB, trustReviewJobHandler(app.db, clock)],
      [
        NOTIFY_JOB,
        async (job) => {
          const event = job.payload as ActivityEvent
          const written = await notifyActivity(app.db, event, {
            now: clock(),
            emailWindowMs: app.config.notifyEmailWindowMs,
          })
          await publishActivity(app, event, written)
          await fanOutWebhooks(app.db, event, job.key, app.config.publicUrl, clock())
        },
      ],
      [
        WEBHOOK_DELIVER_JOB,
        async (job) => {
          const settings = await app.siteSettings.get()
          await deliverWebhook(app.db, job, {
            allowPrivate: settings.webhooksToPrivateAddresses === 'allow',
            now: clock,
          })
        },
      ],
      [
        NOTIFY_EMAIL_JOB,
        async (job) => {
          await sendNotificationEmail(app.db, job.payload as EmailJob, job.key)
        },
      ],
      [NOTIFY_DIGEST_JOB, () => queueTagDigests(app.db, clock())],
      [SIMILAR_MARK_JOB, (job) => markNeighboursDue(app.db, job.payload, clock())],
      [SIMILAR_REFRESH_JOB, () => refreshDueRankings(app.db, clock()).then(() => {})],
      [
        PIN_EXPIRY_JOB,
        (job) => expirePin(app.db, job.payload as PinExpiry, clock()).then(() => {}),
      ],
      ...Object.entries(options.handlers ?? {}),
    ])
    const runner = new JobRunner(app.db, handlers, log, {
      leaseMs: app.config.jobsLeaseMs,
      ...options.runner,
    })
    app.decorate('jobs', runner)
    app.decorate('mailer', mailer)
    app.addHook('onClose', async () => {
      await runner.stop()
      mailer.close()
    })
  },
  { name: 'jobs', dependencies: ['db', 'live', 'site-settings'] },
)
