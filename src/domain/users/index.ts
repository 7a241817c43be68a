export {
  registerUser,
  logIn,
  changePassword,
  createAccount,
  authLimits,
  createAuthLimits,
  describeWait,
  type SignedIn,
} from './users.actions.js'
export { usernameProblem, emailProblem, isStaff, USERNAME_PATTERN } from './users.policy.js'
export { passwordProblem, PASSWORD_MIN } from './passwords.js'
export { findUserIdByName, updateUser } from './users.queries.js'
export { getProfile, listUserThreads, type Profile } from './profile.queries.js'
export type { Viewer } from './viewer.js'
export type { Role, UserRef } from './users.types.js'
