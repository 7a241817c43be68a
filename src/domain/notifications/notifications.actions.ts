/**
 * Who hears of what. A write enqueues an {@link ActivityEvent} in its transaction; after the commit the
 * notify job ({@link notifyActivity}) decides the recipients from the post, the @mentions and the watch
 * levels, and writes one notification each. The job's effect is idempotent by each notification's
 * `dedupe_key`, so a job that runs twice notifies nobody twice.
 */
import type { Db, Executor } from '../../db/schema.js'
import { scheduleNotificationEmails } from './email.actions.js'
import { enqueueJob } from '../jobs/index.js'
import { fail, msg, ok, type Result, type Viewer } from '../shared/index.js'
import {
  listEffectiveThreadLevels,
  listThreadTagWatchLevels,
  type WatchLevel,
} from '../watching/index.js'
import {
  countNotifications,
  countPostBoosts,
  countUnread,
  findNotificationOwner,
  findPostForNotify,
  findUserIdsByNames,
  insertNotifications,
  listNotificationRows,
  markNotificationsRead,
  upsertBoostNotification,
  type NewNotification,
  type PostForNotify,
} from './notifications.queries.js'
import {
  MAX_MENTIONS,
  NOTIFY_JOB,
  type ActivityEvent,
  type NotificationGroup,
  type NotificationKind,
  type NotificationWritten,
} from './notifications.types.js'

/** The job key of an event: names this piece of work for good. */
function eventKey(event: ActivityEvent): string {
  switch (event.type) {
    case 'post.created':
      return `post:${event.postId}`
    case 'thread.created':
      return `thread:${event.threadId}`
    case 'post.edited':
      return `edit:${event.postId}:${event.at}`
    case 'answer.accepted':
      return `accept:${event.postId}:${event.byId}`
    case 'reply.recommended':
      return `recommend:${event.postId}:${event.byId}`
    case 'post.boosted':
      return `boost:${event.postId}:${event.byId}:${event.at}`
    case 'moderation':
      return `mod:${event.notice}:${event.postId}:${event.at}`
    case 'post.deleted':
      return `delete:${event.postId}:${event.at}`
    case 'flag.created':
      return `flag:${event.postId}:${event.byId}`
    case 'user.created':
      return `user:${event.userId}`
  }
}

/** Queues the notify job of `event`; call it in the transaction of the change. */
export async function enqueueActivity(
  trx: Executor,
  event: ActivityEvent,
  now = Date.now(),
): Promise<void> {
  await enqueueJob(trx, { kind: NOTIFY_JOB, key: `notify:${eventKey(event)}`, payload: event }, now)
}

/** Mentions (at most 10 names) as recipients, skipping the author. */
async function mentioned(db: Executor, post: PostForNotify, names: string[]): Promise<number[]> {
  const ids = await findUserIdsByNames(db, names.slice(0, MAX_MENTIONS))
  return ids.filter((id) => id !== post.authorId)
}

/**
 * The recipients of a new post: mentions first, then the person replied to (the asker for a reply,
 * the reply's author for a comment), then everyone watching the thread (or one of its tags). A muted
 * thread or tag silences all of it; the author hears nothing of their own post.
 */
async function recipientsOfPost(
  db: Executor,
  post: PostForNotify,
  levels: Map<number, WatchLevel>,
  event: Extract<ActivityEvent, { type: 'post.created' | 'thread.created' }>,
): Promise<Map<number, NotificationKind>> {
  const to = new Map<number, NotificationKind>()
  const add = (userId: number | null, kind: NotificationKind) => {
    if (userId === null || userId === post.authorId || to.has(userId)) return
    if (levels.get(userId) === 'muted') return
    to.set(userId, kind)
  }
  for (const id of await mentioned(db, post, event.mentions)) add(id, 'mention')
  if (post.kind === 'comment') add(post.parentAuthorId, 'comment')
  if (post.kind === 'reply') add(post.threadAuthorId, 'reply')
  // A new thread is news to its tags' watchers; a new post to the thread's (or its tags').
  const watchers =
    event.type === 'thread.created' ? await listThreadTagWatchLevels(db, post.threadId) : levels
  for (const [userId, level] of watchers)
    if (level === 'watching')
      add(userId, event.type === 'thread.created' ? 'new-thread' : 'watched-post')
  return to
}

/**
 * Runs one notify job: writes the notifications `event` causes, and queues the mail they call for, in
 * one transaction. Returns the notifications that are new (for the live bell).
 */
export async function notifyActivity(
  db: Db,
  event: ActivityEvent,
  options: { now?: number; emailWindowMs?: number } = {},
): Promise<NotificationWritten[]> {
  const now = options.now ?? Date.now()
  return db.transaction().execute(async (trx) => {
    const written = await writeNotifications(trx, event, now)
    await scheduleNotificationEmails(trx, written, now, options.emailWindowMs ?? 0)
    return written
  })
}

async function writeNotifications(
  db: Executor,
  event: ActivityEvent,
  now: number,
): Promise<NotificationWritten[]> {
  // Webhooks' events: nobody is told of these.
  if (
    event.type === 'post.deleted' ||
    event.type === 'flag.created' ||
    event.type === 'user.created'
  )
    return []
  const post = await findPostForNotify(db, event.postId)
  if (!post) return []
  if (event.type === 'moderation') return insertNotifications(db, moderationRows(post, event), now)
  // A post held or hidden before its job ran tells nobody (a mention in spam stays unread by all).
  if (post.deleted || post.threadDeleted || post.hidden) return []
  const levels = await listEffectiveThreadLevels(db, post.threadId)
  const one = (userId: number, kind: NotificationKind, actorId: number, dedupeKey: string) =>
    userId === actorId || levels.get(userId) === 'muted'
      ? []
      : [{ userId, kind, threadId: post.threadId, postId: post.id, actorId, dedupeKey }]
  let rows: NewNotification[]
  switch (event.type) {
    case 'post.created':
    case 'thread.created': {
      const to = await recipientsOfPost(db, post, levels, event)
      rows = [...to].map(([userId, kind]) => ({
        userId,
        kind,
        threadId: post.threadId,
        postId: post.id,
        actorId: post.authorId,
        dedupeKey: `post:${post.id}`,
      }))
      break
    }
    case 'post.edited':
      rows = one(post.authorId, 'edited', event.editorId, `edited:${post.id}:${event.at}`)
      break
    case 'answer.accepted':
      rows = one(post.authorId, 'accepted', event.byId, `accepted:${post.id}`)
      break
    case 'reply.recommended':
      rows = one(post.authorId, 'recommended', event.byId, `recommended:${post.id}`)
      break
    case 'post.boosted': {
      const [row] = one(post.authorId, 'boost', event.byId, `boost:${post.id}`)
      const count = await countPostBoosts(db, post.id)
      if (!row || count === 0) return []
      const changed = await upsertBoostNotification(db, row, count, now)
      return changed
        ? [{ userId: row.userId, kind: 'boost', threadId: post.threadId, postId: post.id }]
        : []
    }
  }
  return insertNotifications(db, rows, now)
}

/**
 * What a moderation outcome tells: each person named, once per event, even on a muted thread or a
 * removed post (it is about their own post or flag); never the moderator who decided.
 */
function moderationRows(
  post: PostForNotify,
  event: Extract<ActivityEvent, { type: 'moderation' }>,
): NewNotification[] {
  return [...new Set(event.userIds)]
    .filter((userId) => userId !== event.actorId)
    .map((userId) => ({
      userId,
      kind: event.notice,
      threadId: post.threadId,
      postId: post.id,
      actorId: event.actorId,
      dedupeKey: `${event.notice}:${post.id}:${event.at}`,
    }))
}

/**
 * A page of the viewer's notifications, grouped per thread (the thread of the newest first), and
 * marked read: visiting the list reads what it shows.
 */
export async function listNotifications(
  db: Executor,
  viewer: Viewer,
  page: { limit: number; offset: number },
  now = Date.now(),
): Promise<NotificationGroup[]> {
  const rows = await listNotificationRows(db, viewer.id, page)
  await markNotificationsRead(
    db,
    viewer.id,
    now,
    rows.filter((r) => !r.read).map((r) => r.id),
  )
  const groups = new Map<number, NotificationGroup>()
  for (const row of rows) {
    const group = groups.get(row.threadId) ?? {
      threadId: row.threadId,
      threadTitle: row.threadTitle,
      items: [],
    }
    group.items.push(row)
    groups.set(row.threadId, group)
  }
  return [...groups.values()]
}

export async function markAllNotificationsRead(
  db: Executor,
  viewer: Viewer | null,
  now = Date.now(),
): Promise<Result<{ marked: number }>> {
  if (!viewer) return fail.forbidden(msg('Sign in to see your notifications.'))
  return ok({ marked: await markNotificationsRead(db, viewer.id, now) })
}

/**
 * Marks one of the viewer's notifications read (the API's "mark read"); someone else's, or one that
 * does not exist, is not found. Answers how many stay unread, for the bell.
 */
export async function markNotificationRead(
  db: Executor,
  viewer: Viewer | null,
  id: number,
  now = Date.now(),
): Promise<Result<{ unread: number }>> {
  if (!viewer) return fail.forbidden(msg('Sign in to see your notifications.'))
  if ((await findNotificationOwner(db, id)) !== viewer.id) return fail.notFound('notification')
  await markNotificationsRead(db, viewer.id, now, [id])
  return ok({ unread: await countUnread(db, viewer.id) })
}

export { countNotifications }
