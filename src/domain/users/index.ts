export {
  registerUser,
  logIn,
  checkPassword,
  changePassword,
  createAccount,
  authLimits,
  createAuthLimits,
  type SignedIn,
  type Registered,
  type RegisterInput,
} from './users.actions.js'
export { usernameProblem, emailProblem, USERNAME_PATTERN } from './users.policy.js'
export { passwordProblem, hashPassword, PASSWORD_MIN } from './passwords.js'
export { findUserIdByName, listFirstUserIds, updateUser } from './users.queries.js'
export { getProfile, listUserThreads, type Profile } from './profile.queries.js'
