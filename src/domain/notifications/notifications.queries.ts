/** The SQL of notifications: the facts the job reads, the rows it writes, the list and the bell. */
import { sql } from 'kysely'
import type { Executor } from '../../db/schema.js'
import type {
  NotificationKind,
  NotificationView,
  NotificationWritten,
} from './notifications.types.js'

export interface PostForNotify {
  id: number
  threadId: number
  authorId: number
  kind: 'question' | 'reply' | 'comment'
  deleted: boolean
  /** Hidden from readers (flagged, held, by staff): nobody is told of it but by moderation notices. */
  hidden: boolean
  threadAuthorId: number
  threadDeleted: boolean
  parentAuthorId: number | null
}

export async function findPostForNotify(
  db: Executor,
  postId: number,
): Promise<PostForNotify | undefined> {
  const row = await db
    .selectFrom('posts as p')
    .innerJoin('threads as t', 't.id', 'p.thread_id')
    .leftJoin('posts as parent', 'parent.id', 'p.parent_id')
    .select([
      'p.id',
      'p.thread_id as threadId',
      'p.author_id as authorId',
      'p.kind',
      'p.deleted_at as deletedAt',
      'p.hidden_at as hiddenAt',
      't.author_id as threadAuthorId',
      't.deleted_at as threadDeletedAt',
      'parent.author_id as parentAuthorId',
    ])
    .where('p.id', '=', postId)
    .executeTakeFirst()
  if (!row) return undefined
  const { deletedAt, threadDeletedAt, hiddenAt, ...rest } = row
  return {
    ...rest,
    deleted: deletedAt !== null,
    hidden: hiddenAt !== null,
    threadDeleted: threadDeletedAt !== null,
  }
}

/** Ids of the accounts with these names (any case). */
export async function findUserIdsByNames(db: Executor, names: string[]): Promise<number[]> {
  if (names.length === 0) return []
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where(
      'username_key',
      'in',
      names.map((n) => n.toLowerCase()),
    )
    .execute()
  return rows.map((r) => r.id)
}

export interface NewNotification {
  userId: number
  kind: NotificationKind
  threadId: number
  postId: number | null
  actorId: number | null
  dedupeKey: string
}

/** Writes each notification once: a key the person already has is left alone. Returns what was new. */
export async function insertNotifications(
  db: Executor,
  rows: NewNotification[],
  now: number,
): Promise<NotificationWritten[]> {
  const written: NotificationWritten[] = []
  for (const row of rows) {
    const result = await db
      .insertInto('notifications')
      .values({
        user_id: row.userId,
        kind: row.kind,
        thread_id: row.threadId,
        post_id: row.postId,
        actor_id: row.actorId,
        dedupe_key: row.dedupeKey,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .executeTakeFirst()
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0)
      written.push({
        userId: row.userId,
        kind: row.kind,
        threadId: row.threadId,
        postId: row.postId,
      })
  }
  return written
}

/**
 * The one boost notification of a post: `count` people, the latest first; unread again when the count
 * grew. Setting the count (not adding one) keeps a job that runs twice from counting twice.
 */
export async function upsertBoostNotification(
  db: Executor,
  row: NewNotification,
  count: number,
  now: number,
): Promise<boolean> {
  const had = await db
    .selectFrom('notifications')
    .select(['id', 'actor_count'])
    .where('user_id', '=', row.userId)
    .where('dedupe_key', '=', row.dedupeKey)
    .executeTakeFirst()
  if (had && had.actor_count >= count) return false
  if (had) {
    await db
      .updateTable('notifications')
      .set({ actor_count: count, actor_id: row.actorId, updated_at: now, read_at: null })
      .where('id', '=', had.id)
      .execute()
    return true
  }
  await db
    .insertInto('notifications')
    .values({
      user_id: row.userId,
      kind: row.kind,
      thread_id: row.threadId,
      post_id: row.postId,
      actor_id: row.actorId,
      actor_count: count,
      dedupe_key: row.dedupeKey,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .execute()
  return true
}

export async function countPostBoosts(db: Executor, postId: number): Promise<number> {
  const row = await db
    .selectFrom('boosts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('post_id', '=', postId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countUnread(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countNotifications(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A page of a person's notifications, newest first. */
export async function listNotificationRows(
  db: Executor,
  userId: number,
  page: { limit: number; offset: number },
): Promise<NotificationView[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('threads as t', 't.id', 'n.thread_id')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .select([
      'n.id',
      'n.kind',
      'n.thread_id as threadId',
      't.title as threadTitle',
      'n.post_id as postId',
      'a.username as actor',
      'n.actor_count as actorCount',
      'n.updated_at as updatedAt',
      'n.read_at as readAt',
    ])
    .where('n.user_id', '=', userId)
    .orderBy('n.updated_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map(({ readAt, ...r }) => ({
    ...r,
    kind: r.kind as NotificationKind,
    updatedAt: Number(r.updatedAt),
    read: readAt !== null,
  }))
}

/** Marks these of the person's notifications read (those shown, or every one when `ids` is absent). */
export async function markNotificationsRead(
  db: Executor,
  userId: number,
  now: number,
  ids?: number[],
): Promise<number> {
  if (ids !== undefined && ids.length === 0) return 0
  let query = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (ids !== undefined) query = query.where('id', 'in', ids)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Whose notification `id` is; undefined when there is none. */
export async function findNotificationOwner(db: Executor, id: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('notifications')
    .select('user_id')
    .where('id', '=', id)
    .executeTakeFirst()
  return row?.user_id
}

/** The tags of a thread (where a new thread is announced live). */
export async function listThreadTagIds(db: Executor, threadId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('thread_tags')
    .select('tag_id')
    .where('thread_id', '=', threadId)
    .execute()
  return rows.map((r) => r.tag_id)
}

/** Deletes a person's notifications and mail preferences (the account's deletion). */
export async function eraseNotifications(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('notifications').where('user_id', '=', userId).execute()
  await db.deleteFrom('notification_email_prefs').where('user_id', '=', userId).execute()
}

/**
 * Up to `limit` usernames starting with `prefix` (lower case, letters, digits, - and _ only), in name
 * order: live accounts, not deleted. `_` is escaped, so it matches itself only.
 */
export async function listUsernamesByPrefix(
  db: Executor,
  prefix: string,
  limit: number,
): Promise<string[]> {
  const pattern = `${prefix.replace(/_/g, '\\_')}%`
  const rows = await db
    .selectFrom('users')
    .select('username')
    .where(sql<boolean>`username_key like ${pattern} escape '\\'`)
    .where('deleted_at', 'is', null)
    .orderBy('username_key')
    .limit(limit)
    .execute()
  return rows.map((r) => r.username)
}

/**
 * After a merge moved posts from one thread into another: their notifications point at the thread
 * the posts are in now (the question's, and those without a post, stay with the old thread).
 */
export async function moveNotificationsWithPosts(
  db: Executor,
  fromThreadId: number,
  toThreadId: number,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ thread_id: toThreadId })
    .where('thread_id', '=', fromThreadId)
    .where('post_id', 'in', (eb) =>
      eb.selectFrom('posts').select('id').where('thread_id', '=', toThreadId),
    )
    .execute()
}
