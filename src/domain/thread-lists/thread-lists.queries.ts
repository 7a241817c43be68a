/**
 * Read queries for thread lists and the thread page. Lists read from thread_tags, whose copied sort keys
 * make every sort an index range scan (see the tt_* indexes in the migrations).
 */
import { sql } from 'kysely'
import { compiledOnce } from '../../db/compiled-query.js'
import type { Executor } from '../../db/schema.js'
import { slugify } from '../format/index.js'
import { uploadedAvatarRef } from '../shared/index.js'
import { tagsOfThreads } from '../tags/index.js'
import type { TagRef } from '../tags/index.js'
import type {
  ListingOptions,
  ThreadListItem,
  ThreadSort,
  ThreadView,
} from './thread-lists.types.js'

export const SORT_COLUMN = {
  activity: 'last_activity_at',
  newest: 'created_at',
  replies: 'reply_count',
  boosts: 'boost_count',
  views: 'view_count',
} as const satisfies Record<ThreadSort, string>

/** Pinned threads lead only the default listing; any explicit sort is taken literally. */
export function pinsFirst(listing: ListingOptions): boolean {
  return listing.sortBy === 'activity' && listing.sortOrder === 'desc'
}

/** How many threads a tag listing holds under a filter (an index-only count: tt_live_solved). */
/**
 * How many threads a tag page lists under `filter`: the count the tag row keeps for all of them (no
 * query), a count of its solved or unsolved threads otherwise.
 */
export async function countTagListing(
  db: Executor,
  tag: { id: number; threadCount: number },
  filter: ListingOptions['filter'],
): Promise<number> {
  return filter === 'all' ? tag.threadCount : countThreadsByTag(db, tag.id, filter)
}

export async function countThreadsByTag(
  db: Executor,
  tagId: number,
  filter: ListingOptions['filter'],
): Promise<number> {
  let query = db
    .selectFrom('thread_tags as tt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tt.tag_id', '=', tagId)
    .where('tt.deleted', '=', 0)
  if (filter !== 'all') query = query.where('tt.solved', '=', filter === 'solved' ? 1 : 0)
  const row = await query.executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * The home page: threads pinned site-wide first (a handful, read apart so the rest stays one index
 * scan), then the most recently active threads across all tags, without those of `excludeTagIds`.
 */
export async function listLatestThreads(
  db: Executor,
  limit: number,
  excludeTagIds: readonly number[] = [],
): Promise<ThreadListItem[]> {
  const pinned = await listThreadsWhere(db, { limit, offset: 0, excludeTagIds, pinned: true })
  const rest = await listThreadsWhere(db, { limit, offset: 0, excludeTagIds })
  const pinnedIds = new Set(pinned.map((t) => t.id))
  return [...pinned, ...rest.filter((t) => !pinnedIds.has(t.id))].slice(0, limit)
}

/** Live threads by last activity, optionally of one author (served by threads_activity / threads_author_activity). */
export async function listThreadsWhere(
  db: Executor,
  q: {
    authorId?: number
    limit: number
    offset: number
    excludeTagIds?: readonly number[]
    /** Only the threads pinned site-wide. */
    pinned?: boolean
  },
): Promise<ThreadListItem[]> {
  let query = db
    .selectFrom('threads as t')
    .innerJoin('users as u', 'u.id', 't.author_id')
    .select(threadListColumns)
    .where('t.deleted_at', 'is', null)
    .where('t.hidden_at', 'is', null)
  if (q.authorId !== undefined) query = query.where('t.author_id', '=', q.authorId)
  if (q.pinned === true) query = query.where('t.home_pinned', '=', 1)
  const excluded = q.excludeTagIds ?? []
  if (excluded.length > 0)
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('thread_tags as xt')
            .select('xt.thread_id')
            .whereRef('xt.thread_id', '=', 't.id')
            .where('xt.tag_id', 'in', [...excluded]),
        ),
      ),
    )
  const rows = await query
    .orderBy('t.last_activity_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute()
  return withTags(db, rows)
}

/** The thread page's thread row with its author and the thread it duplicates (compiled once). */
const threadViewQuery = (db: Executor, threadId: number) =>
  db
    .selectFrom('threads as t')
    .innerJoin('users as u', 'u.id', 't.author_id')
    .leftJoin('threads as d', 'd.id', 't.duplicate_of')
    .select([...threadListColumns, 't.author_id as authorId', 't.hidden_reason as hiddenReason'])
    .select([
      't.deleted_at as deletedAt',
      'd.id as duplicateId',
      'd.title as duplicateTitle',
      'd.deleted_at as duplicateDeletedAt',
    ])
    .where('t.id', '=', threadId)
const threadViewRow = compiledOnce(threadViewQuery)
const liveThreadViewRow = compiledOnce((db: Executor, threadId: number) =>
  threadViewQuery(db, threadId).where('t.deleted_at', 'is', null),
)

/**
 * A thread with its author; deleted threads only when asked for (staff see them to restore them).
 * A hidden thread comes back with `hidden` set: the caller decides who may see it (its author, staff).
 */
export async function findThreadView(
  db: Executor,
  threadId: number,
  options: { includeDeleted?: boolean } = {},
): Promise<ThreadView | undefined> {
  const [row] = await (options.includeDeleted === true ? threadViewRow : liveThreadViewRow)(
    db,
    threadId,
  )
  if (!row) return undefined
  const { deletedAt, duplicateId, duplicateTitle, duplicateDeletedAt, ...listRow } = row
  const [item] = await withTags(db, [listRow])
  if (!item) return undefined
  const { excerpt: _excerpt, ...view } = item
  return {
    ...view,
    acceptedPostId: row.acceptedPostId,
    authorId: row.authorId,
    hiddenReason: row.hiddenReason,
    deleted: deletedAt !== null,
    duplicateOf:
      duplicateId !== null && duplicateTitle !== null
        ? {
            id: duplicateId,
            title: duplicateTitle,
            slug: slugify(duplicateTitle),
            deleted: duplicateDeletedAt !== null,
          }
        : null,
  }
}

/**
 * The columns of a thread-list row, selected from `threads as t` joined to `users as u` (the author). The one
 * list row every thread table reads (tag page, home, profile, search results, signature pages); a query that
 * needs to join more (a signature's post count) adds its own columns beside these and maps each row with
 * {@link toThreadListItem}.
 * @example db.selectFrom('threads as t').innerJoin('users as u', 'u.id', 't.author_id').select(threadListColumns)
 */
export const threadListColumns = [
  't.id',
  't.title',
  't.excerpt',
  't.reply_count as replyCount',
  't.boost_count as boostCount',
  't.view_count as viewCount',
  't.created_at as createdAt',
  't.last_activity_at as lastActivityAt',
  't.accepted_post_id as acceptedPostId',
  't.pinned',
  't.locked',
  'u.username',
  'u.title as userTitle',
  // The author's avatar (docs/avatars.md): list rows show it beside the name.
  'u.id as authorUserId',
  'u.avatar_version as authorAvatarVersion',
] as const

/** A row selected with {@link threadListColumns}. */
export interface ThreadListRow {
  id: number
  title: string
  excerpt: string
  replyCount: number
  boostCount: number
  viewCount: number
  createdAt: number
  lastActivityAt: number
  acceptedPostId: number | null
  pinned: number
  locked: number
  username: string
  userTitle: string | null
  authorUserId: number
  authorAvatarVersion: number | null
}

/**
 * A row of {@link threadListColumns} as the list item views show, with its tags from `tagsOfThreads`.
 * @example const tags = await tagsOfThreads(db, rows.map((r) => r.id)); rows.map((r) => toThreadListItem(r, tags))
 */
export function toThreadListItem(
  r: ThreadListRow,
  tagsByThread: ReadonlyMap<number, TagRef[]>,
): ThreadListItem {
  return {
    id: r.id,
    title: r.title,
    slug: slugify(r.title),
    excerpt: r.excerpt,
    author: {
      username: r.username,
      title: r.userTitle,
      avatar: uploadedAvatarRef(r.authorUserId, r.authorAvatarVersion),
    },
    replyCount: r.replyCount,
    boostCount: r.boostCount,
    viewCount: r.viewCount,
    createdAt: r.createdAt,
    lastActivityAt: r.lastActivityAt,
    solved: r.acceptedPostId !== null,
    pinned: r.pinned === 1,
    locked: r.locked === 1,
    tags: tagsByThread.get(r.id) ?? [],
  }
}

/** Rows of {@link threadListColumns} as list items, in the rows' order (one query for all their tags). */
export async function withTags(
  db: Executor,
  rows: readonly ThreadListRow[],
): Promise<ThreadListItem[]> {
  const tags = await tagsOfThreads(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => toThreadListItem(r, tags))
}

/**
 * The list items of live threads, in the order of `ids` (a ranking decided elsewhere, e.g. search); ids of
 * missing or deleted threads are skipped. Two queries whatever the number of ids: the rows, then their tags.
 * @example const items = await threadListItems(db, [42, 7, 19]) // items[0].id === 42 when thread 42 is live
 */
export async function threadListItems(
  db: Executor,
  ids: readonly number[],
): Promise<ThreadListItem[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('threads as t')
    .innerJoin('users as u', 'u.id', 't.author_id')
    .select(threadListColumns)
    .where('t.id', 'in', [...ids])
    .where('t.deleted_at', 'is', null)
    .where('t.hidden_at', 'is', null)
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return withTags(
    db,
    ids.flatMap((id) => byId.get(id) ?? []),
  )
}

/** Ids of threads (live or deleted) after `afterId`, in id order: the batches of every whole-forum rebuild. */
export async function listThreadIdsAfter(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('threads')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** Every thread, live or deleted: the total a whole-forum rebuild reports progress against. */
export async function countAllThreads(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('threads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Copies a thread's sort keys (counters, times, flags) onto its thread_tags rows. Called in the same
 * transaction as every write that changes them, so tag pages are right on the next request.
 */
export async function syncThreadSortKeys(db: Executor, threadId: number): Promise<void> {
  const t = await db
    .selectFrom('threads')
    .select([
      'pinned',
      'accepted_post_id',
      'last_activity_at',
      'created_at',
      'reply_count',
      'boost_count',
      'view_count',
      'deleted_at',
      'hidden_at',
    ])
    .where('id', '=', threadId)
    .executeTakeFirst()
  if (!t) return
  await db
    .updateTable('thread_tags')
    .set({
      // Pinned here: site-wide (the thread's pin) or in this tag only (the row's own pin).
      pinned: sql<number>`case when tag_pinned = 1 then 1 else ${t.pinned} end`,
      solved: t.accepted_post_id === null ? 0 : 1,
      last_activity_at: t.last_activity_at,
      created_at: t.created_at,
      reply_count: t.reply_count,
      boost_count: t.boost_count,
      view_count: t.view_count,
      // A hidden thread (flagged, held, hidden by staff) leaves tag pages and counts as a deleted one does.
      deleted: t.deleted_at === null && t.hidden_at === null ? 0 : 1,
    })
    .where('thread_id', '=', threadId)
    .execute()
}
