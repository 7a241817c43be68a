/** /admin/invites (staff): list, make and revoke invitations to register (src/domain/trust). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Static } from '@sinclair/typebox'
import { isStaff, msg } from '../../../domain/shared/index.js'
import { createInvitation, listInvitations, revokeInvitation } from '../../../domain/trust/index.js'
import { emptyForm, type FormState } from '../../../views/forms.js'
import {
  AdminInvitesPage,
  type AdminInvitesPageProps,
  type InviteValues,
} from '../../../views/pages/admin-invites-page.js'
import { formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { formBody, PostParams } from '../../schemas/forms.js'

const InviteForm = formBody(['email', 'days', 'note'], 2000)
type InviteForm = Static<typeof InviteForm>

const FRESH: InviteValues = { email: '', days: '14', note: '' }

export const adminInviteRoutes: FastifyPluginAsync = async (app) => {
  /** A signed-in member or any POST: 403; an anonymous visitor of the page: to sign in first. */
  const refuse = (req: FastifyRequest, reply: FastifyReply) =>
    req.viewer || req.method !== 'GET'
      ? sendFailure(req, reply, {
          code: 'forbidden',
          reason: msg('Only staff manage invitations.'),
        })
      : reply.redirect(`/login?next=${encodeURIComponent('/admin/invites')}`, 303)

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: FormState<InviteValues>,
    created?: AdminInvitesPageProps['created'],
  ) =>
    sendPage(reply.header('cache-control', 'no-store'), status, AdminInvitesPage, {
      site: siteFor(req),
      form,
      invitations: await listInvitations(req.db),
      registration: (await req.server.siteSettings.get()).registration,
      created,
    })

  app.get('/admin/invites', async (req, reply) => {
    if (!isStaff(req.viewer)) return refuse(req, reply)
    return render(req, reply, 200, emptyForm(FRESH))
  })

  app.post<{ Body: InviteForm }>(
    '/admin/invites',
    { schema: { body: InviteForm } },
    async (req, reply) => {
      if (!isStaff(req.viewer)) return refuse(req, reply)
      const values = {
        email: req.body.email ?? '',
        days: req.body.days ?? '',
        note: req.body.note ?? '',
      }
      const result = await createInvitation(req.db, req.viewer, values)
      if (!result.ok)
        return render(req, reply, STATUS[result.failure.code], {
          values,
          ...formErrors(result.failure, req.locale),
        })
      const link = `${app.config.publicUrl}/register?invite=${encodeURIComponent(result.value.code)}`
      req.log.info(
        { by: req.viewer?.id, invitationId: result.value.invitation.id },
        'invitation made',
      )
      return render(req, reply, 201, emptyForm(FRESH), {
        link,
        email: result.value.invitation.email,
      })
    },
  )

  app.post<{ Params: PostParams }>(
    '/admin/invites/:id/revoke',
    { schema: { params: PostParams } },
    async (req, reply) => {
      if (!isStaff(req.viewer)) return refuse(req, reply)
      const result = await revokeInvitation(req.db, req.viewer, { id: Number(req.params.id) })
      if (!result.ok) return sendFailure(req, reply, result.failure)
      return reply.redirect('/admin/invites', 303)
    },
  )
}
