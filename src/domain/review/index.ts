/**
 * Review: hidden posts and the moderators' queue. Hiding a post (flagged, held for approval, a repeated
 * body, or by staff) and showing it again; holding a post for review. docs/moderation.md.
 */
export {
  checkHiddenEdit,
  hidePost,
  holdForReview,
  queueForReview,
  requestReReview,
  unhidePost,
} from './review.actions.js'
export type { HiddenReason, ReviewKind } from './review.types.js'
