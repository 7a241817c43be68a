/** Admin pages. For now /admin/jobs: the background jobs, and running a dead one again. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { countJobsByState, listJobs, reviveJob } from '../../../domain/jobs/index.js'
import { isAdmin } from '../../../domain/shared/index.js'
import { AdminJobsPage } from '../../../views/pages/admin-jobs-page.js'
import { sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { PostParams } from '../../schemas/forms.js'

export const adminRoutes: FastifyPluginAsync = async (app) => {
  /** A signed-in non-admin or any POST: 403; an anonymous visitor of the page: to sign in first. */
  const refuse = (req: FastifyRequest, reply: FastifyReply) =>
    req.viewer || req.method !== 'GET'
      ? sendFailure(req, reply, { code: 'forbidden', reason: 'Only admins see background jobs.' })
      : reply.redirect(`/login?next=${encodeURIComponent('/admin/jobs')}`, 303)

  const render = async (req: FastifyRequest, reply: FastifyReply) =>
    sendPage(reply, 200, AdminJobsPage, {
      site: siteFor(req),
      counts: await countJobsByState(req.db),
      dead: await listJobs(req.db, { state: 'dead', limit: 100 }),
      pending: await listJobs(req.db, { state: 'pending', limit: 100 }),
    })

  app.get('/admin/jobs', async (req, reply) => {
    if (!isAdmin(req.viewer)) return refuse(req, reply)
    return render(req, reply)
  })

  app.post<{ Params: PostParams }>(
    '/admin/jobs/:id/retry',
    { schema: { params: PostParams } },
    async (req, reply) => {
      if (!isAdmin(req.viewer)) return refuse(req, reply)
      const revived = await reviveJob(req.db, Number(req.params.id), Date.now())
      if (!revived) return sendFailure(req, reply, { code: 'not_found', what: 'dead job' })
      req.log.info({ jobId: Number(req.params.id), by: req.viewer?.id }, 'dead job revived')
      return reply.redirect('/admin/jobs', 303)
    },
  )
}
