export {
  postReply,
  postComment,
  editPost,
  deletePost,
  deletePostWithin,
  restorePost,
  STAFF_NOTE_MAX,
  EDIT_REASON_MAX,
  type Posted,
} from './posts.actions.js'
export { acceptAnswer, recommendReply } from './answers.actions.js'
export { rerenderAllPosts } from './rerender.actions.js'
export { findPostFacts, findThreadFacts, listPostFacts } from './post-facts.queries.js'
export * from './posts.policy.js'
export { getPostForEdit, getPostRevisions } from './post-pages.js'
export { diffText, type DiffPart } from './revision-diff.js'
export { checkBody, checkTitle, cleanTitle, LIMITS, normaliseText } from './posts.validation.js'
export { refundOnThrow, writeLimits } from './write-limits.js'
export { countAllPosts, insertPost, listThreadPosts } from './posts.queries.js'
export * from './posts.types.js'
