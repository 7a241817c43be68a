/** Boosts: one per person and post, never one's own; the post keeps the count. */
export { setBoost } from './boosts.actions.js'
export { boostedByViewer } from './boosts.queries.js'
