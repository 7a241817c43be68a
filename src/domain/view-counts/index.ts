export { ViewCounter, type SharedViewCounts } from './view-counter.js'
