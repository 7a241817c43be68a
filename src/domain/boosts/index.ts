/** Boosts: one per person and post, never one's own; the post keeps the count. */
export { setBoost, type BoostState } from './boosts.actions.js'
export { boostedByViewer } from './boosts.queries.js'
