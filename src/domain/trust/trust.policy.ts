/**
 * Trust levels as pure rules (docs/moderation.md, "Trust levels and spam"): which level a person has
 * earned from facts about them, and who the new-account limits apply to. No I/O.
 */
import { isStaff, type TrustLevel, type Viewer } from '../shared/index.js'
import type { SiteSettings } from '../site-settings/index.js'

const DAY_MS = 86_400_000

/** What the promotion rules read about a person. */
export interface TrustFacts {
  createdAt: number
  /** Posts that are neither hidden nor deleted. */
  livePosts: number
  boostsReceived: number
  /** Flags on their posts that staff agreed with. */
  agreedFlags: number
}

type TrustSettings = Pick<
  SiteSettings,
  'newAccountDays' | 'newAccountPosts' | 'trustedDays' | 'trustedBoosts'
>

const RANK: Record<TrustLevel, number> = { new: 0, member: 1, trusted: 2 }

/**
 * The level the facts earn: `member` once the account is `newAccountDays` old with `newAccountPosts`
 * live posts; `trusted` once it is older than `trustedDays` with `trustedBoosts` boosts received and no
 * flag staff agreed with.
 */
export function earnedLevel(facts: TrustFacts, settings: TrustSettings, now: number): TrustLevel {
  const age = now - facts.createdAt
  // Trust stands on its own facts: an imported member with few posts but many boosts earns it too.
  const trusted =
    age > settings.trustedDays * DAY_MS &&
    facts.boostsReceived >= settings.trustedBoosts &&
    facts.agreedFlags === 0
  if (trusted) return 'trusted'
  const member =
    age >= settings.newAccountDays * DAY_MS && facts.livePosts >= settings.newAccountPosts
  return member ? 'member' : 'new'
}

/** Whether `earned` is above `current`: promotion only ever goes up. */
export function isPromotion(current: TrustLevel, earned: TrustLevel): boolean {
  return RANK[earned] > RANK[current]
}

/** The new-account limits apply to new accounts; staff are never limited. */
export function isLimited(viewer: Viewer): boolean {
  return viewer.trustLevel === 'new' && !isStaff(viewer)
}
