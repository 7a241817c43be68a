import { compiledOnce } from '../../db/compiled-query.js'
import type { Executor } from '../../db/schema.js'
import type { TagRef, TagSummary } from './tags.types.js'

const summaryColumns = ['id', 'slug', 'name', 'description', 'thread_count as threadCount'] as const

export function findTagBySlug(db: Executor, slug: string): Promise<TagSummary | undefined> {
  return db.selectFrom('tags').select(summaryColumns).where('slug', '=', slug).executeTakeFirst()
}

/** Every tag, busiest first, then by name. */
export function listTags(db: Executor, limit = 500): Promise<TagSummary[]> {
  return db
    .selectFrom('tags')
    .select(summaryColumns)
    .orderBy('thread_count', 'desc')
    .orderBy('name')
    .limit(limit)
    .execute()
}

/** Tag rows of threads (every list and thread page: compiled once per number of ids). */
const tagRowsOfThreads = compiledOnce((db: Executor, threadIds: readonly number[]) =>
  db
    .selectFrom('thread_tags as tt')
    .innerJoin('tags as g', 'g.id', 'tt.tag_id')
    .select(['tt.thread_id as threadId', 'g.slug', 'g.name'])
    .where('tt.thread_id', 'in', threadIds)
    .orderBy('tt.thread_id')
    .orderBy('tt.position'),
)

/** Tags of many threads in one query, each thread's tags in their stored order. */
export async function tagsOfThreads(
  db: Executor,
  threadIds: readonly number[],
): Promise<Map<number, TagRef[]>> {
  const byThread = new Map<number, TagRef[]>()
  if (threadIds.length === 0) return byThread
  const rows = await tagRowsOfThreads(db, threadIds)
  for (const row of rows) {
    const list = byThread.get(row.threadId) ?? []
    list.push({ slug: row.slug, name: row.name })
    byThread.set(row.threadId, list)
  }
  return byThread
}

/** Inserts a tag, or returns the id of the one with that slug. */
export async function ensureTag(
  db: Executor,
  tag: { slug: string; name: string; description: string },
  now: number,
): Promise<number> {
  const found = await db
    .selectFrom('tags')
    .select('id')
    .where('slug', '=', tag.slug)
    .executeTakeFirst()
  if (found) return found.id
  const row = await db
    .insertInto('tags')
    .values({ slug: tag.slug, name: tag.name, description: tag.description, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Recounts the live (not deleted) threads of the given tags (after a thread is created, deleted or
 * retagged). Counts index entries only (tt_live_solved): thread_tags.deleted is kept in step by
 * syncThreadSortKeys, which every such write runs first.
 */
export async function refreshTagCounts(db: Executor, tagIds: readonly number[]): Promise<void> {
  for (const tagId of new Set(tagIds)) {
    await db
      .updateTable('tags')
      .set((eb) => ({
        thread_count: eb
          .selectFrom('thread_tags as tt')
          .select(eb.fn.countAll<number>().as('n'))
          .where('tt.tag_id', '=', tagId)
          .where('tt.deleted', '=', 0),
      }))
      .where('id', '=', tagId)
      .execute()
  }
}

/** The tags whose slug, or whose name in lower case, is one of `keys` (lower case). */
export function findTagsByKeys(
  db: Executor,
  keys: readonly string[],
): Promise<{ id: number; slug: string; name: string }[]> {
  if (keys.length === 0) return Promise.resolve([])
  return db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where((eb) => eb.or([eb('slug', 'in', keys), eb(eb.fn('lower', ['name']), 'in', keys)]))
    .execute()
}

/** Adds `threads` to a tag's count (an import that knows what it added, without recounting). */
export async function addToTagCount(db: Executor, tagId: number, threads: number): Promise<void> {
  await db
    .updateTable('tags')
    .set((eb) => ({ thread_count: eb('thread_count', '+', threads) }))
    .where('id', '=', tagId)
    .execute()
}
