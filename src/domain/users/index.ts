export {
  registerUser,
  checkLogin,
  isPasswordCorrect,
  type LoginInput,
  changePassword,
  hasPassword,
  createMemberWithoutPassword,
  createAccount,
  authLimits,
  createAuthLimits,
  type SignedIn,
} from './users.actions.js'
export { usernameProblem } from './users.policy.js'
export { findUserIdByName, listFirstUserIds, updateUser } from './users.queries.js'
export { getProfile, listUserThreads } from './profile.queries.js'
export {
  exportAccount,
  deleteAccount,
  accountLimits,
  type AccountEraser,
} from './account.actions.js'
export { RETIRED_NAME_MS } from './retired-names.queries.js'
