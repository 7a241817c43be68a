/**
 * The SQL behind similar threads: the inverted indexes (term → threads, signature → threads) and the rows
 * shown. Every read is an index range scan, whatever the forum's size.
 */
import type { Executor } from '../../db/schema.js'
import { cappedCounts } from './capped-counts.js'
import { slugify } from '../format/index.js'
import type { SignatureItem } from './signatures.types.js'

/**
 * The N in the rarity weights of similar threads: the highest thread id, which counts every thread ever
 * posted. Deleted threads are a small share, and idf only needs the order of magnitude; counting the live
 * ones would read the whole table on every thread page.
 */
export async function estimateThreadCount(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('threads')
    .select((eb) => eb.fn.max('id').as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/**
 * In how many threads each term and each signature occurs, counted up to `cap + 1` (capped-counts.ts).
 */
export async function countPostings(
  db: Executor,
  terms: readonly string[],
  signatures: readonly Pick<SignatureItem, 'kind' | 'key'>[],
  cap: number,
): Promise<{ terms: Map<string, number>; signatures: number[] }> {
  const [termCounts, signatureCounts] = await Promise.all([
    cappedCounts(
      db,
      { table: 'similarity_terms', columns: ['term'] },
      terms.map((t) => [t]),
      cap,
    ),
    cappedCounts(
      db,
      { table: 'thread_signatures', columns: ['kind', 'key'] },
      signatures.map((s) => [s.kind, s.key]),
      cap,
    ),
  ])
  return {
    terms: new Map(terms.map((term, i) => [term, termCounts[i] ?? 0])),
    signatures: signatureCounts,
  }
}

/** Threads that carry any of `items` (other than `excludeId`), with which ones: the similar-threads postings. */
export async function listSignaturePostings(
  db: Executor,
  items: readonly Pick<SignatureItem, 'kind' | 'key'>[],
  excludeId: number | null,
): Promise<{ threadId: number; kind: string; key: string; label: string }[]> {
  if (items.length === 0) return []
  return db
    .selectFrom('thread_signatures as s')
    .innerJoin('threads as t', 't.id', 's.thread_id')
    .select(['s.thread_id as threadId', 's.kind', 's.key', 's.label'])
    .where('t.deleted_at', 'is', null)
    .$if(excludeId !== null, (qb) => qb.where('s.thread_id', '!=', excludeId ?? 0))
    .where((eb) =>
      eb.or(items.map((i) => eb.and([eb('s.kind', '=', i.kind), eb('s.key', '=', i.key)]))),
    )
    .execute()
}

/** A thread's stored similarity terms. */
export async function listThreadTerms(
  db: Executor,
  threadId: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('similarity_terms')
    .select(['term', 'weight'])
    .where('thread_id', '=', threadId)
    .execute()
  return new Map(rows.map((r) => [r.term, r.weight / 1000]))
}

/** Every (thread, weight) posting of some terms, except one thread's. */
export async function listTermPostings(
  db: Executor,
  terms: readonly string[],
  excludeId: number | null,
): Promise<{ threadId: number; term: string; weight: number }[]> {
  if (terms.length === 0) return []
  const rows = await db
    .selectFrom('similarity_terms')
    .select(['thread_id as threadId', 'term', 'weight'])
    .where('term', 'in', [...terms])
    .$if(excludeId !== null, (qb) => qb.where('thread_id', '!=', excludeId ?? 0))
    .execute()
  return rows.map((r) => ({ ...r, weight: r.weight / 1000 }))
}

/** Title and state of live threads, for similar-thread rows; deleted threads are left out. */
export async function listThreadSummaries(
  db: Executor,
  threadIds: readonly number[],
): Promise<
  Map<number, { id: number; title: string; slug: string; solved: boolean; replyCount: number }>
> {
  if (threadIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('threads')
    .select(['id', 'title', 'accepted_post_id as acceptedPostId', 'reply_count as replyCount'])
    .where('id', 'in', [...threadIds])
    .where('deleted_at', 'is', null)
    .execute()
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        slug: slugify(r.title),
        solved: r.acceptedPostId !== null,
        replyCount: r.replyCount,
      },
    ]),
  )
}
