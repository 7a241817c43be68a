/**
 * Moderation: members' flags on posts, hiding by the community (flagsToHide), the moderators' review
 * queue and its decisions (agree, disagree, approve, delete, delete the spammer), and staff hiding a
 * post or thread with a reason (docs/moderation.md, "Flags and review"). Above posts (its delete) and
 * review (hiding), users (silence, suspend, sign-up blocks) and notifications (telling people).
 */
export { flagPost, flagLimiter, getFlagTarget } from './flags.actions.js'
export { canFlag } from './flags.policy.js'
export { decideReviewItem, deleteSpammer, listReviewQueue } from './queue.actions.js'
export { countPendingReviewItems } from './queue.queries.js'
export { eraseFlagMessages } from './flags.queries.js'
export { staffHidePost, staffUnhidePost } from './hiding.actions.js'
export * from './moderation.types.js'
