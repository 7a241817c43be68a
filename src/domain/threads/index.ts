/**
 * Threads as pages: the thread page (posts, the viewer's controls), asking a question, and the sitemap's
 * lists. The rows of thread lists live in thread-lists; what derives from text in text-pipeline.
 */
export { getThreadPage } from './thread-page.js'
export { getThreadViewerState } from './thread-viewer.js'
export {
  countSitemapEntries,
  listSitemapTags,
  listSitemapThreads,
  listSitemapThreadChunks,
} from './sitemap.queries.js'
export * from './threads.types.js'
export { askQuestion, secondsUntilAsk, type UploadedFile } from './ask.actions.js'
