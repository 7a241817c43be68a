/** The SQL of notification mail: preferences, what a message tells, and what was told. */
import type { Executor } from '../../db/schema.js'
import type { NotificationKind } from './notifications.types.js'

export type EmailModeColumn = 'immediately' | 'daily' | 'weekly' | 'never'

export async function listEmailPrefRows(
  db: Executor,
  userId: number,
): Promise<{ kind: string; mode: EmailModeColumn }[]> {
  return db
    .selectFrom('notification_email_prefs')
    .select(['kind', 'mode'])
    .where('user_id', '=', userId)
    .execute()
}

export async function upsertEmailPref(
  db: Executor,
  userId: number,
  kind: NotificationKind,
  mode: EmailModeColumn,
): Promise<void> {
  await db
    .insertInto('notification_email_prefs')
    .values({ user_id: userId, kind, mode })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ mode }))
    .execute()
}

export async function findMailUser(
  db: Executor,
  userId: number,
): Promise<{ username: string; email: string | null } | undefined> {
  return db
    .selectFrom('users')
    .select(['username', 'email'])
    .where('id', '=', userId)
    .executeTakeFirst()
}

export interface UnsentRow {
  id: number
  kind: NotificationKind
  threadId: number
  threadTitle: string
  postId: number | null
  actor: string | null
  actorCount: number
}

/**
 * A person's notifications not yet read on the site nor mailed, of `kinds`, created by `until`;
 * optionally of one thread. Oldest first, at most 200.
 */
export async function listUnsentNotifications(
  db: Executor,
  q: { userId: number; kinds: NotificationKind[]; until: number; threadId?: number },
): Promise<UnsentRow[]> {
  if (q.kinds.length === 0) return []
  let query = db
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
    ])
    .where('n.user_id', '=', q.userId)
    .where('n.read_at', 'is', null)
    .where('n.emailed_at', 'is', null)
    .where('n.kind', 'in', q.kinds)
    .where('n.updated_at', '<=', q.until)
    .where('t.deleted_at', 'is', null)
  if (q.threadId !== undefined) query = query.where('n.thread_id', '=', q.threadId)
  const rows = await query.orderBy('n.updated_at').orderBy('n.id').limit(200).execute()
  return rows.map((r) => ({ ...r, kind: r.kind as NotificationKind }))
}

export async function markEmailed(db: Executor, ids: number[], now: number): Promise<void> {
  if (ids.length === 0) return
  await db.updateTable('notifications').set({ emailed_at: now }).where('id', 'in', ids).execute()
}

/** Busy threads of the tags a person watches or tracks, active since `since`. */
export async function listTopWatchedThreads(
  db: Executor,
  userId: number,
  since: number,
  limit: number,
): Promise<{ id: number; title: string }[]> {
  const rows = await db
    .selectFrom('tag_watches as w')
    .innerJoin('thread_tags as tt', 'tt.tag_id', 'w.tag_id')
    .innerJoin('threads as t', 't.id', 'tt.thread_id')
    .select(['t.id', 't.title', 't.reply_count'])
    .distinct()
    .where('w.user_id', '=', userId)
    .where('w.level', 'in', ['watching', 'tracking'])
    .where('tt.deleted', '=', 0)
    .where('tt.last_activity_at', '>=', since)
    .orderBy('t.reply_count', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ id: r.id, title: r.title }))
}

/** A page of the people who watch or track at least one tag, by id after `afterId`. */
export async function listTagWatcherIds(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('tag_watches')
    .select('user_id')
    .distinct()
    .where('level', 'in', ['watching', 'tracking'])
    .where('user_id', '>', afterId)
    .orderBy('user_id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.user_id)
}
