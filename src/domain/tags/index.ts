export {
  addToTagCount,
  findTagBySlug,
  listTags,
  tagsOfThreads,
  ensureTag,
  refreshTagCounts,
} from './tags.queries.js'
export type { TagRef, TagSummary } from './tags.types.js'
export { resolveTagList } from './tag-list.js'
