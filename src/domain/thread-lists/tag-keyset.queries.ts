/**
 * A tag's threads by keyset instead of by page number, for the API's cursors: the same order and the
 * same index range scan as the tag page (listThreadsByTag), continued after the last row a client saw,
 * so a thread that moves while someone pages never shows twice or goes missing, and page 500 costs what
 * page 1 does.
 */
import type { Executor } from '../../db/schema.js'
import { pinsFirst, SORT_COLUMN, threadListItems } from './thread-lists.queries.js'
import type { ListingOptions, ThreadListItem } from './thread-lists.types.js'

/** Where a list stopped: the last row's pin, sort key and thread id. */
export type ListCursor = readonly [pinned: number, sortKey: number, threadId: number]

const TIME_SORTS = new Set<ListingOptions['sortBy']>(['activity', 'newest'])
const int32 = (n: number) => Math.min(Math.max(n, -2_147_483_648), 2_147_483_647)

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
    // Pins, counts and ids are 32-bit columns, and PostgreSQL refuses a parameter past that range: a
    // cursor's number beyond it compares as the bound would (times are 64-bit).
    const [pinned, key, id] = [
      int32(q.after[0]),
      TIME_SORTS.has(q.sortBy) ? q.after[1] : int32(q.after[1]),
      int32(q.after[2]),
    ]
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
  // The marker says what sorts the row here, as on the tag page: pinned site-wide or in this tag.
  const pinnedHere = new Map(shown.map((k) => [k.threadId, k.pinned === 1]))
  const threads = await threadListItems(
    db,
    shown.map((k) => k.threadId),
  )
  return { threads: threads.map((t) => ({ ...t, pinned: pinnedHere.get(t.id) ?? t.pinned })), next }
}
