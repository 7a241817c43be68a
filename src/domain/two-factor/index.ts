/**
 * Two-factor sign-in: TOTP codes with single-use recovery codes, and passkeys (WebAuthn) as a second
 * step or for signing in without a password. Above users and sessions in the domain list.
 */
export {
  getSecurityOverview,
  hasSecondFactor,
  startTotpSetup,
  findTotpSetup,
  enableTotp,
  disableTotp,
  regenerateRecoveryCodes,
} from './two-factor.actions.js'
export {
  beginSignIn,
  findSecondStep,
  finishSecondStep,
  SECOND_STEP_TTL_MS,
} from './sign-in.actions.js'
export {
  relyingPartyOf,
  passkeyRegistrationOptions,
  finishPasskeyRegistration,
  removePasskey,
  passkeySignInOptions,
  finishPasskeySignIn,
  passkeySecondStepOptions,
  finishPasskeySecondStep,
} from './passkeys.actions.js'
export { twoFactorLimits, createTwoFactorLimits } from './two-factor.limits.js'
export type {
  PasskeySummary,
  SecurityOverview,
  TotpSetup,
  SecondStepMethods,
} from './two-factor.types.js'
export { eraseSecondFactors } from './two-factor.queries.js'
