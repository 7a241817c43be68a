/**
 * The tag page's list: one page of a tag's threads in the requested sort, order and filter, by page number
 * (the API's cursors are tag-keyset.queries.ts). Compiled once per sort and order.
 */
import { compiledOnce } from '../../db/compiled-query.js'
import type { Executor } from '../../db/schema.js'
import {
  pinsFirst,
  SORT_COLUMN,
  threadListColumns,
  withTags,
  type ThreadListRow,
} from './thread-lists.queries.js'
import type { ListingOptions, ThreadListItem } from './thread-lists.types.js'

export interface TagListingQuery extends ListingOptions {
  tagId: number
  limit: number
  offset: number
}

/**
 * One page of a tag's threads in the requested order. The page's thread ids come from one index-only
 * range scan of thread_tags (every sort has an index leading with (tag_id, deleted) that holds the sort
 * key and the solved flag), so skipping to page 500 steps over index entries, not rows; only the 20
 * threads shown are then joined to threads and users. The query is built and compiled once per shape
 * (sort, order, filtered or not: {@link tagPageQuery}); each call runs it with its own values.
 * @example await listThreadsByTag(db, { tagId, ...DEFAULT_LISTING, limit: 20, offset: 0 })
 */
export async function listThreadsByTag(
  db: Executor,
  q: TagListingQuery,
): Promise<ThreadListItem[]> {
  const rows =
    q.filter === 'all'
      ? await tagPageQuery(q).all(db, q.tagId, q.limit, q.offset)
      : await tagPageQuery(q).filtered(
          db,
          q.tagId,
          q.filter === 'solved' ? 1 : 0,
          q.limit,
          q.offset,
        )
  // The marker says what sorts the row here: pinned site-wide or in this tag.
  return withTags(
    db,
    rows.map(({ tagPinned, ...row }) => ({ ...row, pinned: tagPinned })),
  )
}

/** A tag page's query for one sort and order: the page of ids, then the rows shown. */
function buildTagPage(
  db: Executor,
  shape: Pick<ListingOptions, 'sortBy' | 'sortOrder'>,
  values: { tagId: number; solved?: number; limit: number; offset: number },
) {
  const column = SORT_COLUMN[shape.sortBy]
  const pins = pinsFirst({ ...shape, filter: 'all' })
  let page = db
    .selectFrom('thread_tags as tt')
    .select(['tt.thread_id as threadId', 'tt.pinned as pinned', `tt.${column} as sortKey`])
    .where('tt.tag_id', '=', values.tagId)
    .where('tt.deleted', '=', 0)
  if (values.solved !== undefined) page = page.where('tt.solved', '=', values.solved)
  if (pins) page = page.orderBy('tt.pinned', 'desc')
  page = page
    .orderBy(`tt.${column}`, shape.sortOrder)
    .orderBy('tt.thread_id', shape.sortOrder)
    .limit(values.limit)
    .offset(values.offset)
  let query = db
    .selectFrom(page.as('page'))
    .innerJoin('threads as t', 't.id', 'page.threadId')
    .innerJoin('users as u', 'u.id', 't.author_id')
    .select(threadListColumns)
  if (pins) query = query.orderBy('page.pinned', 'desc')
  return query
    .select('page.pinned as tagPinned')
    .orderBy('page.sortKey', shape.sortOrder)
    .orderBy('page.threadId', shape.sortOrder)
}

/** The compiled tag-page queries of one shape: all threads, or filtered on solved. */
interface TagPageQueries {
  all: (db: Executor, tagId: number, limit: number, offset: number) => Promise<TagPageRow[]>
  filtered: (
    db: Executor,
    tagId: number,
    solved: number,
    limit: number,
    offset: number,
  ) => Promise<TagPageRow[]>
}
type TagPageRow = ThreadListRow & { tagPinned: number }
const tagPageQueries = new Map<string, TagPageQueries>()

/**
 * The compiled queries of a sort and order (10 shapes at most, each compiled on its first use): the sort
 * column, the order and the pins-first rule are the query's text; the tag, the solved flag, the limit and
 * the offset are its parameters.
 */
function tagPageQuery(shape: Pick<ListingOptions, 'sortBy' | 'sortOrder'>): TagPageQueries {
  const key = `${shape.sortBy}:${shape.sortOrder}`
  let queries = tagPageQueries.get(key)
  if (queries === undefined) {
    const { sortBy, sortOrder } = shape
    queries = {
      all: compiledOnce((db: Executor, tagId: number, limit: number, offset: number) =>
        buildTagPage(db, { sortBy, sortOrder }, { tagId, limit, offset }),
      ),
      filtered: compiledOnce(
        (db: Executor, tagId: number, solved: number, limit: number, offset: number) =>
          buildTagPage(db, { sortBy, sortOrder }, { tagId, solved, limit, offset }),
      ),
    }
    tagPageQueries.set(key, queries)
  }
  return queries
}

/** The newest threads of a tag, by creation time (the tag's RSS feed). */
export async function listNewestThreadsByTag(
  db: Executor,
  tagId: number,
  limit: number,
): Promise<ThreadListItem[]> {
  return listThreadsByTag(db, {
    tagId,
    sortBy: 'newest',
    sortOrder: 'desc',
    filter: 'all',
    limit,
    offset: 0,
  })
}
