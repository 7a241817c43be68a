/**
 * Personal access tokens for the API: create (shown once), list, revoke, and authenticate a bearer
 * token to its owner and scopes. docs/api.md.
 */
export {
  authenticateToken,
  createToken,
  listTokens,
  revokeToken,
  scopesFor,
} from './api-tokens.actions.js'
export * from './api-tokens.types.js'
