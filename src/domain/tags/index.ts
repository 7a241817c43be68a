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
export {
  TAG_LIMITS,
  createTag,
  deleteTag,
  describeTag,
  mergeTag,
  renameTag,
} from './tag-admin.actions.js'
export { countTags, findTagRedirect, listTagRedirects } from './tag-admin.queries.js'
