import type { Executor } from '../../db/schema.js'
import type { PostFacts, ThreadFacts } from './posts.policy.js'

/** Posts joined to their thread, selecting what the post policies need. */
function postFactsQuery(db: Executor) {
  return db
    .selectFrom('posts as p')
    .innerJoin('threads as t', 't.id', 'p.thread_id')
    .select([
      'p.id',
      'p.thread_id as threadId',
      'p.kind',
      'p.author_id as authorId',
      'p.parent_id as parentId',
      'p.deleted_at as deletedAt',
      't.author_id as threadAuthorId',
      't.locked as threadLocked',
      't.duplicate_of as duplicateOf',
      't.deleted_at as threadDeletedAt',
      't.accepted_post_id as acceptedPostId',
      't.reply_count as replyCount',
    ])
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof postFactsQuery>['executeTakeFirstOrThrow']>>

function toFacts({
  deletedAt,
  threadDeletedAt,
  threadLocked,
  duplicateOf,
  ...rest
}: FactsRow): PostFacts {
  return {
    ...rest,
    deleted: deletedAt !== null,
    threadDeleted: threadDeletedAt !== null,
    threadLocked: threadLocked === 1,
    threadClosed: duplicateOf !== null,
  }
}

/** The facts the post policies need, for one post; undefined when it does not exist. */
export async function findPostFacts(db: Executor, postId: number): Promise<PostFacts | undefined> {
  const row = await postFactsQuery(db).where('p.id', '=', postId).executeTakeFirst()
  return row ? toFacts(row) : undefined
}

/** Facts for every question and reply of a thread at once (the thread page decides each post's buttons). */
export async function listPostFacts(db: Executor, threadId: number): Promise<PostFacts[]> {
  const rows = await postFactsQuery(db)
    .where('p.thread_id', '=', threadId)
    .where('p.kind', '!=', 'comment')
    .execute()
  return rows.map(toFacts)
}

export async function findThreadFacts(
  db: Executor,
  threadId: number,
): Promise<ThreadFacts | undefined> {
  const row = await db
    .selectFrom('threads')
    .select([
      'id',
      'author_id as authorId',
      'locked',
      'duplicate_of as duplicateOf',
      'deleted_at as deletedAt',
      'accepted_post_id as acceptedPostId',
    ])
    .where('id', '=', threadId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    authorId: row.authorId,
    locked: row.locked === 1,
    closed: row.duplicateOf !== null,
    deleted: row.deletedAt !== null,
    acceptedPostId: row.acceptedPostId,
  }
}
