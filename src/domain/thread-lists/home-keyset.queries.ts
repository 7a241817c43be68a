/**
 * The home list by keyset instead of by count, for the API's cursors: the order of the home page
 * (listLatestThreads: the threads pinned site-wide first, then the most recently active), continued
 * after the last row a client saw. Each phase is one scan of threads_activity (the pinned phase reads
 * the handful threads_home_pinned holds), so a deep page costs what the first does.
 */
import type { Executor } from '../../db/schema.js'
import type { ListCursor } from './tag-keyset.queries.js'
import { threadListItems } from './thread-lists.queries.js'
import type { ThreadListItem } from './thread-lists.types.js'

interface HomeKey {
  threadId: number
  pinned: number
  sortKey: number
}

/** Live threads of one pin phase after (lastActivityAt, id), most recently active first. */
async function homeKeys(
  db: Executor,
  q: { pinned: 0 | 1; after: readonly [number, number] | null; limit: number; excluded: number[] },
): Promise<HomeKey[]> {
  let query = db
    .selectFrom('threads as t')
    .select(['t.id as threadId', 't.home_pinned as pinned', 't.last_activity_at as sortKey'])
    .where('t.deleted_at', 'is', null)
    .where('t.hidden_at', 'is', null)
    .where('t.home_pinned', '=', q.pinned)
  if (q.excluded.length > 0)
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('thread_tags as xt')
            .select('xt.thread_id')
            .whereRef('xt.thread_id', '=', 't.id')
            .where('xt.tag_id', 'in', q.excluded),
        ),
      ),
    )
  if (q.after) {
    const [key, id] = q.after
    query = query.where((eb) =>
      eb.or([
        eb('t.last_activity_at', '<', key),
        eb.and([eb('t.last_activity_at', '=', key), eb('t.id', '<', id)]),
      ]),
    )
  }
  const rows = await query
    .orderBy('t.last_activity_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(q.limit)
    .execute()
  return rows.map((r) => ({ ...r, sortKey: Number(r.sortKey) }))
}

/**
 * One page of the home list after `after` (null: the first page), without the threads of
 * `excludeTagIds` (the viewer's muted tags). `next` is where the following page starts, or null.
 * @example const { threads, next } = await listHomeThreadsAfter(db, { limit: 20, after: null })
 */
export async function listHomeThreadsAfter(
  db: Executor,
  q: { limit: number; after: ListCursor | null; excludeTagIds?: readonly number[] },
): Promise<{ threads: ThreadListItem[]; next: ListCursor | null }> {
  const excluded = [...(q.excludeTagIds ?? [])]
  const inPinned = q.after === null || q.after[0] === 1
  const keys: HomeKey[] = []
  if (inPinned)
    keys.push(
      ...(await homeKeys(db, {
        pinned: 1,
        after: q.after === null ? null : [q.after[1], q.after[2]],
        limit: q.limit + 1,
        excluded,
      })),
    )
  if (keys.length <= q.limit)
    keys.push(
      ...(await homeKeys(db, {
        pinned: 0,
        after: q.after !== null && q.after[0] === 0 ? [q.after[1], q.after[2]] : null,
        limit: q.limit + 1 - keys.length,
        excluded,
      })),
    )
  const shown = keys.slice(0, q.limit)
  const last = shown.at(-1)
  const next: ListCursor | null =
    keys.length > q.limit && last ? [last.pinned, last.sortKey, last.threadId] : null
  const threads = await threadListItems(
    db,
    shown.map((k) => k.threadId),
  )
  return { threads, next }
}
