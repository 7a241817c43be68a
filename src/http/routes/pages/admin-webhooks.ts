/** /admin/webhooks: admins add and remove endpoints, read each one's deliveries, redeliver one. */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { isAdmin, msg } from '../../../domain/shared/index.js'
import {
  createEndpoint,
  deleteEndpoint,
  findEndpoint,
  listDeliveries,
  listEndpoints,
  redeliver,
} from '../../../domain/webhooks/index.js'
import {
  AdminWebhookPage,
  AdminWebhooksPage,
  type WebhookValues,
} from '../../../views/pages/admin-webhooks-page.js'
import { failureMessage, sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { PostParams } from '../../schemas/forms.js'
import { translate } from '../../../i18n/index.js'

const PAGE = '/admin/webhooks'

const EndpointForm = Type.Object(
  {
    _csrf: Type.Optional(Type.String()),
    url: Type.Optional(Type.String({ maxLength: 10_000 })),
    events: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 50 }),
        Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 }),
      ]),
    ),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
)
const SentQuery = Type.Object(
  { sent: Type.Optional(Type.Literal('1')) },
  { additionalProperties: false },
)

export const adminWebhookRoutes: FastifyPluginAsync = async (app) => {
  /** A signed-in non-admin or any POST: 403; an anonymous visitor of a page: to sign in first. */
  const refused = (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (isAdmin(req.viewer)) return false
    if (req.viewer || req.method !== 'GET')
      sendFailure(req, reply, { code: 'forbidden', reason: msg('Only admins manage webhooks.') })
    else reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303)
    return true
  }
  const blank: WebhookValues = {
    url: '',
    events: ['thread.created', 'post.created'],
    description: '',
  }

  app.get(PAGE, async (req, reply) => {
    if (refused(req, reply)) return reply
    return sendPage(reply, 200, AdminWebhooksPage, {
      site: siteFor(req),
      endpoints: await listEndpoints(req.db),
      form: { values: blank, errors: {} },
      created: null,
    })
  })

  app.post<{ Body: Static<typeof EndpointForm> }>(
    PAGE,
    { schema: { body: EndpointForm } },
    async (req, reply) => {
      if (refused(req, reply)) return reply
      const values: WebhookValues = {
        url: req.body.url ?? '',
        events: [req.body.events ?? []].flat(),
        description: req.body.description ?? '',
      }
      const made = await req.db
        .transaction()
        .execute((trx) => createEndpoint(trx, { ...values, actorId: req.viewer!.id }))
      if (!made.ok) {
        if (made.failure.code !== 'invalid') return sendFailure(req, reply, made.failure)
        return sendPage(reply, 422, AdminWebhooksPage, {
          site: siteFor(req),
          endpoints: await listEndpoints(req.db),
          form: {
            values,
            errors: { [made.failure.field]: failureMessage(made.failure, req.locale) },
          },
          created: null,
        })
      }
      reply.header('cache-control', 'no-store')
      return sendPage(reply, 201, AdminWebhooksPage, {
        site: siteFor(req),
        endpoints: await listEndpoints(req.db),
        form: { values: blank, errors: {} },
        created: { url: values.url.trim(), secret: made.value.secret },
      })
    },
  )

  app.post<{ Params: PostParams }>(
    `${PAGE}/:id/delete`,
    { schema: { params: PostParams } },
    async (req, reply) => {
      if (refused(req, reply)) return reply
      const result = await req.db
        .transaction()
        .execute((trx) =>
          deleteEndpoint(trx, { id: Number(req.params.id), actorId: req.viewer!.id }),
        )
      if (!result.ok) return sendFailure(req, reply, result.failure)
      return reply.redirect(PAGE, 303)
    },
  )

  app.get<{ Params: PostParams; Querystring: Static<typeof SentQuery> }>(
    `${PAGE}/:id`,
    { schema: { params: PostParams, querystring: SentQuery } },
    async (req, reply) => {
      if (refused(req, reply)) return reply
      const endpoint = await findEndpoint(req.db, Number(req.params.id))
      if (!endpoint) return sendFailure(req, reply, { code: 'not_found', what: 'webhook' })
      return sendPage(reply, 200, AdminWebhookPage, {
        site: siteFor(req),
        endpoint,
        deliveries: await listDeliveries(req.db, endpoint.id),
        notice: req.query.sent === '1' ? translate(req.locale, 'Queued to be sent again.') : null,
      })
    },
  )

  app.post<{ Params: PostParams }>(
    `${PAGE}/deliveries/:id/redeliver`,
    { schema: { params: PostParams } },
    async (req, reply) => {
      if (refused(req, reply)) return reply
      const id = Number(req.params.id)
      const result = await redeliver(req.db, { deliveryId: id, actorId: req.viewer!.id })
      if (!result.ok) return sendFailure(req, reply, result.failure)
      return reply.redirect(`${PAGE}/${result.value.endpointId}?sent=1`, 303)
    },
  )
}
