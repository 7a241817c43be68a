import { compiledOnce } from '../../db/compiled-query.js'
import type { Executor, NewPost, PostsTable } from '../../db/schema.js'
import type { AttachmentView, CommentView, PostView } from './posts.types.js'
import { attachmentUrl } from '../attachments/index.js'
import { uploadedAvatarRef } from '../shared/index.js'

export interface ThreadPosts {
  question: PostView | undefined
  /** Oldest first. */
  replies: PostView[]
}

/** The rows of every post of a thread, oldest first (the thread page's read: compiled once). */
const postsOfThread = compiledOnce((db: Executor, threadId: number) =>
  db
    .selectFrom('posts as p')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .select([
      'p.id',
      'p.kind',
      'p.parent_id as parentId',
      'p.body_html as bodyHtml',
      'p.boost_count as boostCount',
      'p.created_at as createdAt',
      'p.edited_at as editedAt',
      'p.recommended_by as recommendedBy',
      'p.deleted_at as deletedAt',
      'p.author_id as authorId',
      'p.hidden_reason as hiddenReason',
      'p.hidden_note as hiddenNote',
      'u.username',
      'u.title as userTitle',
      'u.avatar_version as avatarVersion',
    ])
    .where('p.thread_id', '=', threadId)
    .orderBy('p.created_at')
    .orderBy('p.id'),
)

/**
 * Every post of a thread (question, replies, comments) with authors and attachment metadata, in two
 * queries whatever the thread's size.
 */
export async function listThreadPosts(db: Executor, threadId: number): Promise<ThreadPosts> {
  const rows = await postsOfThread(db, threadId)
  const attachments = await listAttachmentsOfThread(db, threadId)

  let question: PostView | undefined
  const replies: PostView[] = []
  const byId = new Map<number, PostView>()
  const comments: { parentId: number; comment: CommentView }[] = []
  for (const r of rows) {
    const author = {
      username: r.username,
      title: r.userTitle,
      avatar: uploadedAvatarRef(r.authorId, r.avatarVersion),
    }
    const hidden =
      r.hiddenReason === null ? null : { reason: r.hiddenReason, note: r.hiddenNote, masked: false }
    if (r.kind === 'comment') {
      if (r.deletedAt === null && r.parentId !== null) {
        comments.push({
          parentId: r.parentId,
          comment: {
            id: r.id,
            author,
            createdAt: r.createdAt,
            bodyHtml: r.bodyHtml,
            authorId: r.authorId,
            hidden,
          },
        })
      }
      continue
    }
    const deleted = r.deletedAt !== null
    const post: PostView = {
      id: r.id,
      author,
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      bodyHtml: deleted ? '' : r.bodyHtml,
      boostCount: r.boostCount,
      accepted: false,
      recommended: r.recommendedBy !== null,
      deleted,
      authorId: r.authorId,
      hidden: deleted ? null : hidden,
      attachments: deleted ? [] : (attachments.get(r.id) ?? []),
      comments: [],
    }
    byId.set(r.id, post)
    if (r.kind === 'question') question = post
    else replies.push(post)
  }
  for (const { parentId, comment } of comments) byId.get(parentId)?.comments.push(comment)
  return { question, replies }
}

/** The attachments of a thread's posts (the thread page's read: compiled once). */
const attachmentsOfThread = compiledOnce((db: Executor, threadId: number) =>
  db
    .selectFrom('attachments as a')
    .innerJoin('posts as p', 'p.id', 'a.post_id')
    .select([
      'a.id',
      'a.post_id as postId',
      'a.file_name as fileName',
      'a.content_type as contentType',
      'a.size',
      'a.preview_html as previewHtml',
      'a.line_count as lineCount',
    ])
    .where('p.thread_id', '=', threadId)
    .orderBy('a.created_at')
    .orderBy('a.file_name'),
)

async function listAttachmentsOfThread(
  db: Executor,
  threadId: number,
): Promise<Map<number, AttachmentView[]>> {
  const rows = await attachmentsOfThread(db, threadId)
  const byPost = new Map<number, AttachmentView[]>()
  for (const { postId, ...a } of rows) {
    const list = byPost.get(postId) ?? []
    list.push({ ...a, url: attachmentUrl(a.id, a.fileName) })
    byPost.set(postId, list)
  }
  return byPost
}

export async function insertPost(db: Executor, post: NewPost): Promise<number> {
  const row = await db.insertInto('posts').values(post).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** A post's Markdown as it stands, and when it was first posted. */
export async function findPostSource(
  db: Executor,
  postId: number,
): Promise<{ bodyMarkdown: string; createdAt: number }> {
  const row = await db
    .selectFrom('posts')
    .select(['body_markdown as bodyMarkdown', 'created_at as createdAt'])
    .where('id', '=', postId)
    .executeTakeFirstOrThrow()
  return row
}

/** The columns of a post row that writes change. */
export type PostPatch = Partial<
  Pick<
    PostsTable,
    'body_markdown' | 'body_html' | 'edited_at' | 'deleted_at' | 'deleted_by' | 'recommended_by'
  >
>

export async function updatePost(db: Executor, postId: number, patch: PostPatch): Promise<void> {
  await db.updateTable('posts').set(patch).where('id', '=', postId).execute()
}

/** Who recommended the post, or null. */
export async function findRecommender(db: Executor, postId: number): Promise<number | null> {
  const row = await db
    .selectFrom('posts')
    .select('recommended_by')
    .where('id', '=', postId)
    .executeTakeFirstOrThrow()
  return row.recommended_by
}

/** Up to `limit` posts after `afterId` in id order, with their Markdown and stored HTML (re-rendering). */
export function listPostBodiesAfter(db: Executor, afterId: number, limit: number) {
  return db
    .selectFrom('posts')
    .select(['id', 'body_markdown as markdown', 'body_html as html'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** Replaces a post's stored HTML (its Markdown unchanged): not an edit, so no revision and no edited time. */
export async function updatePostHtml(db: Executor, postId: number, html: string): Promise<void> {
  await db.updateTable('posts').set({ body_html: html }).where('id', '=', postId).execute()
}

/** Every post, live or deleted: the total a re-render walks. */
export async function countAllPosts(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
