/** /settings/tokens: the person's API tokens: list, make (shown once), revoke. */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import {
  createToken,
  listTokens,
  revokeToken,
  scopesFor,
} from '../../../domain/api-tokens/index.js'
import { TokensPage, type TokenValues } from '../../../views/pages/tokens-page.js'
import { formErrors, sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { PostParams } from '../../schemas/forms.js'
import { msg } from '../../../domain/shared/index.js'
import { translate } from '../../../i18n/index.js'

const PAGE = '/settings/tokens'

const TokenForm = Type.Object(
  {
    _csrf: Type.Optional(Type.String()),
    name: Type.Optional(Type.String({ maxLength: 1000 })),
    scopes: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 20 }),
        Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 }),
      ]),
    ),
    lifetime: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
)
const RevokedQuery = Type.Object(
  { revoked: Type.Optional(Type.Literal('1')) },
  { additionalProperties: false },
)

export const tokenRoutes: FastifyPluginAsync = async (app) => {
  const blank: TokenValues = { name: '', scopes: ['read'], lifetime: '90' }

  app.get<{ Querystring: Static<typeof RevokedQuery> }>(
    PAGE,
    { schema: { querystring: RevokedQuery } },
    async (req, reply) => {
      if (!req.viewer) return reply.redirect(`/login?next=${PAGE}`, 303)
      const viewer = req.viewer
      return sendPage(reply, 200, TokensPage, {
        site: siteFor(req),
        tokens: await listTokens(req.db, viewer),
        allowedScopes: scopesFor(viewer),
        form: { values: blank, errors: {} },
        created: null,
        notice:
          req.query.revoked === '1'
            ? translate(req.locale, 'Token revoked: it no longer works.')
            : null,
      })
    },
  )

  app.post<{ Body: Static<typeof TokenForm> }>(
    PAGE,
    { schema: { body: TokenForm } },
    async (req, reply) => {
      if (!req.viewer)
        return sendFailure(req, reply, {
          code: 'forbidden',
          reason: msg('Sign in to make API tokens.'),
        })
      const viewer = req.viewer
      const values: TokenValues = {
        name: req.body.name ?? '',
        scopes: [req.body.scopes ?? []].flat(),
        lifetime: req.body.lifetime ?? '',
      }
      const made = await createToken(req.db, viewer, values)
      const page = {
        site: siteFor(req),
        allowedScopes: scopesFor(viewer),
        notice: null,
      }
      if (!made.ok) {
        if (made.failure.code !== 'invalid') return sendFailure(req, reply, made.failure)
        return sendPage(reply, 422, TokensPage, {
          ...page,
          tokens: await listTokens(req.db, viewer),
          form: { values, ...formErrors(made.failure, req.locale) },
          created: null,
        })
      }
      req.log.info({ userId: viewer.id, tokenId: made.value.view.id }, 'API token made')
      // Shown on this answer only; no-store keeps it out of every cache and the back button's.
      reply.header('cache-control', 'no-store')
      return sendPage(reply, 201, TokensPage, {
        ...page,
        tokens: await listTokens(req.db, viewer),
        form: { values: blank, errors: {} },
        created: { name: made.value.view.name, token: made.value.token },
      })
    },
  )

  app.post<{ Params: PostParams }>(
    `${PAGE}/:id/revoke`,
    { schema: { params: PostParams } },
    async (req, reply) => {
      if (!req.viewer)
        return sendFailure(req, reply, {
          code: 'forbidden',
          reason: msg('Sign in to manage API tokens.'),
        })
      const result = await revokeToken(req.db, req.viewer, Number(req.params.id))
      if (!result.ok) return sendFailure(req, reply, result.failure)
      req.log.info({ userId: req.viewer.id, tokenId: Number(req.params.id) }, 'API token revoked')
      return reply.redirect(`${PAGE}?revoked=1`, 303)
    },
  )
}
