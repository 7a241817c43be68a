/** /admin/blocks (admins): the sign-up blocks, adding and removing them. */
import type { Static } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { BLOCK_REASON_MAX, addBlock, removeBlock } from '../../../domain/admin/index.js'
import { listSignUpBlocks } from '../../../domain/users/index.js'
import type { FormState } from '../../../views/forms.js'
import { AdminBlocksPage, type BlockFormValues } from '../../../views/pages/admin-blocks-page.js'
import { formErrors, sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { PostParams, formBody } from '../../schemas/forms.js'
import { refuseUnless } from '../../staff-gate.js'

const BlockForm = formBody(['kind', 'value', 'reason'], 5000)
type BlockForm = Static<typeof BlockForm>

export const adminBlockRoutes: FastifyPluginAsync = async (app) => {
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: FormState<BlockFormValues>,
  ) =>
    sendPage(reply, status, AdminBlocksPage, {
      site: siteFor(req),
      blocks: await listSignUpBlocks(req.db),
      form,
      reasonMax: BLOCK_REASON_MAX,
    })

  app.get('/admin/blocks', async (req, reply) => {
    const refused = refuseUnless(req, reply, 'admin')
    if (refused) return refused
    return render(req, reply, 200, { values: { kind: 'email', value: '', reason: '' }, errors: {} })
  })

  app.post<{ Body: BlockForm }>(
    '/admin/blocks',
    { schema: { body: BlockForm } },
    async (req, reply) => {
      const refused = refuseUnless(req, reply, 'admin')
      if (refused || !req.viewer) return refused
      const values = {
        kind: req.body.kind ?? '',
        value: req.body.value ?? '',
        reason: req.body.reason ?? '',
      }
      const result = await addBlock(req.db, { ...values, actorId: req.viewer.id })
      if (!result.ok) {
        if (result.failure.code !== 'invalid') return sendFailure(req, reply, result.failure)
        return render(req, reply, 422, { values, ...formErrors(result.failure, req.locale) })
      }
      return reply.redirect('/admin/blocks', 303)
    },
  )

  app.post<{ Params: PostParams }>(
    '/admin/blocks/:id/remove',
    { schema: { params: PostParams } },
    async (req, reply) => {
      const refused = refuseUnless(req, reply, 'admin')
      if (refused || !req.viewer) return refused
      const result = await removeBlock(req.db, {
        id: Number(req.params.id),
        actorId: req.viewer.id,
      })
      if (!result.ok) return sendFailure(req, reply, result.failure)
      return reply.redirect('/admin/blocks', 303)
    },
  )
}
