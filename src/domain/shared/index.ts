/**
 * The shared kernel: what every feature may use and none owns. Results and failures, random ids, attempt
 * limits, secrets, memos of texts and counts, caches' admission rule, and who is asking. It depends on no feature.
 */
export {
  AttemptLimiter,
  describeWait,
  forgetEveryAttempt,
  refundAttempt,
  resetAttempts,
  shareAttemptCounts,
  takeAttempts,
  type AttemptPair,
  type SharedAttemptCounter,
} from './attempt-limiter.js'
export { msg, type Message } from './message.js'
export { randomId } from './ids.js'
export { RememberedCounts } from './remembered-counts.js'
export { SecondSight } from './second-sight.js'
export { fail, ok, type Failure, type Result } from './result.js'
export { getOrCreateSecret } from './secrets.queries.js'
export { inTransaction } from './transaction.js'
export { memoByText, setTextMemoBudget } from './text-memo.js'
export {
  DELETED_USER_LABEL,
  deletedUsername,
  displayName,
  isAdmin,
  isDeletedUser,
  isSilenced,
  isStaff,
  type Role,
  type TrustLevel,
  uploadedAvatarRef,
  type UploadedAvatarRef,
  type UserRef,
  type Viewer,
} from './viewer.js'
