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
  type RegisterInput,
} from './users.actions.js'
export { usernameProblem, emailProblem } from './users.policy.js'
export { passwordProblem, hashPassword } from './passwords.js'
export {
  findUserIdByName,
  findLocaleByEmail,
  findUserLocale,
  listFirstUserIds,
  setUserLocale,
  updateUser,
} from './users.queries.js'
export {
  countProfilePosts,
  getProfile,
  listProfilePosts,
  listUserPostsAfter,
  listUserThreads,
  type ProfilePostItem,
  type ProfileTab,
} from './profile.queries.js'
export {
  exportAccount,
  deleteAccount,
  accountLimits,
  type AccountEraser,
} from './account.actions.js'
export { RETIRED_NAME_MS } from './retired-names.queries.js'
export {
  MAX_PENALTY_DAYS,
  setTrustLevel,
  silenceMessage,
  silenceUser,
  suspendUser,
} from './standing.actions.js'
export { findStanding, type Standing } from './standing.queries.js'
export {
  addSignUpBlock,
  findSignUpBlock,
  listSignUpBlocks,
  normalizeBlock,
  removeSignUpBlock,
  type SignUpBlock,
  type SignUpBlockKind,
} from './sign-up-blocks.queries.js'
