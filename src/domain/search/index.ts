/**
 * Search: one interface over two engines (SQLite FTS5, PostgreSQL tsvector), an identifier-aware tokenizer,
 * query operators and highlighted snippets. See docs/search.md.
 */
export { searchThreads } from './search-threads.js'
export {
  reindexThread,
  reindexAll,
  indexContents,
  storeSearchDocuments,
  finishSearchRebuild,
  beginSearchBulkLoad,
} from './reindex.js'
export { buildSearchDocument, type SearchDocument } from './document.js'
export { parseSearchQuery, MAX_QUERY_LENGTH, MAX_TERMS } from './parse-query.js'
export * from './search.types.js'
