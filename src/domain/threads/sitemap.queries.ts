/**
 * What the sitemap lists: live threads and the tags that have any. Threads are split into chunks by id range
 * (chunk N holds ids (N-1)·size+1 … N·size), so every chunk is one primary-key range scan however large the
 * forum grows, and a chunk's address never changes as threads are added.
 */
import { sql } from 'kysely'
import type { Executor } from '../../db/schema.js'
import { slugify } from '../format/index.js'

export interface SitemapThread {
  id: number
  slug: string
  lastActivityAt: number
}

export interface SitemapTag {
  slug: string
}

/** How many URLs the sitemap would list: live threads, and tags with at least one thread. */
export async function countSitemapEntries(
  db: Executor,
): Promise<{ threads: number; tags: number }> {
  const [threads, tags] = await Promise.all([
    db
      .selectFrom('threads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .where('hidden_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('tags')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('thread_count', '>', 0)
      .executeTakeFirstOrThrow(),
  ])
  return { threads: Number(threads.n), tags: Number(tags.n) }
}

/** Tags with at least one live thread, by slug. */
export async function listSitemapTags(db: Executor): Promise<SitemapTag[]> {
  return db
    .selectFrom('tags')
    .select('slug')
    .where('thread_count', '>', 0)
    .orderBy('slug')
    .execute()
}

/** Ids are 32-bit integers in PostgreSQL (`integer`): ranges are clamped to that, or it rejects the query. */
const MAX_ID = 2_147_483_647

/**
 * Live threads with `fromId <= id <= toId`, by id.
 * @example await listSitemapThreads(db, 1, 50_000) // the first chunk
 */
export async function listSitemapThreads(
  db: Executor,
  fromId: number,
  toId: number,
): Promise<SitemapThread[]> {
  if (fromId > MAX_ID || toId < fromId) return []
  const rows = await db
    .selectFrom('threads')
    .select(['id', 'title', 'last_activity_at as lastActivityAt'])
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .where('id', '>=', Math.max(fromId, 1))
    .where('id', '<=', Math.min(toId, MAX_ID))
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, slug: slugify(r.title), lastActivityAt: r.lastActivityAt }))
}

/**
 * The thread chunks of `size` ids that hold at least one live thread: chunk number (from 1) and the latest
 * activity in it, for the sitemap index's `lastmod`.
 * @example await listSitemapThreadChunks(db, 50_000) // [{ chunk: 1, lastActivityAt: 1764… }, …]
 */
export async function listSitemapThreadChunks(
  db: Executor,
  size: number,
): Promise<{ chunk: number; lastActivityAt: number }[]> {
  if (!Number.isSafeInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, not ${size}`)
  // Integer division on an integer column in both SQLite and PostgreSQL; `size` is our own number, inlined.
  const chunk = sql<number>`(id - 1) / ${sql.lit(size)}`
  const rows = await db
    .selectFrom('threads')
    .select([chunk.as('chunk'), (eb) => eb.fn.max('last_activity_at').as('lastActivityAt')])
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .groupBy(chunk)
    .orderBy(chunk)
    .execute()
  return rows.map((r) => ({ chunk: Number(r.chunk) + 1, lastActivityAt: Number(r.lastActivityAt) }))
}
