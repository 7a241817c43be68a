/**
 * Staff actions (docs/moderation.md, "Staff actions"): on threads (lock, pin site-wide or in a tag with
 * an expiry, close as a duplicate, move tags, merge answers into another thread) and on people (silence,
 * suspend, trust level, staff title, role), each in the staff log. Deleting and restoring a thread or a
 * post, and a staff edit's note, are the posts feature's (one rule, one place). Near the top of the
 * domain: above posts, users, thread-lists, signatures and text-pipeline; below threads (whose page
 * shows the Staff section).
 */
export {
  closeAsDuplicate,
  expirePin,
  mergeThread,
  moveThreadTags,
  pinThread,
  reopenThread,
  setThreadLock,
  PIN_EXPIRY_JOB,
  type PinExpiry,
} from './thread-actions.js'
export { getThreadStaffPanel, getThreadStaffState } from './thread-panel.js'
export {
  getPersonForStaff,
  penalizePerson,
  setPersonTrust,
  setRole,
  setStaffTitle,
  TITLE_MAX,
  type PersonStaffView,
} from './people.actions.js'
export { canAdminister } from './staff-actions.policy.js'
export * from './staff-actions.types.js'
