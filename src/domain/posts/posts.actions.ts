/**
 * Replies, comments, edits, deletion and restoration. Each: load the facts, check the policy, validate,
 * then one transaction that writes, refreshes the thread's counters and re-indexes it for search.
 */
import type { Db, Executor } from '../../db/schema.js'
import { renderInlineMarkdown, renderMarkdown, toExcerpt } from '../markdown/index.js'
import { reindexThread } from '../search/index.js'
import { refreshSignatures } from '../signatures/index.js'
import { fail, ok, type Result } from '../shared/result.js'
import { refreshThread } from '../threads/thread-refresh.js'
import type { Viewer } from '../users/viewer.js'
import { findPostFacts, findThreadFacts } from './post-facts.queries.js'
import {
  canComment,
  canDelete,
  canEdit,
  canReply,
  canRestore,
  isStaff,
  type PostFacts,
} from './posts.policy.js'
import { insertPost } from './posts.queries.js'
import { checkBody, checkComment, checkTitle, normaliseText } from './posts.validation.js'
import { writeLimits } from './write-limits.js'

export interface Posted {
  postId: number
  threadId: number
}

function limited(viewer: Viewer, now: number): Result<never> | undefined {
  if (isStaff(viewer)) return undefined
  const wait = writeLimits.posts.retryAfterS(String(viewer.id), now)
  return wait > 0 ? fail.rateLimited(wait) : undefined
}

export async function postReply(
  db: Db,
  viewer: Viewer | null,
  input: { threadId: number; body: string },
  now = Date.now(),
): Promise<Result<Posted>> {
  const thread = await findThreadFacts(db, input.threadId)
  if (!thread || thread.deleted) return fail.notFound('thread')
  if (!viewer) return fail.forbidden('Sign in to reply.')
  if (!canReply(viewer, thread))
    return fail.forbidden('This thread is locked: it takes no new replies.')
  const body = normaliseText(input.body)
  const problem = checkBody(body) ?? limited(viewer, now)
  if (problem) return problem
  const postId = await db.transaction().execute(async (trx) => {
    const id = await insertPost(trx, {
      thread_id: thread.id,
      author_id: viewer.id,
      kind: 'reply',
      body_markdown: body,
      body_html: renderMarkdown(body),
      created_at: now,
    })
    await refreshThread(trx, thread.id, { activityAt: now })
    await reindexThread(trx, thread.id)
    await refreshSignatures(trx, thread.id)
    return id
  })
  writeLimits.posts.hit(String(viewer.id), now)
  return ok({ postId, threadId: thread.id })
}

export async function postComment(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number; body: string },
  now = Date.now(),
): Promise<Result<Posted>> {
  const parent = await findPostFacts(db, input.postId)
  if (!parent || parent.threadDeleted) return fail.notFound('post')
  if (!viewer) return fail.forbidden('Sign in to comment.')
  if (!canComment(viewer, parent))
    return fail.forbidden(
      parent.kind !== 'reply' ? 'Comments go under replies.' : 'This reply takes no comments.',
    )
  const body = normaliseText(input.body)
  const problem = checkComment(body) ?? limited(viewer, now)
  if (problem) return problem
  const postId = await db.transaction().execute(async (trx) => {
    const id = await insertPost(trx, {
      thread_id: parent.threadId,
      author_id: viewer.id,
      kind: 'comment',
      parent_id: parent.id,
      body_markdown: body,
      body_html: renderInlineMarkdown(body),
      created_at: now,
    })
    await refreshThread(trx, parent.threadId, { activityAt: now })
    return id
  })
  writeLimits.posts.hit(String(viewer.id), now)
  return ok({ postId, threadId: parent.threadId })
}

export interface EditInput {
  postId: number
  body: string
  /** Questions only: the thread's new title. */
  title?: string
}

/** Edits a post, keeping every version as a revision (the first edit also stores the original). */
export async function editPost(
  db: Db,
  viewer: Viewer | null,
  input: EditInput,
  now = Date.now(),
): Promise<Result<Posted>> {
  const post = await findPostFacts(db, input.postId)
  if (!post || (post.deleted && !isStaff(viewer))) return fail.notFound('post')
  if (!viewer) return fail.forbidden('Sign in to edit.')
  if (!canEdit(viewer, post)) return fail.forbidden('You can edit only your own posts.')
  const body = normaliseText(input.body)
  const title =
    post.kind === 'question' && input.title !== undefined
      ? normaliseText(input.title).trim().replace(/\s+/g, ' ')
      : undefined
  const problem =
    (title !== undefined ? checkTitle(title) : undefined) ??
    (post.kind === 'comment' ? checkComment(body) : checkBody(body))
  if (problem) return problem
  await db.transaction().execute(async (trx) => {
    await keepOriginalRevision(trx, post)
    const last = await trx
      .selectFrom('revisions')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('post_id', '=', post.id)
      .executeTakeFirst()
    await trx
      .insertInto('revisions')
      .values({
        post_id: post.id,
        editor_id: viewer.id,
        number: Number(last?.n ?? 0) + 1,
        title: title ?? null,
        body_markdown: body,
        created_at: now,
      })
      .execute()
    await trx
      .updateTable('posts')
      .set({
        body_markdown: body,
        body_html: post.kind === 'comment' ? renderInlineMarkdown(body) : renderMarkdown(body),
        edited_at: now,
      })
      .where('id', '=', post.id)
      .execute()
    if (post.kind === 'question') {
      await trx
        .updateTable('threads')
        .set({ excerpt: toExcerpt(body), ...(title !== undefined ? { title } : {}) })
        .where('id', '=', post.threadId)
        .execute()
    }
    await reindexThread(trx, post.threadId)
    await refreshSignatures(trx, post.threadId)
  })
  return ok({ postId: post.id, threadId: post.threadId })
}

/** Revision 1 is the text as first posted, written when the post is first edited. */
async function keepOriginalRevision(trx: Executor, post: PostFacts): Promise<void> {
  const existing = await trx
    .selectFrom('revisions')
    .select('id')
    .where('post_id', '=', post.id)
    .limit(1)
    .executeTakeFirst()
  if (existing) return
  const original = await trx
    .selectFrom('posts')
    .select(['body_markdown', 'created_at'])
    .where('id', '=', post.id)
    .executeTakeFirstOrThrow()
  const thread =
    post.kind === 'question'
      ? await trx
          .selectFrom('threads')
          .select('title')
          .where('id', '=', post.threadId)
          .executeTakeFirst()
      : undefined
  await trx
    .insertInto('revisions')
    .values({
      post_id: post.id,
      editor_id: post.authorId,
      number: 1,
      title: thread?.title ?? null,
      body_markdown: original.body_markdown,
      created_at: original.created_at,
    })
    .execute()
}

/**
 * Soft-deletes a post: the row stays (the thread still reads right, and staff can restore it) but its
 * text leaves every page and the search index. Deleting the question deletes the thread.
 */
export async function deletePost(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number },
  now = Date.now(),
): Promise<Result<Posted>> {
  const post = await findPostFacts(db, input.postId)
  if (!post || post.deleted) return fail.notFound('post')
  if (!viewer) return fail.forbidden('Sign in first.')
  if (!canDelete(viewer, post)) {
    return fail.forbidden(
      post.kind === 'question' && viewer.id === post.authorId
        ? 'A question with replies cannot be deleted by its author; ask a moderator.'
        : 'You can delete only your own posts.',
    )
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('posts')
      .set({ deleted_at: now, deleted_by: viewer.id })
      .where('id', '=', post.id)
      .execute()
    if (post.kind === 'question')
      await trx
        .updateTable('threads')
        .set({ deleted_at: now })
        .where('id', '=', post.threadId)
        .execute()
    if (post.acceptedPostId === post.id)
      await trx
        .updateTable('threads')
        .set({ accepted_post_id: null })
        .where('id', '=', post.threadId)
        .execute()
    await refreshThread(trx, post.threadId, { tagsChanged: post.kind === 'question' })
    await reindexThread(trx, post.threadId)
    await refreshSignatures(trx, post.threadId)
  })
  return ok({ postId: post.id, threadId: post.threadId })
}

export async function restorePost(
  db: Db,
  viewer: Viewer | null,
  input: { postId: number },
): Promise<Result<Posted>> {
  const post = await findPostFacts(db, input.postId)
  if (!post) return fail.notFound('post')
  if (!canRestore(viewer, post)) return fail.forbidden('Only moderators restore deleted posts.')
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('posts')
      .set({ deleted_at: null, deleted_by: null })
      .where('id', '=', post.id)
      .execute()
    if (post.kind === 'question')
      await trx
        .updateTable('threads')
        .set({ deleted_at: null })
        .where('id', '=', post.threadId)
        .execute()
    await refreshThread(trx, post.threadId, { tagsChanged: post.kind === 'question' })
    await reindexThread(trx, post.threadId)
    await refreshSignatures(trx, post.threadId)
  })
  return ok({ postId: post.id, threadId: post.threadId })
}
