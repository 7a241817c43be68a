/**
 * Writes to a thread's own row and its tag links: a new thread, its title and excerpt, deletion, the
 * accepted answer. The counters and sort keys that follow from them are refreshThread's.
 */
import type { Updateable } from 'kysely'
import type { Executor, ThreadsTable } from '../../db/schema.js'

export interface NewThread {
  title: string
  authorId: number
  excerpt: string
  createdAt: number
}

/** Inserts a thread row (no posts, no tags yet) and returns its id. */
export async function insertThread(db: Executor, thread: NewThread): Promise<number> {
  const { id } = await db
    .insertInto('threads')
    .values({
      title: thread.title,
      author_id: thread.authorId,
      excerpt: thread.excerpt,
      created_at: thread.createdAt,
      last_activity_at: thread.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Links a new thread to its tags, the first being its main tag. */
export async function insertThreadTags(
  db: Executor,
  threadId: number,
  tagIds: readonly number[],
  now: number,
): Promise<void> {
  await db
    .insertInto('thread_tags')
    .values(
      tagIds.map((tagId, position) => ({
        thread_id: threadId,
        tag_id: tagId,
        position,
        created_at: now,
        last_activity_at: now,
      })),
    )
    .execute()
}

/** The columns of a thread row that writes other than counting change. */
export type ThreadRowPatch = Pick<
  Updateable<ThreadsTable>,
  | 'title'
  | 'excerpt'
  | 'deleted_at'
  | 'accepted_post_id'
  | 'locked'
  | 'pinned'
  | 'home_pinned'
  | 'pinned_until'
  | 'duplicate_of'
>

export async function updateThread(
  db: Executor,
  threadId: number,
  patch: ThreadRowPatch,
): Promise<void> {
  await db.updateTable('threads').set(patch).where('id', '=', threadId).execute()
}

/** A thread's title, deleted or not; undefined when there is no such thread. */
export async function findThreadTitle(db: Executor, threadId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('threads')
    .select('title')
    .where('id', '=', threadId)
    .executeTakeFirst()
  return row?.title
}
