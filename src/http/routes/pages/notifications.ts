/** /notifications (the list, mark all read), /watch (a thread's or tag's level) and /settings/watching. */
import type { FastifyPluginAsync } from 'fastify'
import type { Static } from '@sinclair/typebox'
import { Type } from '@sinclair/typebox'
import {
  NOTIFICATION_KINDS,
  countNotifications,
  getEmailPrefs,
  isUnsubscribeToken,
  listNotifications,
  markAllNotificationsRead,
  saveEmailPrefs,
  suggestMentions,
  unsubscribeFromEmail,
} from '../../../domain/notifications/index.js'
import { NotificationSettingsPage } from '../../../views/pages/notification-settings-page.js'
import { UnsubscribePage } from '../../../views/pages/unsubscribe-page.js'
import { formErrors, STATUS } from '../../failure.js'
import {
  getWatchDefaults,
  listUserWatches,
  saveWatchDefaults,
  setWatchLevel,
  type WatchDefaults,
} from '../../../domain/watching/index.js'
import { NotificationsPage } from '../../../views/pages/notifications-page.js'
import { WatchingPage } from '../../../views/pages/watching-page.js'
import { sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { pageWindow } from '../../paging.js'
import { formBody, safeNext } from '../../schemas/forms.js'
import { PageQuery } from '../../schemas/listing.js'
import { translate } from '../../../i18n/index.js'

const WatchForm = formBody(['target', 'id', 'level', 'next'], 500)
type WatchForm = Static<typeof WatchForm>
const ReadAllForm = formBody([])
const PrefsForm = formBody([...NOTIFICATION_KINDS], 20)
type PrefsForm = Static<typeof PrefsForm>
const DefaultsForm = formBody(['on_ask', 'on_reply'], 20)
type DefaultsForm = Static<typeof DefaultsForm>

/** The watch defaults form's values, from what is saved. */
const defaultsValues = (d: WatchDefaults) => ({ on_ask: d.onAsk, on_reply: d.onReply })
const UnsubscribeFields = {
  u: Type.Optional(Type.String({ maxLength: 12 })),
  t: Type.Optional(Type.String({ maxLength: 100 })),
}
const UnsubscribeQuery = Type.Object(UnsubscribeFields)
/** The one-click body of RFC 8058 adds `List-Unsubscribe=One-Click`. */
const UnsubscribeBody = Type.Object({
  ...UnsubscribeFields,
  'List-Unsubscribe': Type.Optional(Type.String({ maxLength: 20 })),
})
type UnsubscribeFields = Static<typeof UnsubscribeQuery>
const MentionQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) })

function userIdOf(value: string | undefined): number {
  return /^[1-9]\d{0,8}$/.test(value ?? '') ? Number(value) : 0
}

export const notificationRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: Static<typeof PageQuery> }>(
    '/notifications',
    { schema: { querystring: PageQuery } },
    async (req, reply) => {
      if (!req.viewer) return reply.redirect('/login?next=/notifications', 303)
      const total = await countNotifications(req.db, req.viewer.id)
      const window = pageWindow(req, reply, {
        page: req.query.page ?? 1,
        total,
        what: 'Your notifications',
        lastHref: (n) => (n > 1 ? `/notifications?page=${n}` : '/notifications'),
      })
      if (!window) return reply
      const groups = await listNotifications(req.db, req.viewer, window)
      // Shown, so read: the bell of this page and of the person's other open pages.
      const newlyRead = groups.flatMap((g) => g.items).filter((n) => !n.read).length
      if (newlyRead > 0) {
        req.unreadNotifications = Math.max(0, (req.unreadNotifications ?? 0) - newlyRead)
        app.live.publish(`user:${req.viewer.id}`, 'notification', {
          unread: req.unreadNotifications,
        })
      }
      return sendPage(reply, 200, NotificationsPage, {
        site: siteFor(req),
        groups,
        paging: window.paging,
      })
    },
  )

  app.post('/notifications/read-all', { schema: { body: ReadAllForm } }, async (req, reply) => {
    const result = await markAllNotificationsRead(req.db, req.viewer)
    if (!result.ok) return sendFailure(req, reply, result.failure)
    if (req.viewer) app.live.publish(`user:${req.viewer.id}`, 'notification', { unread: 0 })
    return reply.redirect('/notifications', 303)
  })

  app.post<{ Body: WatchForm }>('/watch', { schema: { body: WatchForm } }, async (req, reply) => {
    const { target, id, level, next } = req.body
    const parsed = /^[1-9]\d{0,9}$/.test(id ?? '') ? Number(id) : 0
    const numericId = parsed <= 2_147_483_647 ? parsed : 0
    const result = await setWatchLevel(req.db, req.viewer, {
      target: target === 'tag' ? 'tag' : 'thread',
      id: numericId,
      level,
    })
    if (!result.ok) return sendFailure(req, reply, result.failure)
    return reply.redirect(safeNext(next, app.config.publicUrl), 303)
  })

  app.get('/settings/notifications', async (req, reply) => {
    if (!req.viewer) return reply.redirect('/login?next=/settings/notifications', 303)
    const values = await getEmailPrefs(req.db, req.viewer.id)
    const defaults = await getWatchDefaults(req.db, req.viewer.id)
    return sendPage(reply, 200, NotificationSettingsPage, {
      site: siteFor(req),
      form: { values, errors: {} },
      defaults: { values: defaultsValues(defaults), errors: {} },
      notice: null,
    })
  })

  app.post<{ Body: PrefsForm }>(
    '/settings/notifications',
    { schema: { body: PrefsForm } },
    async (req, reply) => {
      const result = await saveEmailPrefs(req.db, req.viewer, req.body)
      if (!result.ok) {
        if (!req.viewer || result.failure.code !== 'invalid')
          return sendFailure(req, reply, result.failure)
        const saved = await getEmailPrefs(req.db, req.viewer.id)
        return sendPage(reply, STATUS[result.failure.code], NotificationSettingsPage, {
          site: siteFor(req),
          form: {
            values: { ...saved, ...req.body } as typeof saved,
            ...formErrors(result.failure, req.locale),
          },
          defaults: {
            values: defaultsValues(await getWatchDefaults(req.db, req.viewer.id)),
            errors: {},
          },
          notice: null,
        })
      }
      return sendPage(reply, 200, NotificationSettingsPage, {
        site: siteFor(req),
        form: { values: result.value, errors: {} },
        defaults: {
          values: defaultsValues(await getWatchDefaults(req.db, req.viewer?.id ?? 0)),
          errors: {},
        },
        notice: translate(req.locale, 'Saved.'),
      })
    },
  )

  // "When I ask / when I reply": the levels a person's own posts set on their threads.
  app.post<{ Body: DefaultsForm }>(
    '/settings/watch-defaults',
    { schema: { body: DefaultsForm } },
    async (req, reply) => {
      const result = await saveWatchDefaults(req.db, req.viewer, req.body)
      if (!result.ok && (!req.viewer || result.failure.code !== 'invalid'))
        return sendFailure(req, reply, result.failure)
      const viewerId = req.viewer?.id ?? 0
      return sendPage(
        reply,
        result.ok ? 200 : STATUS[result.failure.code],
        NotificationSettingsPage,
        {
          site: siteFor(req),
          form: { values: await getEmailPrefs(req.db, viewerId), errors: {} },
          defaults: result.ok
            ? { values: defaultsValues(result.value), errors: {} }
            : {
                values: { on_ask: req.body.on_ask ?? '', on_reply: req.body.on_reply ?? '' },
                ...formErrors(result.failure, req.locale),
              },
          notice: result.ok ? translate(req.locale, 'Saved your watch defaults.') : null,
        },
      )
    },
  )

  // The signed link of every notification mail: works signed out; a GET only asks.
  app.get<{ Querystring: UnsubscribeFields }>(
    '/unsubscribe',
    // Never cached: the page holds the person's signed token.
    { schema: { querystring: UnsubscribeQuery }, config: { pageCache: false } },
    async (req, reply) => {
      const userId = userIdOf(req.query.u)
      const token = req.query.t ?? ''
      const valid = userId > 0 && (await isUnsubscribeToken(req.db, userId, token))
      reply.header('cache-control', 'private, no-store')
      return sendPage(reply, valid ? 200 : 422, UnsubscribePage, {
        site: siteFor(req),
        state: valid ? ('ask' as const) : ('invalid' as const),
        userId: String(userId),
        token,
      })
    },
  )

  // The button, and mail programs' one-click POST (RFC 8058): the signature is the authority, not a
  // session, so the form token is not asked for (config csrf: 'signed').
  app.post<{ Body: Static<typeof UnsubscribeBody>; Querystring: UnsubscribeFields }>(
    '/unsubscribe',
    {
      schema: { body: UnsubscribeBody, querystring: UnsubscribeQuery },
      config: { csrf: 'signed' },
    },
    async (req, reply) => {
      const userIdText = req.body.u ?? req.query.u
      const token = req.body.t ?? req.query.t ?? ''
      const result = await unsubscribeFromEmail(req.db, { userId: userIdOf(userIdText), token })
      reply.header('cache-control', 'private, no-store')
      return sendPage(reply, result.ok ? 200 : 422, UnsubscribePage, {
        site: siteFor(req),
        state: result.ok ? ('done' as const) : ('invalid' as const),
        userId: '',
        token: '',
      })
    },
  )

  // The composer's @mention autocomplete (island mention-suggest): names only, signed in, limited.
  app.get<{ Querystring: Static<typeof MentionQuery> }>(
    '/mentions/suggest',
    { schema: { querystring: MentionQuery }, config: { pageCache: false } },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store')
      const result = await suggestMentions(req.db, req.viewer, req.query.q ?? '')
      if (!result.ok) return sendFailure(req, reply, result.failure)
      return reply.send({ users: result.value.map((username) => ({ username })) })
    },
  )

  app.get('/settings/watching', async (req, reply) => {
    if (!req.viewer) return reply.redirect('/login?next=/settings/watching', 303)
    const watches = await listUserWatches(req.db, req.viewer.id)
    return sendPage(reply, 200, WatchingPage, { site: siteFor(req), watches })
  })
}
