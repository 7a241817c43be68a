import type { OidcProviderConfig } from '../../config.js'

export type { OidcProviderConfig }

/**
 * Why a sign-in with a provider stopped, for the page that says so:
 * - `expired`: no sign-in under way in this browser (cookie gone, used already, too old, wrong state);
 * - `unavailable`: the provider could not be reached or answered with an error of its own;
 * - `rejected`: the provider's answer did not check out (a used code, a wrong nonce, a bad token);
 * - `cancelled`: the person said no at the provider;
 * - `taken`: the login is linked to another account.
 */
export type OidcProblem = 'expired' | 'unavailable' | 'rejected' | 'cancelled' | 'taken'

export type OidcResult<T> =
  | { ok: true; value: T }
  | { ok: false; problem: OidcProblem; /** For the log, never shown. */ detail: string }

/** Where a provider's callback leaves the person. */
export type CallbackOutcome =
  | { kind: 'signed_in'; userId: number; token: string; next: string }
  | { kind: 'linked'; already: boolean }
  /** A new person: they choose a username (or prove an account is theirs); `key` goes in the cookie. */
  | { kind: 'needs_account'; key: string }

/** Who the provider vouched for, waiting for a username or for proof of an existing account. */
export interface PendingAccount {
  providerId: string
  email: string | null
  emailVerified: boolean
  /** The provider's preferred_username, when it is one Quorum would take. */
  suggestedUsername: string
  next: string
}

/** A login linked to an account, as /settings/logins shows it. */
export interface LinkedLogin {
  id: number
  providerId: string
  /** The provider's name, or its id when it is no longer configured. */
  providerName: string
  email: string | null
  createdAt: number
  lastUsedAt: number
  canUnlink: boolean
}

export interface LoginsOverview {
  linked: LinkedLogin[]
  /** Configured providers this account has no login with yet. */
  available: { id: string; name: string }[]
  hasPassword: boolean
}
