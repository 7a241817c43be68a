export {
  addToTagCount,
  findTagBySlug,
  findTagsBySlug,
  listTags,
  tagsOfThreads,
  ensureTag,
  refreshTagCounts,
} from './tags.queries.js'
export type { TagRef, TagSummary } from './tags.types.js'
