/**
 * The SQL of stored similar-threads rankings (rankings.ts): the thread page's one read, the job's list of
 * due rankings, and the writes that replace a ranking or mark one due.
 */
import { compiledOnce } from '../../db/compiled-query.js'
import { insertMany, type ManyColumn } from '../../db/insert-many.js'
import type { Executor } from '../../db/schema.js'
import { slugify } from '../format/index.js'
import type { SimilarThread } from './signatures.types.js'

/** One stored row: the `rank`-th (from 0) most similar thread to `threadId`. */
export interface StoredRankingRow {
  threadId: number
  rank: number
  similarId: number
  /** Per mille. */
  score: number
  shared: readonly string[]
}

/** Keys per statement. */
const CHUNK = 500

const storedSimilar = compiledOnce((db: Executor, threadId: number, limit: number) =>
  db
    .selectFrom('similar_threads as s')
    .innerJoin('threads as t', 't.id', 's.similar_id')
    .select([
      't.id',
      't.title',
      't.accepted_post_id as acceptedPostId',
      't.reply_count as replyCount',
      's.score',
      's.shared',
    ])
    .where('s.thread_id', '=', threadId)
    .where('t.deleted_at', 'is', null)
    .where('t.hidden_at', 'is', null)
    .orderBy('s.rank')
    .limit(limit),
)

/**
 * A thread's stored similar threads that are live, best first, with their current titles and counts: one
 * range scan of the ranking's primary key, joined to the thread rows by theirs.
 * @example await listStoredSimilar(db, threadId, 5) // [{ id, title, slug, solved, replyCount, shared, score }]
 */
export async function listStoredSimilar(
  db: Executor,
  threadId: number,
  limit: number,
): Promise<SimilarThread[]> {
  const rows = await storedSimilar(db, threadId, limit)
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    slug: slugify(r.title),
    solved: r.acceptedPostId !== null,
    replyCount: r.replyCount,
    shared: JSON.parse(r.shared) as string[],
    score: r.score / 1000,
  }))
}

const RANKING_COLUMNS: readonly ManyColumn[] = [
  { name: 'thread_id', type: 'int' },
  { name: 'rank', type: 'int' },
  { name: 'similar_id', type: 'int' },
  { name: 'score', type: 'int' },
  { name: 'shared', type: 'text' },
]

/**
 * Replaces the rankings of `threadIds` with `rows` and records them as ranked at `now`; a thread of
 * `threadIds` without rows keeps an empty ranking (nothing similar enough).
 */
export async function replaceRankings(
  db: Executor,
  threadIds: readonly number[],
  rows: readonly StoredRankingRow[],
  now: number,
): Promise<void> {
  for (let i = 0; i < threadIds.length; i += CHUNK) {
    const ids = threadIds.slice(i, i + CHUNK)
    // The vector rows first, as a text write locks them (its thread's, before its ranking): two
    // transactions that take the same rows in the same order cannot wait for each other.
    await db
      .updateTable('similarity_vectors')
      .set({ ranked_at: now })
      .where('thread_id', 'in', ids)
      .execute()
    await db.deleteFrom('similar_threads').where('thread_id', 'in', ids).execute()
  }
  await insertMany(
    db,
    'similar_threads',
    RANKING_COLUMNS,
    rows.map((r) => [r.threadId, r.rank, r.similarId, r.score, JSON.stringify(r.shared)]),
  )
}

/** Removes the rankings of threads that are gone (deleted, or without text). */
export async function deleteRankings(db: Executor, threadIds: readonly number[]): Promise<void> {
  for (let i = 0; i < threadIds.length; i += CHUNK)
    await db
      .deleteFrom('similar_threads')
      .where('thread_id', 'in', threadIds.slice(i, i + CHUNK))
      .execute()
}

/** The threads whose stored ranking holds any of `similarIds` (by the index on similar_id). */
export async function listRankingsHolding(
  db: Executor,
  similarIds: readonly number[],
): Promise<number[]> {
  if (similarIds.length === 0) return []
  const out = new Set<number>()
  for (let i = 0; i < similarIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('similar_threads')
      .select('thread_id as threadId')
      .where('similar_id', 'in', similarIds.slice(i, i + CHUNK))
      .execute()
    for (const r of rows) out.add(r.threadId)
  }
  return [...out]
}

/** Marks the rankings of `threadIds` due (ranked_at 0): the refresh job ranks them first. */
export async function markRankingsDue(db: Executor, threadIds: readonly number[]): Promise<void> {
  for (let i = 0; i < threadIds.length; i += CHUNK)
    await db
      .updateTable('similarity_vectors')
      .set({ ranked_at: 0 })
      .where('thread_id', 'in', threadIds.slice(i, i + CHUNK))
      .where('ranked_at', '!=', 0)
      .execute()
}

/**
 * Up to `limit` threads ranked before `before` (ranked_at 0, due, first), oldest first: one range scan
 * of (ranked_at, thread_id).
 */
export async function listDueRankings(
  db: Executor,
  before: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('similarity_vectors')
    .select('thread_id as threadId')
    .where('ranked_at', '<', before)
    .orderBy('ranked_at')
    .orderBy('thread_id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.threadId)
}

/** Of `threadIds` (at most a few hundred), those ranked before `before`. */
export async function listRankedBefore(
  db: Executor,
  threadIds: readonly number[],
  before: number,
): Promise<number[]> {
  if (threadIds.length === 0) return []
  const rows = await db
    .selectFrom('similarity_vectors')
    .select('thread_id as threadId')
    .where('thread_id', 'in', [...threadIds])
    .where('ranked_at', '<', before)
    .execute()
  return rows.map((r) => r.threadId)
}

/** How many threads were ranked before `before` (for a progress bar). */
export async function countDueRankings(db: Executor, before: number): Promise<number> {
  const row = await db
    .selectFrom('similarity_vectors')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('ranked_at', '<', before)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
