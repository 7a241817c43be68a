/** The SQL of the review queue: the pending items, a moderator's facts about an author, closing items. */
import type { Executor } from '../../db/schema.js'
import type { AuthorHistory } from './moderation.types.js'

type ItemStatus = 'agreed' | 'disagreed' | 'deleted' | 'approved' | 'spammer-deleted'

export async function countPendingReviewItems(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('review_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Pending items, the most recently opened or updated first, with their post and thread. */
export async function listPendingItemRows(db: Executor, limit: number) {
  const rows = await db
    .selectFrom('review_items as r')
    .innerJoin('posts as p', 'p.id', 'r.post_id')
    .innerJoin('threads as t', 't.id', 'p.thread_id')
    .select([
      'r.id',
      'r.kind',
      'r.created_at as createdAt',
      'r.updated_at as updatedAt',
      'p.id as postId',
      'p.kind as postKind',
      'p.thread_id as threadId',
      't.title as threadTitle',
      'p.body_html as bodyHtml',
      'p.created_at as postCreatedAt',
      'p.hidden_at as hiddenAt',
      'p.hidden_reason as hiddenReason',
      'p.hidden_note as hiddenNote',
      'p.author_id as authorId',
    ])
    .where('r.status', '=', 'pending')
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    ...r,
    createdAt: Number(r.createdAt),
    updatedAt: Number(r.updatedAt),
    postCreatedAt: Number(r.postCreatedAt),
    hiddenAt: r.hiddenAt === null ? null : Number(r.hiddenAt),
  }))
}

/** Which of these posts their authors edited at or after the time given for each (the re-review ask). */
export async function listEditedSince(
  db: Executor,
  posts: readonly { postId: number; authorId: number; since: number }[],
): Promise<Set<number>> {
  const edited = new Set<number>()
  for (const p of posts) {
    const row = await db
      .selectFrom('revisions')
      .select('post_id')
      .where('post_id', '=', p.postId)
      .where('editor_id', '=', p.authorId)
      .where('created_at', '>=', p.since)
      .limit(1)
      .executeTakeFirst()
    if (row) edited.add(p.postId)
  }
  return edited
}

/** What a moderator weighs about an author: age, posts, flags upheld before, trust level. */
export async function findAuthorHistory(
  db: Executor,
  userId: number,
): Promise<AuthorHistory | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'created_at as joinedAt', 'trust_level as trustLevel', 'role'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user) return undefined
  const posts = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('author_id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  const agreed = await db
    .selectFrom('flags as f')
    .innerJoin('posts as p', 'p.id', 'f.post_id')
    .select((eb) => eb.fn.count<number>('f.post_id').distinct().as('n'))
    .where('p.author_id', '=', userId)
    .where('f.status', '=', 'agreed')
    .executeTakeFirstOrThrow()
  return {
    ...user,
    joinedAt: Number(user.joinedAt),
    postCount: Number(posts.n),
    agreedFlags: Number(agreed.n),
  }
}

export async function findReviewItem(db: Executor, itemId: number) {
  return db
    .selectFrom('review_items as r')
    .innerJoin('posts as p', 'p.id', 'r.post_id')
    .select([
      'r.id',
      'r.kind',
      'r.status',
      'r.post_id as postId',
      'p.author_id as authorId',
      'p.thread_id as threadId',
      'p.kind as postKind',
      'p.body_markdown as bodyMarkdown',
      'p.hidden_reason as hiddenReason',
      'p.deleted_at as deletedAt',
    ])
    .where('r.id', '=', itemId)
    .executeTakeFirst()
}

/** Closes a post's pending items with the decision; returns how many were pending. */
export async function closeReviewItems(
  db: Executor,
  postId: number,
  status: ItemStatus,
  handledBy: number,
  now: number,
): Promise<number> {
  const result = await db
    .updateTable('review_items')
    .set({ status, handled_by: handledBy, handled_at: now, updated_at: now })
    .where('post_id', '=', postId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** A person's live posts, comments and replies before questions (a question takes its thread). */
export async function listLivePostIdsOf(db: Executor, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('posts')
    .select(['id', 'kind'])
    .where('author_id', '=', userId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
  const order = { comment: 0, reply: 1, question: 2 } as const
  return rows.sort((a, b) => order[a.kind] - order[b.kind]).map((r) => r.id)
}

/** The address and the last-seen IP a person signed up and posted from, for sign-up blocks. */
export async function findSpamOrigins(
  db: Executor,
  userId: number,
): Promise<{ email: string | null; ip: string | null }> {
  const user = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirst()
  const session = await db
    .selectFrom('sessions')
    .select('ip')
    .where('user_id', '=', userId)
    .where('ip', 'is not', null)
    .orderBy('last_seen_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return { email: user?.email ?? null, ip: session?.ip ?? null }
}
