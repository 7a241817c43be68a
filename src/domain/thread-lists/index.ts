/**
 * Thread lists: the one list row every thread table shows (tag page, home, profile, search results,
 * signature pages), the list queries with their keyset sorts, a thread's header row, and the counters and
 * sort keys those lists read, kept by {@link refreshThread} in the transaction of every write.
 */
export {
  countAllThreads,
  countTagListing,
  findThreadView,
  listLatestThreads,
  listThreadIdsAfter,
  listThreadsWhere,
  threadListColumns,
  threadListItems,
  toThreadListItem,
} from './thread-lists.queries.js'
export { listNewestThreadsByTag, listThreadsByTag } from './tag-page.queries.js'
export { listTagThreadsAfter, type ListCursor } from './tag-keyset.queries.js'
export { listHomeThreadsAfter } from './home-keyset.queries.js'
export { addThreadViews, refreshThread } from './thread-counters.queries.js'
export {
  findThreadTitle,
  insertThread,
  insertThreadTags,
  updateThread,
} from './thread-rows.queries.js'
export * from './thread-lists.types.js'
