/**
 * The language of each request's pages (docs/i18n.md): the `lang` cookie (a choice made on this device,
 * by the footer's links or /settings/language), then the signed-in person's account setting (the same
 * choice on a new device), then the browser's `Accept-Language`, then English. Pages are rendered in
 * `req.locale` (http/page.ts), the page cache keeps one entry per language, and every HTML response says
 * `Content-Language` and `Vary: Accept-Language` (a shared cache must not give a German page to a
 * French browser that asked for English).
 */
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from '../../i18n/index.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The language this request's pages and messages are in. */
    locale: Locale
  }
}

/** How long the footer's choice is remembered: a year, renewed by choosing again. */
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 3600

export function localeOf(req: FastifyRequest): Locale {
  // Undefined when a hook answered before the cookie plugin ran (the rate limit's 429).
  const cookies = req.cookies as FastifyRequest['cookies'] | undefined
  const chosen = cookies?.[LOCALE_COOKIE]
  if (isLocale(chosen)) return chosen
  const account = req.viewer?.locale
  if (isLocale(account)) return account
  const header = req.headers['accept-language']
  return negotiateLocale(Array.isArray(header) ? header[0] : header)
}

export const localePlugin = fp(
  async (app) => {
    app.decorateRequest('locale', 'en')
    // onRequest, after the session plugin's (which finds the viewer): before the page cache looks up
    // its entry, whose key is the language and the URL.
    app.addHook('onRequest', async (req) => {
      if (req.url.startsWith('/assets/')) return
      req.locale = localeOf(req)
    })
    app.addHook('onSend', async (req, reply, payload) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
        reply.header('content-language', req.locale)
      }
      return payload
    })
  },
  { name: 'locale', dependencies: ['session'] },
)
