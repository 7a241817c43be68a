export { seedDemo, isEmpty, agoToEpoch, demoThreads, type SeedResult } from './seed-demo.js'
