/**
 * Choosing the interface language (docs/i18n.md). GET /language/:locale is what the footer's links
 * open: it remembers the choice in the `lang` cookie and goes back to the page the link was on. It is a
 * GET because it only changes how pages read, for this browser: an anonymous cached page can carry the
 * links without a form token, and a forged request can do no more than switch someone's language.
 * /settings/language keeps the choice on the account (every device), behind the CSRF token; saving it
 * also sets or clears the cookie, so the choice shows on this device at once (the cookie comes first).
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { findUserLocale, setUserLocale } from '../../../domain/users/index.js'
import { isLocale, LOCALE_COOKIE } from '../../../i18n/index.js'
import { LanguageSettingsPage } from '../../../views/pages/language-settings-page.js'
import { sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { LOCALE_COOKIE_MAX_AGE_S } from '../../plugins/locale.js'
import { formBody, safeNext } from '../../schemas/forms.js'

const LanguageForm = formBody(['locale'], 10)
type LanguageForm = Static<typeof LanguageForm>

const PAGE = '/settings/language'

export const languageRoutes: FastifyPluginAsync = async (app) => {
  const https = app.config.publicUrl.startsWith('https:')
  const remember = (reply: FastifyReply, locale: string | null): FastifyReply =>
    locale === null
      ? reply.clearCookie(LOCALE_COOKIE, { path: '/' })
      : reply.setCookie(LOCALE_COOKIE, locale, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: https,
          maxAge: LOCALE_COOKIE_MAX_AGE_S,
        })

  app.get<{ Params: { locale: string }; Querystring: { next?: string } }>(
    '/language/:locale',
    {
      schema: {
        params: Type.Object({ locale: Type.String({ maxLength: 10 }) }),
        querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) }),
      },
    },
    async (req, reply) => {
      if (!isLocale(req.params.locale))
        return sendFailure(req, reply, { code: 'not_found', what: 'language' })
      remember(reply, req.params.locale)
      return reply.redirect(safeNext(req.query.next, app.config.publicUrl), 303)
    },
  )

  app.get<{ Querystring: { saved?: string } }>(PAGE, async (req, reply) => {
    if (!req.viewer) return reply.redirect(`/login?next=${PAGE}`, 303)
    const chosen = await findUserLocale(req.db, req.viewer.id)
    return sendPage(reply, 200, LanguageSettingsPage, {
      site: siteFor(req),
      chosen: isLocale(chosen) ? chosen : null,
      saved: req.query.saved === '1',
    })
  })

  app.post<{ Body: LanguageForm }>(PAGE, { schema: { body: LanguageForm } }, async (req, reply) => {
    if (!req.viewer) return reply.redirect(`/login?next=${PAGE}`, 303)
    const value = req.body.locale
    // Anything but a known language (a hand-made request) means "as my browser asks".
    const locale = isLocale(value) ? value : null
    await setUserLocale(req.db, req.viewer.id, locale)
    remember(reply, locale)
    return reply.redirect(`${PAGE}?saved=1`, 303)
  })
}
