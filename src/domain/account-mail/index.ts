/**
 * Account mail: the single-use links of email verification, password reset and change of address
 * (random tokens stored as SHA-256, compared in constant time, expiring, spent on use), the sign-up
 * that never says whether an address has an account, and the limits on how much mail a stranger can
 * cause. Sits above users, sessions and mail.
 */
export { signUp } from './sign-up.actions.js'
export {
  checkEmailLink,
  confirmEmailLink,
  resendVerification,
  maskAddress,
} from './verification.actions.js'
export {
  requestPasswordReset,
  passwordResetJobHandler,
  PASSWORD_RESET_JOB,
  checkResetLink,
  resetPassword,
} from './password-reset.actions.js'
export { requestEmailChange } from './email-change.actions.js'
export { findMailUser } from './account-mail.queries.js'
export {} from './mail-limits.js'
export type { TokenCheck } from './token-check.js'
export { TOKEN_TTL_MS } from './tokens.js'
