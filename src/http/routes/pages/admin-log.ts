/** /admin/log (moderators and admins): the staff log with its filters, a page at a time. */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { parseLogFilter } from '../../../domain/admin/index.js'
import { AUDIT_TARGET_TYPES } from '../../../domain/audit-log/index.js'
import { listAuditActions, listAuditEntries } from '../../../domain/audit-log/index.js'
import { AdminLogPage, type LogFilterValues } from '../../../views/pages/admin-log-page.js'
import { sendPage, siteFor } from '../../page.js'
import { refuseUnless } from '../../staff-gate.js'
import { translateMessage } from '../../../i18n/index.js'

const field = Type.Optional(Type.String({ maxLength: 200 }))
const LogQuery = Type.Object(
  {
    actor: field,
    action: field,
    targetType: field,
    targetId: field,
    from: field,
    to: field,
    beforeId: field,
  },
  { additionalProperties: false },
)
type LogQuery = Static<typeof LogQuery>

const PAGE = 50

export const adminLogRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: LogQuery }>(
    '/admin/log',
    { schema: { querystring: LogQuery } },
    async (req, reply) => {
      const refused = refuseUnless(req, reply, 'staff')
      if (refused) return refused
      const q = req.query
      const values: LogFilterValues = {
        actor: q.actor ?? '',
        action: q.action ?? '',
        targetType: q.targetType ?? '',
        targetId: q.targetId ?? '',
        from: q.from ?? '',
        to: q.to ?? '',
      }
      const { filter, errors } = parseLogFilter(q)
      const bad = Object.keys(errors).length > 0
      // One more than a page: whether an "Older" link is needed.
      const rows = bad ? [] : await listAuditEntries(req.db, { ...filter, limit: PAGE + 1 })
      const entries = rows.slice(0, PAGE)
      const last = entries.at(-1)
      const older =
        rows.length > PAGE && last !== undefined
          ? `/admin/log?${new URLSearchParams({
              ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
              beforeId: String(last.id),
            }).toString()}`
          : null
      return sendPage(reply, bad ? 422 : 200, AdminLogPage, {
        site: siteFor(req),
        entries,
        actions: await listAuditActions(req.db),
        targetTypes: AUDIT_TARGET_TYPES,
        form: {
          values,
          errors: Object.fromEntries(
            Object.entries(errors).map(([field, problem]) => [
              field,
              translateMessage(req.locale, problem),
            ]),
          ),
        },
        olderHref: older,
      })
    },
  )
}
