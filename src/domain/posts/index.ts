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
export {
  listRevisions,
  findPostContext,
  type RevisionView,
  type PostContext,
} from './revisions.queries.js'
export { LIMITS, parseTagList } from './posts.validation.js'
export { writeLimits } from './write-limits.js'
export { listThreadPosts } from './posts.queries.js'
