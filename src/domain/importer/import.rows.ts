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

/**
 * The rows of a batch of threads, with ids reserved beforehand (threadIds[i] for inputs[i]; postIds in
 * post order: each question, then its replies each followed by its comments).
 */
export function buildRows(
  inputs: readonly ImportThread[],
  ctx: ImportContext,
  threadIds: readonly number[],
  postIds: readonly number[],
): BatchRows {
  const builder = new RowBuilder(ctx, postIds)
  inputs.forEach((input, index) => {
    const threadId = threadIds[index]
    if (threadId === undefined) throw new Error('importer: fewer thread ids reserved than threads')
    builder.addThread(threadId, input)
  })
  return builder.rows
}

/** A thread's counters and sort keys, known once its posts are built. */
interface ThreadTally {
  createdAt: number
  lastActivity: number
  replyCount: number
  questionBoosts: number
  acceptedId: number | null
}

/** Builds a batch's rows one kind at a time; each method pushes the rows of one kind. */
class RowBuilder {
  readonly rows: BatchRows = { threads: [], posts: [], attachments: [], boosts: [], threadTags: [] }
  private nextPost = 0

  constructor(
    private readonly ctx: ImportContext,
    private readonly postIds: readonly number[],
  ) {}

  addThread(threadId: number, input: ImportThread): void {
    const createdAt = toEpoch(input.created_at)
    const authorId = this.user(input.author)
    const questionId = this.takePostId()
    const questionBoosts = this.boosts(questionId, authorId, input.boosts ?? 0, createdAt)
    this.post(
      threadId,
      questionId,
      'question',
      null,
      authorId,
      input.body,
      questionBoosts,
      createdAt,
    )
    this.attachments(questionId, input.attachments ?? [], createdAt)
    const { lastActivity, acceptedId } = this.replies(threadId, input.replies ?? [], createdAt)
    const tally = {
      createdAt,
      lastActivity,
      replyCount: (input.replies ?? []).length,
      questionBoosts,
      acceptedId,
    }
    this.thread(threadId, input, authorId, tally)
    this.threadTags(threadId, input, tally)
  }

  /** Replies and their comments; the thread's last activity and accepted reply follow from them. */
  private replies(
    threadId: number,
    replies: NonNullable<ImportThread['replies']>,
    createdAt: number,
  ): { lastActivity: number; acceptedId: number | null } {
    let lastActivity = createdAt
    let acceptedId: number | null = null
    for (const reply of replies) {
      const replyId = this.takePostId()
      const author = this.user(reply.author)
      const at = toEpoch(reply.created_at)
      lastActivity = Math.max(lastActivity, at)
      if (reply.accepted) acceptedId = replyId
      const boosts = this.boosts(replyId, author, reply.boosts ?? 0, at)
      this.post(threadId, replyId, 'reply', null, author, reply.body, boosts, at)
      for (const comment of reply.comments ?? []) {
        const commentAt = toEpoch(comment.created_at)
        lastActivity = Math.max(lastActivity, commentAt)
        const commenter = this.user(comment.author)
        this.post(
          threadId,
          this.takePostId(),
          'comment',
          replyId,
          commenter,
          comment.body,
          0,
          commentAt,
        )
      }
    }
    return { lastActivity, acceptedId }
  }

  private post(
    threadId: number,
    id: number,
    kind: NewPost['kind'],
    parentId: number | null,
    authorId: number,
    body: string,
    boostCount: number,
    createdAt: number,
  ): void {
    this.rows.posts.push({
      id,
      thread_id: threadId,
      author_id: authorId,
      kind,
      parent_id: parentId,
      body_markdown: body,
      body_html: this.ctx.renders.renderMarkdown(body),
      boost_count: boostCount,
      created_at: createdAt,
    })
  }

  private attachments(
    postId: number,
    files: NonNullable<ImportThread['attachments']>,
    createdAt: number,
  ): void {
    for (const file of files) {
      const content = encoder.encode(file.content)
      const name = cleanFileName(file.name)
      const facts = this.ctx.renders.describeAttachment(name, file.content, content)
      this.rows.attachments.push({
        id: randomId(),
        post_id: postId,
        file_name: name,
        content_type: facts.contentType,
        size: content.byteLength,
        content,
        preview_html: facts.previewHtml,
        line_count: facts.lineCount,
        created_at: createdAt,
      })
    }
  }

  private thread(threadId: number, input: ImportThread, authorId: number, t: ThreadTally): void {
    this.rows.threads.push({
      id: threadId,
      title: input.title,
      author_id: authorId,
      excerpt: this.ctx.renders.excerpt(input.body),
      reply_count: t.replyCount,
      boost_count: t.questionBoosts,
      view_count: input.views ?? 0,
      created_at: t.createdAt,
      last_activity_at: t.lastActivity,
      accepted_post_id: t.acceptedId,
      pinned: input.pinned ? 1 : 0,
      locked: input.locked ? 1 : 0,
    })
  }

  /** The tag pages' sort keys, as syncThreadSortKeys would copy them. */
  private threadTags(threadId: number, input: ImportThread, t: ThreadTally): void {
    ;[...new Set(input.tags)].forEach((slug, position) => {
      const tagId = this.ctx.tags.get(slug)
      if (tagId === undefined) throw new Error(`importer: tag ${slug} was not resolved`)
      this.ctx.addedToTags.set(tagId, (this.ctx.addedToTags.get(tagId) ?? 0) + 1)
      this.rows.threadTags.push({
        thread_id: threadId,
        tag_id: tagId,
        position,
        pinned: input.pinned ? 1 : 0,
        solved: t.acceptedId === null ? 0 : 1,
        last_activity_at: t.lastActivity,
        created_at: t.createdAt,
        reply_count: t.replyCount,
        boost_count: t.questionBoosts,
        view_count: input.views ?? 0,
      })
    })
  }

  /** The boosts a post asks for, given by the context's boosters in order, never by its author. */
  private boosts(postId: number, authorId: number, count: number, at: number): number {
    let given = 0
    for (const userId of this.ctx.boosters) {
      if (given === count) break
      if (userId === authorId) continue
      this.rows.boosts.push({ post_id: postId, user_id: userId, created_at: at })
      given++
    }
    return given
  }

  private takePostId(): number {
    const id = this.postIds[this.nextPost++]
    if (id === undefined) throw new Error('importer: fewer post ids reserved than posts')
    return id
  }

  private user(name: string): number {
    const id = this.ctx.users.get(name.toLowerCase())
    if (id === undefined) throw new Error(`importer: ${name} was not resolved`)
    return id
  }
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
