export {
  registerUser,
  logIn,
  changePassword,
  createAccount,
  authLimits,
  createAuthLimits,
} from './users.actions.js'
export { findUserIdByName, listFirstUserIds, updateUser } from './users.queries.js'
export { getProfile, listUserThreads } from './profile.queries.js'
