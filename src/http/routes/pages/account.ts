/** /settings/account: export the account's data as JSON, delete the account, and the page after. */
import { eraseAvatar } from '../../../domain/avatars/index.js'
import { eraseDrafts } from '../../../domain/drafts/index.js'
import { eraseFlagMessages } from '../../../domain/moderation/index.js'
import type { FastifyPluginAsync } from 'fastify'
import { eraseNotifications } from '../../../domain/notifications/index.js'
import { eraseLinkedLogins } from '../../../domain/oidc/index.js'
import { eraseSecondFactors } from '../../../domain/two-factor/index.js'
import { deleteAccount, exportAccount, type AccountEraser } from '../../../domain/users/index.js'
import { eraseWatches } from '../../../domain/watching/index.js'
import { emptyForm } from '../../../views/forms.js'
import { AccountDeletedPage } from '../../../views/pages/account-deleted-page.js'
import { AccountPage } from '../../../views/pages/account-page.js'
import { failureMessage, formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { DeleteAccountForm, EmptyForm } from '../../schemas/forms.js'
import { msg } from '../../../domain/shared/index.js'

const PAGE = '/settings/account'
/** What each feature above users keeps about a person, erased with the account. */
const ERASERS: readonly AccountEraser[] = [
  eraseLinkedLogins,
  eraseSecondFactors,
  eraseWatches,
  eraseNotifications,
  eraseFlagMessages,
  eraseDrafts,
  eraseAvatar,
]
const SIGN_IN = { code: 'forbidden', reason: msg('Sign in to manage your account.') } as const

export const accountRoutes: FastifyPluginAsync = async (app) => {
  app.get(PAGE, async (req, reply) => {
    if (!req.viewer) return reply.redirect(`/login?next=${PAGE}`, 303)
    return sendPage(reply, 200, AccountPage, {
      site: siteFor(req),
      form: emptyForm({ confirm: '' }),
      exportError: null,
    })
  })

  app.post(`${PAGE}/export`, { schema: { body: EmptyForm } }, async (req, reply) => {
    if (!req.viewer) return sendFailure(req, reply, SIGN_IN)
    const result = await exportAccount(req.db, req.viewer, req.sessionIdHash)
    if (!result.ok) {
      if (result.failure.code !== 'rate_limited') return sendFailure(req, reply, result.failure)
      reply.header('retry-after', String(result.failure.retryAfterS))
      return sendPage(reply, 429, AccountPage, {
        site: siteFor(req),
        form: emptyForm({ confirm: '' }),
        exportError: failureMessage(result.failure, req.locale),
      })
    }
    req.log.info({ userId: req.viewer.id, ip: req.ip }, 'account exported')
    const day = new Date().toISOString().slice(0, 10)
    return reply
      .header('cache-control', 'private, no-store')
      .header(
        'content-disposition',
        // Usernames are [A-Za-z0-9_-]: safe in a quoted filename as they are.
        `attachment; filename="quorum-${req.viewer.username}-${day}.json"`,
      )
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(result.value, null, 2))
  })

  app.post<{ Body: DeleteAccountForm }>(
    `${PAGE}/delete`,
    { schema: { body: DeleteAccountForm } },
    async (req, reply) => {
      if (!req.viewer) return sendFailure(req, reply, SIGN_IN)
      const confirm = req.body.confirm ?? ''
      const result = await deleteAccount(
        req.db,
        req.viewer,
        {
          password: req.body.password ?? '',
          confirm,
        },
        Date.now(),
        ERASERS,
      )
      if (!result.ok) {
        req.log.warn(
          { userId: req.viewer.id, ip: req.ip, code: result.failure.code },
          'account deletion refused',
        )
        if (result.failure.code === 'rate_limited')
          reply.header('retry-after', String(result.failure.retryAfterS))
        return sendPage(reply, STATUS[result.failure.code], AccountPage, {
          site: siteFor(req),
          form: { values: { confirm }, ...formErrors(result.failure, req.locale) },
          exportError: null,
        })
      }
      req.log.info(
        { userId: req.viewer.id, ip: req.ip, endedSessions: result.value.endedSessions },
        'account deleted',
      )
      return reply.endSession().redirect('/account/deleted', 303)
    },
  )

  app.get('/account/deleted', async (req, reply) => {
    return sendPage(reply, 200, AccountDeletedPage, { site: siteFor(req) })
  })
}
