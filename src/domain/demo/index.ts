export { seedDemo, type SeedResult } from './seed-demo.js'
export { isEmpty } from './demo.queries.js'
export { loadDemoForum, DemoContentError, DEMO_DIR } from './load-demo.js'
export { parseThreadFile } from './thread-file.js'
export { toImportThread } from './to-import-thread.js'
export { agoToEpoch, agoToMs, isAgo, type Ago } from './relative-time.js'
export type {
  DemoForum,
  DemoThread,
  DemoReply,
  DemoComment,
  DemoAttachment,
  DemoUser,
  DemoTag,
} from './demo.types.js'
