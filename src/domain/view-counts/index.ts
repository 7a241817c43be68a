export { ViewCounter } from './view-counter.js'
