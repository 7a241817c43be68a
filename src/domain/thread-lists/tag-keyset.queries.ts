/**
 * A tag's threads by keyset instead of by page number, for the API's cursors: the same order and the
 * same index range scan as the tag page (listThreadsByTag), continued after the last row a client saw,
 * so a thread that moves while someone pages never shows twice or goes missing, and page 500 costs what
 * page 1 does.
 */
import type { Executor } from '../../db/schema.js'
import { pinsFirst, threadListColumns, withTags } from './thread-lists.queries.js'
import type { ListingOptions, ThreadListItem, ThreadSort } from './thread-lists.types.js'

const SORT_COLUMN = {
  activity: 'last_activity_at',
  newest: 'created_at',
  replies: 'reply_count',
  boosts: 'boost_count',
  views: 'view_count',
} as const satisfies Record<ThreadSort, string>

/** Where a list stopped: the last row's pin, sort key and thread id. */
export type ListCursor = readonly [pinned: number, sortKey: number, threadId: number]

export async function listTagThreadsAfter(
  db: Executor,
  q: ListingOptions & { tagId: number; limit: number; after: ListCursor | null },
): Promise<{ threads: ThreadListItem[]; next: ListCursor | null }> {
  const column = `tt.${SORT_COLUMN[q.sortBy]}` as const
  const pins = pinsFirst(q)
  let page = db
    .selectFrom('thread_tags as tt')
    .select(['tt.thread_id as threadId', 'tt.pinned as pinned', `${column} as sortKey`])
    .where('tt.tag_id', '=', q.tagId)
    .where('tt.deleted', '=', 0)
  if (q.filter !== 'all') page = page.where('tt.solved', '=', q.filter === 'solved' ? 1 : 0)
  if (q.after) {
    const [pinned, key, id] = q.after
    const beyond = q.sortOrder === 'desc' ? '<' : '>'
    page = page.where((eb) => {
      const sameRank = eb.or([
        eb(column, beyond, key),
        eb.and([eb(column, '=', key), eb('tt.thread_id', beyond, id)]),
      ])
      return pins
        ? eb.or([eb('tt.pinned', '<', pinned), eb.and([eb('tt.pinned', '=', pinned), sameRank])])
        : sameRank
    })
  }
  if (pins) page = page.orderBy('tt.pinned', 'desc')
  page = page
    .orderBy(column, q.sortOrder)
    .orderBy('tt.thread_id', q.sortOrder)
    .limit(q.limit + 1)
  const keys = await page.execute()
  const shown = keys.slice(0, q.limit)
  const last = shown.at(-1)
  const next: ListCursor | null =
    keys.length > q.limit && last ? [last.pinned, Number(last.sortKey), last.threadId] : null
  if (shown.length === 0) return { threads: [], next: null }
  const rows = await db
    .selectFrom('threads as t')
    .innerJoin('users as u', 'u.id', 't.author_id')
    .select(threadListColumns)
    .where(
      't.id',
      'in',
      shown.map((k) => k.threadId),
    )
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const ordered = shown.flatMap((k) => {
    const row = byId.get(k.threadId)
    return row ? [row] : []
  })
  return { threads: await withTags(db, ordered), next }
}
