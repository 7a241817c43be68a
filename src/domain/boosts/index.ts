export { setBoost, boostedByViewer, type BoostState } from './boosts.actions.js'
