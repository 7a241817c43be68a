/**
 * What threads say, read once for everything derived from their text (search rows, signatures,
 * similarity terms): {@link loadThreadContents} for a few threads, {@link eachThreadBatch} for the whole
 * forum in batches.
 */
export {
  loadThreadContents,
  MAX_ATTACHMENT_READ,
  type ThreadContent,
} from './thread-contents.queries.js'
export { eachThreadBatch, type RebuildOptions } from './thread-batches.js'
