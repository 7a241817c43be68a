/**
 * Writes whole threads (question, replies, comments, attachments, boosts) from the import format.
 * Each thread is written in the caller's transaction, so a bad thread never lands half-written.
 */
import type { Executor } from '../../db/schema.js'
import { cleanFileName, describeAttachment, insertAttachment } from '../attachments/index.js'
import { renderMarkdown, toExcerpt } from '../markdown/index.js'
import { randomId } from '../shared/ids.js'
import { ensureTag, refreshTagCounts } from '../tags/tags.queries.js'
import { syncThreadSortKeys } from '../threads/threads.queries.js'
import { insertPost } from '../posts/posts.queries.js'
import { reindexThread } from '../search/index.js'
import { toEpoch, type ImportThread } from './import.schema.js'

/** Caches user and tag ids across many imported threads. */
export interface ImportContext {
  users: Map<string, number>
  tags: Map<string, number>
  /** Users available to give boosts, in a stable order. */
  boosters: number[]
  /** Tags whose counts need refreshing once the batch commits. */
  touchedTags: Set<number>
  now: number
}

/** A fresh context; existing members give imported boosts first, reader accounts only when they run out. */
export async function createImportContext(db: Executor, now = Date.now()): Promise<ImportContext> {
  const rows = await db.selectFrom('users').select('id').orderBy('id').limit(500).execute()
  return {
    users: new Map(),
    tags: new Map(),
    boosters: rows.map((r) => r.id),
    touchedTags: new Set(),
    now,
  }
}

/** Imports one thread; returns its id. */
export async function importThread(
  db: Executor,
  input: ImportThread,
  ctx: ImportContext,
): Promise<number> {
  const createdAt = toEpoch(input.created_at)
  const authorId = await userId(db, ctx, input.author, input.author_title)
  const tagIds: number[] = []
  for (const slug of new Set(input.tags)) tagIds.push(await tagId(db, ctx, slug))

  const replies = input.replies ?? []
  const times = [
    createdAt,
    ...replies.flatMap((r) => [
      toEpoch(r.created_at),
      ...(r.comments ?? []).map((c) => toEpoch(c.created_at)),
    ]),
  ]
  const thread = await db
    .insertInto('threads')
    .values({
      title: input.title,
      author_id: authorId,
      excerpt: toExcerpt(input.body),
      reply_count: replies.length,
      view_count: input.views ?? 0,
      created_at: createdAt,
      last_activity_at: Math.max(...times),
      pinned: input.pinned ? 1 : 0,
      locked: input.locked ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const threadId = thread.id

  const questionId = await insertPost(db, {
    thread_id: threadId,
    author_id: authorId,
    kind: 'question',
    body_markdown: input.body,
    body_html: renderMarkdown(input.body),
    created_at: createdAt,
  })
  for (const file of input.attachments ?? []) {
    const content = new TextEncoder().encode(file.content)
    const name = cleanFileName(file.name)
    const facts = describeAttachment(name, content)
    await insertAttachment(db, {
      id: randomId(),
      post_id: questionId,
      file_name: name,
      content_type: facts.contentType,
      size: content.byteLength,
      content,
      preview_html: facts.previewHtml,
      line_count: facts.lineCount,
      created_at: createdAt,
    })
  }
  const questionBoosts = await addBoosts(
    db,
    ctx,
    questionId,
    authorId,
    input.boosts ?? 0,
    createdAt,
  )

  let acceptedId: number | null = null
  for (const reply of replies) {
    const replyAuthor = await userId(db, ctx, reply.author, reply.author_title)
    const replyAt = toEpoch(reply.created_at)
    const replyId = await insertPost(db, {
      thread_id: threadId,
      author_id: replyAuthor,
      kind: 'reply',
      body_markdown: reply.body,
      body_html: renderMarkdown(reply.body),
      created_at: replyAt,
    })
    if (reply.accepted) acceptedId = replyId
    const boosts = await addBoosts(db, ctx, replyId, replyAuthor, reply.boosts ?? 0, replyAt)
    if (boosts > 0)
      await db.updateTable('posts').set({ boost_count: boosts }).where('id', '=', replyId).execute()
    for (const comment of reply.comments ?? []) {
      await insertPost(db, {
        thread_id: threadId,
        author_id: await userId(db, ctx, comment.author),
        kind: 'comment',
        parent_id: replyId,
        body_markdown: comment.body,
        body_html: renderMarkdown(comment.body),
        created_at: toEpoch(comment.created_at),
      })
    }
  }

  if (questionBoosts > 0)
    await db
      .updateTable('posts')
      .set({ boost_count: questionBoosts })
      .where('id', '=', questionId)
      .execute()
  await db
    .updateTable('threads')
    .set({ boost_count: questionBoosts, accepted_post_id: acceptedId })
    .where('id', '=', threadId)
    .execute()
  await db
    .insertInto('thread_tags')
    .values(
      tagIds.map((id, position) => ({
        thread_id: threadId,
        tag_id: id,
        position,
        last_activity_at: 0,
        created_at: 0,
      })),
    )
    .execute()
  await syncThreadSortKeys(db, threadId)
  for (const id of tagIds) ctx.touchedTags.add(id)
  await reindexThread(db, threadId)
  return threadId
}

/** Refreshes the thread counts of every tag the imported threads touched. */
export async function finishImport(db: Executor, ctx: ImportContext): Promise<void> {
  await refreshTagCounts(db, [...ctx.touchedTags])
  ctx.touchedTags.clear()
}

async function userId(
  db: Executor,
  ctx: ImportContext,
  username: string,
  title?: string,
): Promise<number> {
  const key = username.toLowerCase()
  const cached = ctx.users.get(key)
  if (cached !== undefined) return cached
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('username_key', '=', key)
    .executeTakeFirst()
  const id =
    found?.id ??
    (
      await db
        .insertInto('users')
        .values({
          username,
          username_key: key,
          role: 'member',
          title: title ?? null,
          created_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  ctx.users.set(key, id)
  return id
}

async function tagId(db: Executor, ctx: ImportContext, slug: string): Promise<number> {
  const cached = ctx.tags.get(slug)
  if (cached !== undefined) return cached
  const name = slug
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
  const id = await ensureTag(db, { slug, name, description: '' }, ctx.now)
  ctx.tags.set(slug, id)
  return id
}

/**
 * Gives a post `count` boosts from distinct users other than its author, creating reader accounts
 * when the forum has too few people (imports carry counts, not boosters).
 */
async function addBoosts(
  db: Executor,
  ctx: ImportContext,
  postId: number,
  authorId: number,
  count: number,
  at: number,
): Promise<number> {
  if (count === 0) return 0
  while (ctx.boosters.length < count + 1) {
    const n = ctx.boosters.length + 1
    ctx.boosters.push(await userId(db, ctx, `reader-${n}`))
  }
  const users = ctx.boosters.filter((id) => id !== authorId).slice(0, count)
  await db
    .insertInto('boosts')
    .values(users.map((user_id) => ({ post_id: postId, user_id, created_at: at })))
    .execute()
  return users.length
}
