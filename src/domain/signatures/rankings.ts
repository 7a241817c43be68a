/**
 * Stored similar threads (issue 29; docs/signatures.md, "Stored rankings"). Ranking a thread's similar
 * threads reads its term vector, the rarity of its terms and signatures and their postings: 5–6 queries,
 * once made on every thread page. Each thread's ranking is now stored when its text changes and the page
 * reads it with one query, joined to the live thread rows (titles, counts, deletion and hiding are never
 * stale; only membership is stored).
 *
 * - A write that changes a thread's text ranks it in its transaction (refreshThreadsText) and queues the
 *   `similar.mark` job with the rankings its change may move: the threads its new list holds and those
 *   whose list holds it. A deleted thread's ranking goes, and the lists holding it go in the job. The job
 *   marks them due outside the write's transaction: marking them inside it locked other threads' rows
 *   after the write had locked its own, so two replies to neighbouring threads on PostgreSQL each waited
 *   for the other ("deadlock detected", 13 of 54 writes answered 500 in the bench's write mix).
 * - The `similar.refresh` job, queued by the mark job for the end of the minute (one job a minute, by its
 *   key), ranks the due ones, then a few of the oldest (older than MAX_AGE_MS: a ranking also drifts as
 *   the forum grows). It never runs in a request.
 * - A thread without a stored ranking (written before the table, until `quorum signatures rank` or the
 *   job has run) shows no similar threads.
 * - Bulk loads and rebuilds (`quorum bench-data`, `import`, `signatures rebuild`) rank every thread once
 *   all are written: {@link rankDueThreads}.
 */
import type { Db, Executor } from '../../db/schema.js'
import { enqueueJob } from '../jobs/index.js'
import { randomId } from '../shared/index.js'
import {
  countDueRankings,
  deleteRankings,
  listDueRankings,
  listRankedBefore,
  listRankingsHolding,
  listStoredSimilar,
  markRankingsDue,
  replaceRankings,
  type StoredRankingRow,
} from './rankings.queries.js'
import { rankSimilarTo, SIMILAR_LIMIT } from './similar.js'
import type { RankedSimilar, SimilarThread } from './signatures.types.js'

/** The job that ranks due rankings (queued by the mark job, at most one a minute). */
export const SIMILAR_REFRESH_JOB = 'similar.refresh'
/** The job that marks due the rankings a text write may have moved (one per write that moved any). */
export const SIMILAR_MARK_JOB = 'similar.mark'
/** A ranking older than this is ranked again by the job, a few per run. */
const MAX_AGE_MS = 7 * 86_400_000
/** Due rankings one job run ranks, at most; when more are left it queues the next run. */
const RUN_DUE = 2000
/** Rankings older than MAX_AGE_MS one job run ranks, at most. */
const RUN_AGED = 100
/** Rankings computed, then written in one short transaction. */
const BATCH = 50
const MINUTE_MS = 60_000
/**
 * Threads ranked at once by bulk ranking (rankDueThreads): PostgreSQL answers them on as many pooled
 * connections; the job ranks one at a time, beside the requests it shares the pool with.
 */
const BULK_CONCURRENCY = 4

/**
 * A thread's similar threads as stored, live ones only, best first: the thread page's one query.
 * @example const similar = await getStoredSimilar(db, threadId) // [] until the thread is ranked
 */
export function getStoredSimilar(
  db: Executor,
  threadId: number,
  limit = SIMILAR_LIMIT,
): Promise<SimilarThread[]> {
  return listStoredSimilar(db, threadId, limit)
}

/**
 * After the text of `threadIds` changed (in the write's transaction, after their signatures and term
 * vectors): ranks the live ones (`liveIds`), removes the others' rankings, and queues the job that marks
 * due the rankings of the threads this may move. The transaction writes only the rows of `threadIds`.
 * @example await rankChangedThreads(trx, [threadId], [threadId])
 */
export async function rankChangedThreads(
  db: Executor,
  threadIds: readonly number[],
  liveIds: readonly number[],
  now = Date.now(),
): Promise<void> {
  if (threadIds.length === 0) return
  const live = new Set(liveIds)
  const rankings = await rankAll(db, liveIds)
  const gone = threadIds.filter((id) => !live.has(id))
  await deleteRankings(db, gone)
  await replaceRankings(db, liveIds, rowsOf(rankings), now)
  const changed = new Set(threadIds)
  const neighbours = new Set(await listRankingsHolding(db, threadIds))
  for (const ranked of rankings.values()) for (const r of ranked) neighbours.add(r.id)
  const due = [...neighbours].filter((id) => !changed.has(id))
  if (due.length === 0) return
  // A key of its own: no other write's job row can make this insert wait.
  await enqueueJob(
    db,
    {
      kind: SIMILAR_MARK_JOB,
      key: `${SIMILAR_MARK_JOB}:${randomId(9)}`,
      payload: { threadIds: due },
    },
    now,
  )
}

/**
 * The mark job's run: marks due the rankings a write listed (in id order, a statement per 500, each its
 * own transaction, so it never holds one row while it waits for another) and queues the refresh job for
 * the end of the minute.
 * @example await markNeighboursDue(db, { threadIds: [3, 8] })
 */
export async function markNeighboursDue(
  db: Executor,
  payload: unknown,
  now = Date.now(),
): Promise<void> {
  const ids = (payload as { threadIds?: unknown } | null)?.threadIds
  if (!Array.isArray(ids)) throw new Error('similar.mark: the payload lists no threadIds')
  const threadIds = ids.filter((id): id is number => Number.isSafeInteger(id))
  await markRankingsDue(
    db,
    threadIds.sort((a, b) => a - b),
  )
  await scheduleSimilarRefresh(db, now)
}

/**
 * Queues the refresh job for the end of the current minute; writes within one minute share it (its key).
 * @example await scheduleSimilarRefresh(db) // `quorum serve` does at start, for rankings due since
 */
export async function scheduleSimilarRefresh(db: Executor, now = Date.now()): Promise<void> {
  const minute = Math.floor(now / MINUTE_MS)
  await enqueueJob(
    db,
    {
      kind: SIMILAR_REFRESH_JOB,
      key: `${SIMILAR_REFRESH_JOB}:${minute}`,
      payload: {},
      runAfter: (minute + 1) * MINUTE_MS,
    },
    now,
  )
}

/**
 * The job's run: ranks the due rankings (up to RUN_DUE; more left queue the next run), then up to RUN_AGED
 * older than MAX_AGE_MS; returns how many it ranked. Neighbours are not marked: the text did not change.
 */
export async function refreshDueRankings(db: Db, now = Date.now()): Promise<number> {
  const due = await listDueRankings(db, 1, RUN_DUE)
  await rankInBatches(db, due, 1, now)
  if (due.length === RUN_DUE) {
    await scheduleSimilarRefresh(db, now)
    return due.length
  }
  const aged = await listDueRankings(db, now - MAX_AGE_MS, RUN_AGED)
  await rankInBatches(db, aged, now - MAX_AGE_MS, now)
  return due.length + aged.length
}

/**
 * Ranks every thread whose ranking is due (`before` 1), or every thread ranked before `before` (a whole
 * forum: `Date.now()`), in batches; after bulk loads and rebuilds, and `quorum signatures rank`.
 * @example await rankDueThreads(db, { onProgress: ({ done, total }) => bar.update(done) })
 */
export async function rankDueThreads(
  db: Db,
  options: {
    before?: number
    onProgress?: (p: { done: number; total: number }) => void
  } = {},
): Promise<number> {
  const before = options.before ?? 1
  const total = await countDueRankings(db, before)
  let done = 0
  for (;;) {
    const ids = await listDueRankings(db, before, BATCH * 4)
    if (ids.length === 0) return done
    await rankInBatches(db, ids, before, Date.now(), BULK_CONCURRENCY)
    done += ids.length
    options.onProgress?.({ done, total: Math.max(done, total) })
  }
}

/**
 * Ranks `ids` BATCH at a time: reads outside a transaction, then one short one writes the batch's rankings,
 * of those still ranked before `before` (a write may have ranked one meanwhile, from newer text).
 */
async function rankInBatches(
  db: Db,
  ids: readonly number[],
  before: number,
  now: number,
  concurrency = 1,
): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    // SQLite runs each query synchronously: let waiting requests in between batches.
    if (i > 0) await new Promise((resolve) => setImmediate(resolve))
    const batch = ids.slice(i, i + BATCH)
    const rankings = await rankAll(db, batch, concurrency)
    await db.transaction().execute(async (trx) => {
      const still = new Set(await listRankedBefore(trx, batch, before))
      const kept = new Map([...rankings].filter(([id]) => still.has(id)))
      await replaceRankings(trx, [...kept.keys()], rowsOf(kept), now)
    })
  }
}

/** Ranks `ids`, `concurrency` at a time (PostgreSQL: on as many pooled connections; SQLite: in turn). */
async function rankAll(
  db: Executor,
  ids: readonly number[],
  concurrency = 1,
): Promise<Map<number, RankedSimilar[]>> {
  const out = new Map<number, RankedSimilar[]>()
  let next = 0
  const worker = async () => {
    for (let id = ids[next++]; id !== undefined; id = ids[next++])
      out.set(id, await rankSimilarTo(db, id))
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker))
  return out
}

function rowsOf(rankings: ReadonlyMap<number, readonly RankedSimilar[]>): StoredRankingRow[] {
  const rows: StoredRankingRow[] = []
  for (const [threadId, ranked] of rankings)
    for (const [rank, r] of ranked.entries())
      rows.push({
        threadId,
        rank,
        similarId: r.id,
        score: Math.round(r.score * 1000),
        shared: r.shared,
      })
  return rows
}
