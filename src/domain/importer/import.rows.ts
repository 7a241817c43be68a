/**
 * Turns validated import threads into the rows they become, with ids reserved beforehand: threads,
 * posts (question, replies, comments), attachments, boosts and tag links. Pure apart from the render
 * cache, so a batch is written with a few multi-row INSERTs and no read-back: counters, the accepted
 * post and the tag pages' sort keys are all known here.
 */
import type { Insertable } from 'kysely'
import type {
  BoostsTable,
  NewAttachment,
  NewPost,
  NewThread,
  ThreadTagsTable,
} from '../../db/schema.js'
import { cleanFileName } from '../attachments/index.js'
import { MAX_ATTACHMENT_READ, type ThreadContent } from '../thread-contents/index.js'
import { randomId } from '../shared/index.js'
import type { ImportContext } from './import.context.js'
import { toEpoch, type ImportThread } from './import.schema.js'

export interface BatchRows {
  // Every row of a table names the same columns: a multi-row INSERT gives SQLite NULL, not the
  // default, for a column some rows leave out.
  threads: NewThread[]
  posts: NewPost[]
  attachments: NewAttachment[]
  boosts: Insertable<BoostsTable>[]
  threadTags: Insertable<ThreadTagsTable>[]
}

/** Posts a thread becomes: its question, its replies and their comments. */
export function postCount(thread: ImportThread): number {
  let n = 1
  for (const reply of thread.replies ?? []) n += 1 + (reply.comments ?? []).length
  return n
}

/** The most boosts any post of these threads asks for. */
export function maxBoosts(threads: readonly ImportThread[]): number {
  let max = 0
  for (const t of threads) {
    max = Math.max(max, t.boosts ?? 0)
    for (const r of t.replies ?? []) max = Math.max(max, r.boosts ?? 0)
  }
  return max
}

const encoder = new TextEncoder()

export function buildRows(
  inputs: readonly ImportThread[],
  ctx: ImportContext,
  threadIds: readonly number[],
  postIds: readonly number[],
): BatchRows {
  const rows: BatchRows = { threads: [], posts: [], attachments: [], boosts: [], threadTags: [] }
  let nextPost = 0
  const takePostId = () => {
    const id = postIds[nextPost++]
    if (id === undefined) throw new Error('importer: fewer post ids reserved than posts')
    return id
  }
  const user = (name: string) => {
    const id = ctx.users.get(name.toLowerCase())
    if (id === undefined) throw new Error(`importer: ${name} was not resolved`)
    return id
  }
  const boost = (postId: number, authorId: number, count: number, at: number) => {
    let given = 0
    for (const userId of ctx.boosters) {
      if (given === count) break
      if (userId === authorId) continue
      rows.boosts.push({ post_id: postId, user_id: userId, created_at: at })
      given++
    }
    return given
  }

  inputs.forEach((input, index) => {
    const threadId = threadIds[index]
    if (threadId === undefined) throw new Error('importer: fewer thread ids reserved than threads')
    const createdAt = toEpoch(input.created_at)
    const authorId = user(input.author)
    const questionId = takePostId()
    const questionBoosts = boost(questionId, authorId, input.boosts ?? 0, createdAt)
    rows.posts.push({
      id: questionId,
      thread_id: threadId,
      author_id: authorId,
      kind: 'question',
      parent_id: null,
      body_markdown: input.body,
      body_html: ctx.renders.renderMarkdown(input.body),
      boost_count: questionBoosts,
      created_at: createdAt,
    })
    for (const file of input.attachments ?? []) {
      const content = encoder.encode(file.content)
      const name = cleanFileName(file.name)
      const facts = ctx.renders.describeAttachment(name, file.content, content)
      rows.attachments.push({
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

    let lastActivity = createdAt
    let acceptedId: number | null = null
    const replies = input.replies ?? []
    for (const reply of replies) {
      const replyId = takePostId()
      const replyAuthor = user(reply.author)
      const replyAt = toEpoch(reply.created_at)
      lastActivity = Math.max(lastActivity, replyAt)
      if (reply.accepted) acceptedId = replyId
      rows.posts.push({
        id: replyId,
        thread_id: threadId,
        author_id: replyAuthor,
        kind: 'reply',
        parent_id: null,
        body_markdown: reply.body,
        body_html: ctx.renders.renderMarkdown(reply.body),
        boost_count: boost(replyId, replyAuthor, reply.boosts ?? 0, replyAt),
        created_at: replyAt,
      })
      for (const comment of reply.comments ?? []) {
        const commentAt = toEpoch(comment.created_at)
        lastActivity = Math.max(lastActivity, commentAt)
        rows.posts.push({
          id: takePostId(),
          thread_id: threadId,
          author_id: user(comment.author),
          kind: 'comment',
          parent_id: replyId,
          body_markdown: comment.body,
          body_html: ctx.renders.renderMarkdown(comment.body),
          boost_count: 0,
          created_at: commentAt,
        })
      }
    }

    const views = input.views ?? 0
    const pinned = input.pinned ? 1 : 0
    rows.threads.push({
      id: threadId,
      title: input.title,
      author_id: authorId,
      excerpt: ctx.renders.excerpt(input.body),
      reply_count: replies.length,
      boost_count: questionBoosts,
      view_count: views,
      created_at: createdAt,
      last_activity_at: lastActivity,
      accepted_post_id: acceptedId,
      pinned,
      locked: input.locked ? 1 : 0,
    })
    // The tag pages' sort keys, as syncThreadSortKeys would copy them.
    ;[...new Set(input.tags)].forEach((slug, position) => {
      const tagId = ctx.tags.get(slug)
      if (tagId === undefined) throw new Error(`importer: tag ${slug} was not resolved`)
      ctx.addedToTags.set(tagId, (ctx.addedToTags.get(tagId) ?? 0) + 1)
      rows.threadTags.push({
        thread_id: threadId,
        tag_id: tagId,
        position,
        pinned,
        solved: acceptedId === null ? 0 : 1,
        last_activity_at: lastActivity,
        created_at: createdAt,
        reply_count: replies.length,
        boost_count: questionBoosts,
        view_count: views,
      })
    })
  })
  return rows
}

const decoder = new TextDecoder()
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * What loadThreadContents would read back once these rows are written, in its order (posts by time then id,
 * attachments by time then name), so a bulk load derives search rows and signatures without reading 5
 * posts a thread back from the database.
 * @example const contents = contentsOfRows(buildRows(inputs, ctx, threadIds, postIds))
 */
export function contentsOfRows(rows: BatchRows): ThreadContent[] {
  const threads = new Map<number, ThreadContent>()
  for (const t of rows.threads) {
    const id = t.id as number
    threads.set(id, {
      id,
      title: t.title,
      acceptedPostId: t.accepted_post_id ?? null,
      posts: [],
      attachments: [],
    })
  }
  const threadOfPost = new Map<number, ThreadContent>()
  const posts = [...rows.posts].sort(
    (a, b) =>
      a.thread_id - b.thread_id ||
      (a.created_at as number) - (b.created_at as number) ||
      (a.id as number) - (b.id as number),
  )
  for (const p of posts) {
    const thread = threads.get(p.thread_id)
    if (!thread) continue
    thread.posts.push({
      id: p.id as number,
      kind: p.kind as ThreadContent['posts'][number]['kind'],
      parentId: p.parent_id ?? null,
      markdown: p.body_markdown,
    })
    threadOfPost.set(p.id as number, thread)
  }
  const files = [...rows.attachments].sort(
    (a, b) =>
      (a.created_at as number) - (b.created_at as number) || byText(a.file_name, b.file_name),
  )
  for (const f of files) {
    const text = f.content_type.startsWith('text/')
      ? decoder.decode(f.content.subarray(0, MAX_ATTACHMENT_READ))
      : null
    threadOfPost
      .get(f.post_id)
      ?.attachments.push({ postId: f.post_id, fileName: f.file_name, text })
  }
  return [...threads.values()]
}
