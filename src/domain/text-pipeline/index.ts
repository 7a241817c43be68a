/**
 * The text pipeline: from a thread's contents to everything derived from its text, the search row and
 * the signatures with their similarity terms. It sits above search and signatures and calls both, for one
 * thread in a write's transaction ({@link refreshThreadText}), or for many on worker threads (the
 * importer's bulk loads and the whole-forum rebuild, {@link startTextPipeline}, {@link rebuildThreadText}).
 */
export { refreshThreadText, refreshThreadsText } from './refresh-text.js'
export { rebuildThreadText, startTextPipeline } from './rebuild-text.js'
