/** What a token may do; a token never grants more than its owner's role (docs/api.md). */
export type ApiScope = 'read' | 'write' | 'moderate' | 'admin'

export const API_SCOPES: readonly ApiScope[] = ['read', 'write', 'moderate', 'admin']

/** The lifetimes the settings form offers, in days; null never expires. */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365, null] as const

export const TOKEN_NAME_MAX = 60
/** Active (unrevoked, unexpired) tokens one person may hold. */
export const TOKENS_PER_PERSON = 20

/** A token as its owner's list shows it: never the token itself. */
export interface ApiTokenView {
  id: number
  name: string
  prefix: string
  scopes: ApiScope[]
  createdAt: number
  expiresAt: number | null
  lastUsedAt: number | null
  lastUsedIp: string | null
}
