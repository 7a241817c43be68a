export {
  addToTagCount,
  findTagBySlug,
  findTagsByKeys,
  listTags,
  tagsOfThreads,
  ensureTag,
  refreshTagCounts,
} from './tags.queries.js'
export type { TagRef, TagSummary } from './tags.types.js'
export { resolveTagList, tagEntries, type ResolvedTags } from './tag-list.js'
