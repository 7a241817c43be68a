/**
 * Reading what threads say, for everything derived from their text: the search index row (domain/search)
 * and the signatures with their similarity terms (domain/signatures). One loader feeds both, so a write that
 * re-derives a thread reads its posts once, and a bulk rebuild reads each batch once.
 */
import type { Executor } from '../../db/schema.js'

/** A live thread's text: title, live posts and the text of their attachments. */
export interface ThreadContent {
  id: number
  title: string
  acceptedPostId: number | null
  /** Live posts (question, replies, comments), oldest first: the question first. */
  posts: {
    id: number
    kind: 'question' | 'reply' | 'comment'
    parentId: number | null
    markdown: string
  }[]
  /**
   * Attachments of live posts, oldest first; `text` is the head of a text file ({@link MAX_ATTACHMENT_READ}
   * bytes, decoded) and null for binary files. Each reader caps it further.
   */
  attachments: { postId: number; fileName: string; text: string | null }[]
}

/** Bytes of a text attachment read for deriving: more than any reader keeps (search 32k, signatures 64k characters). */
export const MAX_ATTACHMENT_READ = 256 * 1024

/**
 * The live threads among `threadIds` with their live posts and attachments; deleted or missing threads are
 * absent from the map. Three queries whatever the number of threads.
 * @example const contents = await loadThreadContents(trx, [threadId])
 */
export async function loadThreadContents(
  db: Executor,
  threadIds: readonly number[],
): Promise<Map<number, ThreadContent>> {
  const contents = new Map<number, ThreadContent>()
  if (threadIds.length === 0) return contents
  const threads = await db
    .selectFrom('threads')
    .select(['id', 'title', 'accepted_post_id as acceptedPostId'])
    .where('id', 'in', [...threadIds])
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null) // a hidden thread leaves search and similar threads
    .orderBy('id')
    .execute()
  for (const t of threads) contents.set(t.id, { ...t, posts: [], attachments: [] })
  if (contents.size === 0) return contents
  const live = [...contents.keys()]
  const posts = await db
    .selectFrom('posts')
    .select([
      'id',
      'thread_id as threadId',
      'kind',
      'parent_id as parentId',
      'body_markdown as markdown',
    ])
    .where('thread_id', 'in', live)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null) // a hidden reply's text leaves snippets and signatures
    .orderBy('thread_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  for (const { threadId, ...post } of posts) contents.get(threadId)?.posts.push(post)
  const files = await db
    .selectFrom('attachments as a')
    .innerJoin('posts as p', 'p.id', 'a.post_id')
    .select([
      'p.thread_id as threadId',
      'a.post_id as postId',
      'a.file_name as fileName',
      'a.content_type as contentType',
      'a.content',
    ])
    .where('p.thread_id', 'in', live)
    .where('p.deleted_at', 'is', null)
    .where('p.hidden_at', 'is', null)
    .orderBy('a.created_at')
    .orderBy('a.file_name')
    .execute()
  const decoder = new TextDecoder()
  for (const f of files) {
    const text = f.contentType.startsWith('text/')
      ? decoder.decode(f.content.subarray(0, MAX_ATTACHMENT_READ))
      : null
    contents.get(f.threadId)?.attachments.push({ postId: f.postId, fileName: f.fileName, text })
  }
  return contents
}
