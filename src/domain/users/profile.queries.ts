import type { Executor } from '../../db/schema.js'
import { slugify } from '../format/index.js'
import { toExcerpt } from '../markdown/index.js'
import { listThreadsWhere } from '../thread-lists/index.js'
import type { ThreadListItem } from '../thread-lists/index.js'
import { uploadedAvatarRef, type Role, type UploadedAvatarRef } from '../shared/index.js'

export interface Profile {
  id: number
  username: string
  title: string | null
  role: Role
  joinedAt: number
  /** The uploaded avatar; null: the generated one. */
  avatar: UploadedAvatarRef | null
  counts: { threads: number; replies: number; boostsReceived: number; accepted: number }
}

/** A person's public profile with their counts, or undefined. */
export async function getProfile(db: Executor, username: string): Promise<Profile | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'title', 'role', 'created_at as joinedAt', 'avatar_version'])
    .where('username_key', '=', username.toLowerCase())
    .where('deleted_at', 'is', null) // a deleted account has no profile
    .executeTakeFirst()
  if (!user) return undefined
  const threads = await db
    .selectFrom('threads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('author_id', '=', user.id)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .executeTakeFirstOrThrow()
  const posts = await db
    .selectFrom('posts')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('kind', '=', 'reply').then(1).else(0).end()).as('replies'),
      eb.fn.sum<number>('boost_count').as('boosts'),
    ])
    .where('author_id', '=', user.id)
    .where('deleted_at', 'is', null)
    .where('kind', '!=', 'comment')
    .executeTakeFirstOrThrow()
  // From the person's replies to the threads that accepted them (threads_accepted_post), not a scan of
  // every thread.
  const accepted = await db
    .selectFrom('posts as p')
    .innerJoin('threads as t', 't.accepted_post_id', 'p.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.author_id', '=', user.id)
    .where('p.kind', '=', 'reply')
    .where('t.deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return {
    id: user.id,
    username: user.username,
    title: user.title,
    role: user.role,
    joinedAt: user.joinedAt,
    avatar: uploadedAvatarRef(user.id, user.avatar_version),
    counts: {
      threads: Number(threads.n),
      replies: Number(posts.replies ?? 0),
      boostsReceived: Number(posts.boosts ?? 0),
      accepted: Number(accepted.n),
    },
  }
}

/** A person's threads, most recently active first. */
export function listUserThreads(
  db: Executor,
  userId: number,
  page: { limit: number; offset: number },
): Promise<ThreadListItem[]> {
  return listThreadsWhere(db, { authorId: userId, ...page })
}

/** One of a person's posts, as their list of posts shows it. */
export interface UserPostItem {
  id: number
  kind: 'question' | 'reply' | 'comment'
  threadId: number
  threadTitle: string
  createdAt: number
  editedAt: number | null
  bodyHtml: string
  boostCount: number
  accepted: boolean
  recommended: boolean
}

/**
 * A person's live posts (questions, replies, comments), newest first, after `after` (the last one's
 * created_at and id); hidden ones and those of deleted or hidden threads are left out, as for any
 * reader. Reads posts_author (author_id, kind, created_at).
 * @example const page = await listUserPostsAfter(db, userId, { limit: 20, after: null })
 */
export async function listUserPostsAfter(
  db: Executor,
  userId: number,
  q: { limit: number; after: readonly [createdAt: number, id: number] | null },
): Promise<{ posts: UserPostItem[]; next: [number, number] | null }> {
  let query = db
    .selectFrom('posts as p')
    .innerJoin('threads as t', 't.id', 'p.thread_id')
    .select([
      'p.id',
      'p.kind',
      'p.thread_id as threadId',
      't.title as threadTitle',
      'p.created_at as createdAt',
      'p.edited_at as editedAt',
      'p.body_html as bodyHtml',
      'p.boost_count as boostCount',
      't.accepted_post_id as acceptedPostId',
      'p.recommended_by as recommendedBy',
    ])
    .where('p.author_id', '=', userId)
    .where('p.kind', 'in', ['question', 'reply', 'comment'])
    .where('p.deleted_at', 'is', null)
    .where('p.hidden_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('t.hidden_at', 'is', null)
  if (q.after) {
    const [at, id] = q.after
    query = query.where((eb) =>
      eb.or([
        eb('p.created_at', '<', at),
        eb.and([eb('p.created_at', '=', at), eb('p.id', '<', id)]),
      ]),
    )
  }
  const rows = await query
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(q.limit + 1)
    .execute()
  const posts = rows.slice(0, q.limit).map(({ acceptedPostId, recommendedBy, ...row }) => ({
    ...row,
    createdAt: Number(row.createdAt),
    editedAt: row.editedAt === null ? null : Number(row.editedAt),
    accepted: acceptedPostId === row.id,
    recommended: recommendedBy !== null,
  }))
  const last = posts.at(-1)
  return { posts, next: rows.length > q.limit && last ? [last.createdAt, last.id] : null }
}

/** Which of a person's posts a profile tab lists: their answers, or everything they wrote. */
export type ProfileTab = 'answers' | 'activity'

const TAB_KINDS: Record<ProfileTab, ('question' | 'reply' | 'comment')[]> = {
  answers: ['reply'],
  activity: ['question', 'reply', 'comment'],
}

/** One row of a profile tab: what the person wrote, where, when, and how it was received. */
export interface ProfilePostItem {
  id: number
  kind: 'question' | 'reply' | 'comment'
  threadId: number
  threadTitle: string
  threadSlug: string
  createdAt: number
  /** The first words of the post, as plain text. */
  excerpt: string
  boostCount: number
  /** The reply is its thread's accepted answer. */
  accepted: boolean
}

/** The posts a profile tab shows, as any reader may see them: live posts in live, visible threads. */
function visiblePosts(db: Executor, userId: number, tab: ProfileTab) {
  return db
    .selectFrom('posts as p')
    .innerJoin('threads as t', 't.id', 'p.thread_id')
    .where('p.author_id', '=', userId)
    .where('p.kind', 'in', TAB_KINDS[tab])
    .where('p.deleted_at', 'is', null)
    .where('p.hidden_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('t.hidden_at', 'is', null)
}

/** How many rows a profile tab has, for its paging and the count that links to it. */
export async function countProfilePosts(
  db: Executor,
  userId: number,
  tab: ProfileTab,
): Promise<number> {
  const row = await visiblePosts(db, userId, tab)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * A page of a profile tab, newest first (posts_author: author_id, kind, created_at).
 * @example const rows = await listProfilePosts(db, userId, 'answers', { limit: 20, offset: 0 })
 */
export async function listProfilePosts(
  db: Executor,
  userId: number,
  tab: ProfileTab,
  page: { limit: number; offset: number },
): Promise<ProfilePostItem[]> {
  const rows = await visiblePosts(db, userId, tab)
    .select([
      'p.id',
      'p.kind',
      'p.thread_id as threadId',
      't.title as threadTitle',
      'p.created_at as createdAt',
      'p.body_markdown as bodyMarkdown',
      'p.boost_count as boostCount',
      't.accepted_post_id as acceptedPostId',
    ])
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    threadId: r.threadId,
    threadTitle: r.threadTitle,
    threadSlug: slugify(r.threadTitle),
    createdAt: Number(r.createdAt),
    excerpt: toExcerpt(r.bodyMarkdown, 160),
    boostCount: Number(r.boostCount),
    accepted: r.acceptedPostId === r.id,
  }))
}
