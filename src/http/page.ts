/**
 * Glue between routes and views: the site context every page needs, and rendering a page component
 * into a complete HTML response.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isEmailVerificationRequired } from '../config.js'
import { h, type FunctionComponent } from 'preact'
import { renderDocument } from '../views/render.js'
import type { SiteContext } from '../views/site.js'

export function siteFor(req: FastifyRequest): SiteContext {
  const app = req.server
  return {
    name: app.siteSettings.peek()?.siteName ?? 'Quorum',
    description: app.siteSettings.peek()?.siteDescription ?? '',
    baseUrl: app.config.publicUrl,
    assets: {
      css: app.assets.url('quorum.css') ?? '/assets/missing.css',
      js: app.assets.url('build/main.js'),
      passkeys: app.assets.url('build/passkeys.js'),
    },
    viewer: req.viewer ?? null,
    path: req.url,
    now: Date.now(),
    csrfToken: req.csrfToken ?? null,
    emailNotice:
      req.viewer && req.emailUnverified
        ? isEmailVerificationRequired(app.config)
          ? 'required'
          : 'reminder'
        : null,
    unreadNotifications: req.unreadNotifications,
    pendingReview: req.pendingReview,
    silenceNotice: req.silenceNotice,
  }
}

/** Renders a page component to a full document and sends it with the given status. */
export function sendPage<P>(
  reply: FastifyReply,
  status: number,
  component: FunctionComponent<P>,
  props: P,
): FastifyReply {
  const html = renderDocument(
    h(component as FunctionComponent<Record<string, unknown>>, props as Record<string, unknown>),
    reply.request.locale,
  )
  return reply.code(status).type('text/html; charset=utf-8').send(html)
}
