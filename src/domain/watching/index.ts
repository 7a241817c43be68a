/**
 * Watching: how closely a person follows a thread or a tag (watching, tracking, normal, muted), the
 * defaults that asking and replying set, and the home list without muted tags. Notifications read the
 * levels to decide who hears of a post.
 */
export {
  getWatchDefaults,
  getWatchState,
  listEffectiveThreadLevels,
  listHomeThreads,
  listHomeThreadsByCursor,
  listUnreadCounts,
  markThreadRead,
  saveWatchDefaults,
  setWatchLevel,
  watchByDefault,
} from './watching.actions.js'
export {
  copyThreadWatches,
  eraseWatches,
  listThreadTagWatchLevels,
  listUserWatches,
} from './watching.queries.js'
export * from './watching.types.js'
