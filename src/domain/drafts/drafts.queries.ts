/** The drafts table: one row per person and thread, or per person with no thread (the question on /ask). */
import type { Executor } from '../../db/schema.js'
import type { Draft } from './drafts.types.js'

/** The person's draft for a thread (or for /ask when `threadId` is null); undefined when there is none. */
export async function findDraft(
  db: Executor,
  userId: number,
  threadId: number | null,
): Promise<Draft | undefined> {
  return db
    .selectFrom('drafts')
    .select(['thread_id as threadId', 'title', 'body', 'tags', 'updated_at as updatedAt'])
    .where('user_id', '=', userId)
    .where('thread_id', threadId === null ? 'is' : '=', threadId)
    .executeTakeFirst()
}

/**
 * Writes the draft, replacing the one for the same person and thread. The conflict target names the
 * partial unique index that applies (with or without a thread), since NULLs never conflict.
 */
export async function upsertDraft(db: Executor, userId: number, draft: Draft): Promise<void> {
  const values = {
    user_id: userId,
    thread_id: draft.threadId,
    title: draft.title,
    body: draft.body,
    tags: draft.tags,
    updated_at: draft.updatedAt,
  }
  const update = {
    title: draft.title,
    body: draft.body,
    tags: draft.tags,
    updated_at: draft.updatedAt,
  }
  await db
    .insertInto('drafts')
    .values(values)
    .onConflict((oc) =>
      draft.threadId === null
        ? oc.column('user_id').where('thread_id', 'is', null).doUpdateSet(update)
        : oc
            .columns(['user_id', 'thread_id'])
            .where('thread_id', 'is not', null)
            .doUpdateSet(update),
    )
    .execute()
}

/** Deletes the person's draft for a thread (or for /ask); true when there was one. */
export async function deleteDraft(
  db: Executor,
  userId: number,
  threadId: number | null,
): Promise<boolean> {
  const result = await db
    .deleteFrom('drafts')
    .where('user_id', '=', userId)
    .where('thread_id', threadId === null ? 'is' : '=', threadId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Every draft of a person, for the account's deletion (run in its transaction). */
export async function eraseDrafts(trx: Executor, userId: number): Promise<void> {
  await trx.deleteFrom('drafts').where('user_id', '=', userId).execute()
}

/**
 * Whether the person posted exactly this text since `since`: as a reply to the thread, or as a question
 * (`threadId` null). A draft save that reaches the server after the post it became must not bring the
 * draft back.
 */
export async function hasJustPosted(
  db: Executor,
  userId: number,
  threadId: number | null,
  body: string,
  since: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('posts')
    .select('id')
    .where('author_id', '=', userId)
    .where('created_at', '>=', since)
    .where('kind', '=', threadId === null ? 'question' : 'reply')
    .$if(threadId !== null, (qb) => qb.where('thread_id', '=', threadId!))
    .where('body_markdown', '=', body)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}
