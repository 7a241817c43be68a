/**
 * The signatures feature's write-side SQL: reading the posts signatures are derived from, and replacing a
 * thread's derived rows. Reads for pages and similar threads live in mentions.queries.ts and
 * similar.queries.ts. Every function takes `db` or a transaction first (STYLE.md habit 6).
 */
import { sql } from 'kysely'
import type { Executor } from '../../db/schema.js'
import type { SignatureItem, SignatureKind } from './signatures.types.js'

/** One stored row: a signature on a thread. */
export interface StoredSignature extends SignatureItem {
  postCount: number
}

/** Rows per insert statement: far below both engines' bound-parameter limits. */
const INSERT_BATCH = 500

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
