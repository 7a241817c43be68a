/**
 * The signatures feature's write-side SQL: reading the posts signatures are derived from, and replacing a
 * thread's derived rows. Reads for pages and similar threads live in mentions.queries.ts and
 * similar.queries.ts. Every function takes `db` or a transaction first (STYLE.md habit 6).
 */
import { sql } from 'kysely'
import type { Executor } from '../../db/schema.js'
import type { SignatureItem, SignatureKind } from './signatures.types.js'

/** A live thread's text as signatures are derived from it. */
export interface ThreadText {
  id: number
  title: string
  /** Live posts, oldest first; the question first. */
  posts: { id: number; kind: 'question' | 'reply' | 'comment'; markdown: string }[]
  /** Text attachments of live posts, by post id. */
  attachments: Map<number, { fileName: string; text: string }[]>
}

/** One stored row: a signature on a thread. */
export interface StoredSignature extends SignatureItem {
  postCount: number
}

/** Rows per insert statement: far below both engines' bound-parameter limits. */
const INSERT_BATCH = 500

/**
 * The live threads among `threadIds` with their live posts and text attachments; deleted or missing threads
 * are absent from the map.
 */
export async function loadThreadTexts(
  db: Executor,
  threadIds: readonly number[],
): Promise<Map<number, ThreadText>> {
  const out = new Map<number, ThreadText>()
  if (threadIds.length === 0) return out
  const threads = await db
    .selectFrom('threads')
    .select(['id', 'title'])
    .where('id', 'in', [...threadIds])
    .where('deleted_at', 'is', null)
    .execute()
  for (const t of threads)
    out.set(t.id, { id: t.id, title: t.title, posts: [], attachments: new Map() })
  if (out.size === 0) return out
  const live = [...out.keys()]
  const posts = await db
    .selectFrom('posts')
    .select(['id', 'thread_id as threadId', 'kind', 'body_markdown as markdown'])
    .where('thread_id', 'in', live)
    .where('deleted_at', 'is', null)
    .orderBy('thread_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  for (const { threadId, ...post } of posts) out.get(threadId)?.posts.push(post)
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
    .where('a.preview_html', 'is not', null)
    .orderBy('a.created_at')
    .orderBy('a.file_name')
    .execute()
  const decoder = new TextDecoder()
  for (const f of files) {
    const thread = out.get(f.threadId)
    if (!thread) continue
    const list = thread.attachments.get(f.postId) ?? []
    list.push({ fileName: f.fileName, text: decoder.decode(f.content.subarray(0, 256 * 1024)) })
    thread.attachments.set(f.postId, list)
  }
  return out
}

/** Replaces the derived rows (signatures and similarity terms) of some threads. */
export async function replaceDerivedRows(
  db: Executor,
  threadIds: readonly number[],
  signatures: readonly { threadId: number; item: StoredSignature; position: number }[],
  terms: readonly { threadId: number; term: string; weight: number }[],
): Promise<void> {
  if (threadIds.length === 0) return
  await db
    .deleteFrom('thread_signatures')
    .where('thread_id', 'in', [...threadIds])
    .execute()
  await db
    .deleteFrom('similarity_terms')
    .where('thread_id', 'in', [...threadIds])
    .execute()
  for (let i = 0; i < signatures.length; i += INSERT_BATCH) {
    await db
      .insertInto('thread_signatures')
      .values(
        signatures.slice(i, i + INSERT_BATCH).map(({ threadId, item, position }) => ({
          thread_id: threadId,
          kind: item.kind,
          key: item.key,
          label: item.label,
          detail: item.detail,
          post_count: item.postCount,
          position,
        })),
      )
      .execute()
  }
  for (let i = 0; i < terms.length; i += INSERT_BATCH) {
    await db
      .insertInto('similarity_terms')
      .values(
        terms
          .slice(i, i + INSERT_BATCH)
          .map((t) => ({ thread_id: t.threadId, term: t.term, weight: t.weight })),
      )
      .execute()
  }
}

/** Removes derived rows of threads that are gone or deleted (after a rebuild). */
export async function removeOrphanRows(db: Executor): Promise<void> {
  const dead = (table: 'thread_signatures' | 'similarity_terms') =>
    sql`delete from ${sql.table(table)} where thread_id not in (select id from threads where deleted_at is null)`
  await dead('thread_signatures').execute(db)
  await dead('similarity_terms').execute(db)
}

/** A thread's stored signatures, in the order they were written (display order). */
export async function listThreadSignatures(
  db: Executor,
  threadId: number,
): Promise<StoredSignature[]> {
  const rows = await db
    .selectFrom('thread_signatures')
    .select(['kind', 'key', 'label', 'detail', 'post_count as postCount'])
    .where('thread_id', '=', threadId)
    .orderBy('position')
    .execute()
  return rows.map((r) => ({ ...r, kind: r.kind as SignatureKind }))
}
