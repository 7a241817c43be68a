/** The SQL of hiding posts and of the review queue's items. */
import type { Executor } from '../../db/schema.js'
import { sql } from 'kysely'
import type { HiddenReason, ReviewKind } from './review.types.js'

export async function findPostForReview(db: Executor, postId: number) {
  return db
    .selectFrom('posts as p')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .innerJoin('threads as t', 't.id', 'p.thread_id')
    .select([
      'p.id',
      'p.kind',
      'p.thread_id as threadId',
      'p.author_id as authorId',
      'u.username as authorName',
      't.title as threadTitle',
      'p.hidden_at as hiddenAt',
      'p.hidden_reason as hiddenReason',
      'p.deleted_at as deletedAt',
    ])
    .where('p.id', '=', postId)
    .executeTakeFirst()
}

export async function setPostHidden(
  db: Executor,
  postId: number,
  hidden: { at: number; reason: HiddenReason; note: string | null; by: number | null } | null,
): Promise<void> {
  await db
    .updateTable('posts')
    .set({
      hidden_at: hidden?.at ?? null,
      hidden_reason: hidden?.reason ?? null,
      hidden_note: hidden?.note ?? null,
      hidden_by: hidden?.by ?? null,
    })
    .where('id', '=', postId)
    .execute()
}

export async function setThreadHidden(
  db: Executor,
  threadId: number,
  hidden: { at: number; reason: HiddenReason } | null,
): Promise<void> {
  await db
    .updateTable('threads')
    .set({ hidden_at: hidden?.at ?? null, hidden_reason: hidden?.reason ?? null })
    .where('id', '=', threadId)
    .execute()
}

/** Opens a review item for the post unless one is pending already; returns its id. */
export async function openReviewItem(
  db: Executor,
  postId: number,
  kind: ReviewKind,
  now: number,
): Promise<number> {
  // One pending item per post (a partial unique index): a second flag moves it to the top instead.
  const row = await db
    .insertInto('review_items')
    .values({ post_id: postId, kind, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('post_id')
        // A literal, not a parameter: PostgreSQL matches the partial index by its predicate's text.
        .where('status', '=', sql.lit('pending'))
        .doUpdateSet({ updated_at: now }),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Whether `editorId` edited the post at or after `since` (the author's one edit of a hidden post). */
export async function hasEditSince(
  db: Executor,
  postId: number,
  editorId: number,
  since: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('revisions')
    .select('post_id')
    .where('post_id', '=', postId)
    .where('editor_id', '=', editorId)
    .where('created_at', '>=', since)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}
