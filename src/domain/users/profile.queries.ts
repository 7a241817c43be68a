import type { Executor } from '../../db/schema.js'
import { listThreadsWhere } from '../thread-lists/index.js'
import type { ThreadListItem } from '../thread-lists/index.js'
import type { Role } from '../shared/index.js'

export interface Profile {
  id: number
  username: string
  title: string | null
  role: Role
  joinedAt: number
  counts: { threads: number; replies: number; boostsReceived: number; accepted: number }
}

/** A person's public profile with their counts, or undefined. */
export async function getProfile(db: Executor, username: string): Promise<Profile | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'title', 'role', 'created_at as joinedAt'])
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
