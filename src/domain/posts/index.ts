export {
  postReply,
  postComment,
  editPost,
  deletePost,
  restorePost,
  type Posted,
  type EditInput,
} from './posts.actions.js'
export { acceptAnswer, recommendReply, type AcceptState } from './answers.actions.js'
export { findPostFacts, listPostFacts, findThreadFacts } from './post-facts.queries.js'
export * from './posts.policy.js'
export { type RevisionView, type PostContext } from './revisions.queries.js'
export { getPostForEdit, getPostRevisions, type EditablePost } from './post-pages.js'
export { checkBody, checkTitle, cleanTitle, LIMITS, normaliseText } from './posts.validation.js'
export { refundOnThrow, writeLimits } from './write-limits.js'
export { insertPost, listThreadPosts } from './posts.queries.js'
export * from './posts.types.js'
