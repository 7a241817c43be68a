/**
 * Sign-in with OpenID Connect providers (OIDC_PROVIDERS): the flow (discovery, PKCE, state, nonce,
 * through openid-client), accounts made or linked from a provider's login, and the logins an account
 * has (linked, listed, unlinked but never the last way in). Above users and sessions.
 */
export {
  startOidcSignIn,
  completeOidcCallback,
  findPendingAccount,
  createAccountFromLogin,
  linkLoginWithPassword,
  listLogins,
  unlinkLogin,
  FLOW_TTL_MS,
  PENDING_TTL_MS,
} from './oidc.actions.js'
export { canUnlink } from './oidc.policy.js'
export { eraseLinkedLogins } from './identities.queries.js'
export type { LoginsOverview, OidcProblem } from './oidc.types.js'
export { providerOrigins } from './provider-client.js'
