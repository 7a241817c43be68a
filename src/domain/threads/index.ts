export {
  listThreadsByTag,
  countThreadsByTag,
  listLatestThreads,
  listNewestThreadsByTag,
  findThreadView,
  syncThreadSortKeys,
  pinsFirst,
  DEFAULT_LISTING,
  type TagListingQuery,
} from './threads.queries.js'
export { getThreadPage } from './thread-page.js'
export * from './threads.types.js'
