/**
 * Admin pages: /admin (the hub: every staff section with its count) and /admin/jobs (the background
 * jobs, how mail is sent, and running a dead job again). The sections have route files of their own
 * (admin-tags, admin-people, admin-settings, admin-blocks, admin-log).
 */
import type { FastifyPluginAsync } from 'fastify'
import { countOverview } from '../../../domain/admin/index.js'
import { countJobsByState, listJobs, reviveJob } from '../../../domain/jobs/index.js'
import { MAIL_JOB } from '../../../domain/mail/index.js'
import { countTags } from '../../../domain/tags/index.js'
import { describeTransport } from '../../../mail/mailer.js'
import { replicaSummary } from '../../plugins/read-db.js'
import { AdminHubPage } from '../../../views/pages/admin-hub-page.js'
import { AdminJobsPage } from '../../../views/pages/admin-jobs-page.js'
import { sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { PostParams } from '../../schemas/forms.js'
import { refuseUnless } from '../../staff-gate.js'

export const adminRoutes: FastifyPluginAsync = async (app) => {
  app.get('/admin', async (req, reply) => {
    const refused = refuseUnless(req, reply, 'staff')
    if (refused) return refused
    const overview = await countOverview(req.db)
    return sendPage(reply, 200, AdminHubPage, {
      site: siteFor(req),
      counts: {
        ...overview,
        deadJobs: (await countJobsByState(req.db)).dead,
        tags: await countTags(req.db),
      },
      // Only when REDIS_URL is set: "connected", "connecting" or "unreachable since <time>".
      redis: app.redis ? app.redis.health().detail : null,
      // Only with DATABASE_REPLICA_URLS: each replica's state, as /healthz reports it.
      replicas: app.replicaHealth().length > 0 ? replicaSummary(app.replicaHealth()) : null,
    })
  })

  app.get('/admin/jobs', async (req, reply) => {
    const refused = refuseUnless(req, reply, 'admin')
    if (refused) return refused
    return sendPage(reply, 200, AdminJobsPage, {
      site: siteFor(req),
      counts: await countJobsByState(req.db),
      dead: await listJobs(req.db, { state: 'dead', limit: 100 }),
      pending: await listJobs(req.db, { state: 'pending', limit: 100 }),
      mail: {
        transport: describeTransport(app.config.mail),
        counts: await countJobsByState(req.db, MAIL_JOB),
      },
    })
  })

  app.post<{ Params: PostParams }>(
    '/admin/jobs/:id/retry',
    { schema: { params: PostParams } },
    async (req, reply) => {
      const refused = refuseUnless(req, reply, 'admin')
      if (refused) return refused
      const revived = await reviveJob(req.db, Number(req.params.id), Date.now())
      if (!revived) return sendFailure(req, reply, { code: 'not_found', what: 'dead job' })
      req.log.info({ jobId: Number(req.params.id), by: req.viewer?.id }, 'dead job revived')
      return reply.redirect('/admin/jobs', 303)
    },
  )
}
