/**
 * The person's own notifications: the list (newest first; what it shows is read, as on the page), and
 * marking them read without listing, one or all. Token requests need the `read` scope.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { slugify, threadPath } from '../../../domain/format/index.js'
import {
  countUnread,
  notificationMessage,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../../domain/notifications/index.js'
import { sendFailure } from '../../failure.js'
import { Id, IdParams, Limit } from '../../schemas/api.js'
import { problems } from './responses.js'
import { refuseWithoutScope } from './scopes.js'
import { translateMessage } from '../../../i18n/index.js'

const NotificationSchema = Type.Object({
  id: Id,
  kind: Type.String(),
  text: Type.String(),
  threadId: Id,
  threadTitle: Type.String(),
  postId: Type.Union([Id, Type.Null()]),
  url: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  actorCount: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
})

const UnreadSchema = Type.Object({
  unread: Type.Integer({ description: 'How many of your notifications are still unread' }),
})

export const apiNotificationRoutes: FastifyPluginAsync = async (app) => {
  const base = app.config.publicUrl

  app.get<{ Querystring: { limit?: number } }>(
    '/notifications',
    {
      schema: {
        summary: 'Your notifications, newest first (reading them marks them read)',
        tags: ['notifications'],
        security: [{ bearer: [] }],
        querystring: Type.Object({ limit: Type.Optional(Limit) }),
        response: {
          200: Type.Object({ items: Type.Array(NotificationSchema) }),
          ...problems(400, 403),
        },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'read')) return reply
      reply.header('cache-control', 'private, no-store')
      const groups = await listNotifications(req.db, req.viewer!, {
        limit: req.query.limit ?? 20,
        offset: 0,
      })
      // The page groups them by thread; the API lists them newest first.
      const items = groups
        .flatMap((g) => g.items)
        .sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id)
      // Shown, so read: the bell of the person's open pages says so, as the page's reading does.
      if (items.some((n) => !n.read))
        app.live.publish(`user:${req.viewer!.id}`, 'notification', {
          unread: await countUnread(req.db, req.viewer!.id),
        })
      return {
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          // The API speaks English (docs/api.md).
          text: translateMessage('en', notificationMessage(n)),
          threadId: n.threadId,
          threadTitle: n.threadTitle,
          postId: n.postId,
          url: `${base}${threadPath(n.threadId, slugify(n.threadTitle))}${n.postId !== null ? `#post-${n.postId}` : ''}`,
          actor: n.actor,
          actorCount: n.actorCount,
          updatedAt: new Date(n.updatedAt).toISOString(),
          read: n.read,
        })),
      }
    },
  )

  app.post<{ Params: Static<typeof IdParams> }>(
    '/notifications/:id/read',
    {
      schema: {
        summary: 'Mark one of your notifications read',
        tags: ['notifications'],
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: UnreadSchema, ...problems(400, 403, 404) },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'read')) return reply
      const result = await markNotificationRead(req.db, req.viewer, req.params.id)
      if (!result.ok) return sendFailure(req, reply, result.failure)
      app.live.publish(`user:${req.viewer!.id}`, 'notification', result.value)
      return result.value
    },
  )

  app.post(
    '/notifications/read',
    {
      schema: {
        summary: 'Mark all your notifications read',
        tags: ['notifications'],
        security: [{ bearer: [] }],
        response: { 200: UnreadSchema, ...problems(403) },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'read')) return reply
      const result = await markAllNotificationsRead(req.db, req.viewer)
      if (!result.ok) return sendFailure(req, reply, result.failure)
      app.live.publish(`user:${req.viewer!.id}`, 'notification', { unread: 0 })
      return { unread: 0 }
    },
  )
}
