/**
 * Trust and spam (docs/moderation.md, "Trust levels and spam"): trust levels and their automatic
 * promotion (after each write and daily), the new-account limits and the silence checked before every
 * write, new accounts' first posts and repeated bodies held for review after it, and registration
 * against spam (honeypot, time to fill, sign-up blocks, open / invitation / closed, invitations).
 * Above review, users, notifications and account mail; below posts and threads, which call it.
 */
export { afterPosting, checkPosting, silencedReason } from './posting.actions.js'
export {
  scheduleTrustReview,
  trustReviewJobHandler,
  TRUST_REVIEW_JOB,
} from './promotion.actions.js'
export {
  createInvitation,
  listInvitations,
  revokeInvitation,
  type Invitation,
} from './invitations.actions.js'
export { guardedSignUp, signUpStamp } from './sign-up.actions.js'
