/**
 * What a person's account holds, for the export (/settings/account): their profile, posts with the
 * Markdown they wrote, the revisions they made, their boosts and their sessions. No password hash, no
 * token hash: nothing here could sign anyone in.
 */
import type { Executor } from '../../db/schema.js'

export interface AccountProfileRow {
  id: number
  username: string
  email: string | null
  role: string
  title: string | null
  createdAt: number
}

export function findAccountProfile(
  db: Executor,
  userId: number,
): Promise<AccountProfileRow | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'email', 'role', 'title', 'created_at as createdAt'])
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export function listAccountPosts(db: Executor, userId: number) {
  return db
    .selectFrom('posts as p')
    .innerJoin('threads as t', 't.id', 'p.thread_id')
    .select([
      'p.id',
      'p.thread_id as threadId',
      't.title as threadTitle',
      'p.kind',
      'p.parent_id as parentId',
      'p.body_markdown as markdown',
      'p.created_at as createdAt',
      'p.edited_at as editedAt',
      'p.deleted_at as deletedAt',
    ])
    .where('p.author_id', '=', userId)
    .orderBy('p.id')
    .execute()
}

export function listAccountRevisions(db: Executor, userId: number) {
  return db
    .selectFrom('revisions')
    .select([
      'post_id as postId',
      'number',
      'title',
      'body_markdown as markdown',
      'created_at as createdAt',
    ])
    .where('editor_id', '=', userId)
    .orderBy('post_id')
    .orderBy('number')
    .execute()
}

export function listAccountBoosts(db: Executor, userId: number) {
  return db
    .selectFrom('boosts as b')
    .innerJoin('posts as p', 'p.id', 'b.post_id')
    .select(['b.post_id as postId', 'p.thread_id as threadId', 'b.created_at as createdAt'])
    .where('b.user_id', '=', userId)
    .orderBy('b.created_at')
    .execute()
}

/** What the person is writing and has not posted: the question on /ask (no thread) and replies. */
export function listAccountDrafts(db: Executor, userId: number) {
  return db
    .selectFrom('drafts')
    .select(['thread_id as threadId', 'title', 'body', 'tags', 'updated_at as updatedAt'])
    .where('user_id', '=', userId)
    .orderBy('updated_at')
    .execute()
}

export function listAccountSessions(db: Executor, userId: number) {
  return db
    .selectFrom('sessions')
    .select([
      'id_hash as idHash',
      'user_agent as userAgent',
      'ip',
      'created_at as createdAt',
      'last_seen_at as lastSeenAt',
      'expires_at as expiresAt',
    ])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute()
}

/**
 * Clears every personal field of an account's row and marks it deleted; the row stays so the posts
 * keep an author, shown as "deleted user". A column added to `users` later that holds something
 * personal must be cleared here too (test/integration/http/account-deletion.test.ts reads every text
 * column of every table for the old name and address).
 */
export async function eraseUserRow(
  db: Executor,
  userId: number,
  placeholder: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      username: placeholder,
      username_key: placeholder.toLowerCase(),
      email: null,
      email_key: null,
      password_hash: null,
      role: 'member',
      title: null,
      deleted_at: now,
    })
    .where('id', '=', userId)
    .execute()
}

/** How many accounts hold the admin role (deleted ones hold none). */
export async function countAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
