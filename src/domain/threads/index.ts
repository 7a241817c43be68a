export {
  listThreadsByTag,
  countThreadsByTag,
  listLatestThreads,
  listNewestThreadsByTag,
  findThreadView,
  syncThreadSortKeys,
  pinsFirst,
  threadListItems,
  threadListColumns,
  toThreadListItem,
  listThreadIdsAfter,
  countAllThreads,
  type ThreadListRow,
  type TagListingQuery,
} from './threads.queries.js'
export { getThreadPage } from './thread-page.js'
export {
  countSitemapEntries,
  listSitemapTags,
  listSitemapThreads,
  listSitemapThreadChunks,
  type SitemapThread,
  type SitemapTag,
} from './sitemap.queries.js'
export * from './threads.types.js'
export { getThreadViewerState } from './thread-viewer.js'
export { refreshThread, refreshThreadText, refreshThreadsText } from './thread-refresh.js'
export { loadThreadContents, type ThreadContent } from './thread-contents.queries.js'
export {
  askQuestion,
  secondsUntilAsk,
  type AskInput,
  type Asked,
  type UploadedFile,
} from './ask.actions.js'
export {
  rebuildThreadText,
  startTextPipeline,
  type TextPipeline,
  type TextRebuildOptions,
} from './rebuild-text.js'
export type { RebuildOptions, RebuildProgress } from './thread-batches.js'
