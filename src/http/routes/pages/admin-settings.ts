/** /admin/settings (admins): the site settings form over app.siteSettings. */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { SETTINGS, type SettingKey } from '../../../domain/site-settings/index.js'
import type { FormState } from '../../../views/forms.js'
import { AdminSettingsPage } from '../../../views/pages/admin-settings-page.js'
import { sendPage, siteFor } from '../../page.js'
import { formBody } from '../../schemas/forms.js'
import { refuseUnless } from '../../staff-gate.js'

const KEYS = Object.keys(SETTINGS) as SettingKey[]
const SettingsForm = formBody(KEYS, 5000)
type SettingsForm = Static<typeof SettingsForm>
const SavedQuery = Type.Object(
  { saved: Type.Optional(Type.Literal('1')) },
  { additionalProperties: false },
)
type SavedQuery = Static<typeof SavedQuery>

type Values = Record<SettingKey, string>

export const adminSettingsRoutes: FastifyPluginAsync = async (app) => {
  const render = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: FormState<Values>,
    saved = false,
  ) =>
    sendPage(reply, status, AdminSettingsPage, {
      site: siteFor(req),
      settings: SETTINGS,
      form,
      saved,
    })

  app.get<{ Querystring: SavedQuery }>(
    '/admin/settings',
    { schema: { querystring: SavedQuery } },
    async (req, reply) => {
      const refused = refuseUnless(req, reply, 'admin')
      if (refused) return refused
      const current = await app.siteSettings.get()
      const values = Object.fromEntries(KEYS.map((k) => [k, String(current[k])])) as Values
      return render(req, reply, 200, { values, errors: {} }, req.query.saved === '1')
    },
  )

  app.post<{ Body: SettingsForm }>(
    '/admin/settings',
    { schema: { body: SettingsForm } },
    async (req, reply) => {
      const refused = refuseUnless(req, reply, 'admin')
      if (refused || !req.viewer) return refused
      // The form sends every field; one left out of a post counts as blank.
      const values = Object.fromEntries(KEYS.map((k) => [k, req.body[k] ?? ''])) as Values
      const result = await app.siteSettings.save(values, req.viewer.id)
      if (!result.ok) return render(req, reply, 422, { values, errors: result.errors })
      return reply.redirect('/admin/settings?saved=1', 303)
    },
  )
}
