import { describe, expect, it } from 'vitest'
import { earnedLevel, isLimited, isPromotion } from '../../../src/domain/trust/trust.policy.js'
import { defaultSettings } from '../../../src/domain/site-settings/index.js'
import type { Role, TrustLevel } from '../../../src/domain/shared/index.js'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 11, 6)
const settings = defaultSettings()

const facts = (days: number, livePosts: number, boostsReceived = 0, agreedFlags = 0) => ({
  createdAt: NOW - days * DAY,
  livePosts,
  boostsReceived,
  agreedFlags,
})

describe('earnedLevel', () => {
  it.each([
    [facts(6, 10), 'new'],
    [facts(7, 2), 'new'],
    [facts(7, 3), 'member'],
    [facts(90, 3, 50), 'member'],
    [facts(91, 3, 9), 'member'],
    [facts(91, 3, 10), 'trusted'],
    [facts(91, 1, 10), 'trusted'],
    [facts(91, 3, 10, 1), 'member'],
  ] as const)('%o earns %s', (f, level) => {
    expect(earnedLevel(f, settings, NOW)).toBe(level)
  })
})

describe('isPromotion', () => {
  it('only ever goes up', () => {
    expect(isPromotion('new', 'member')).toBe(true)
    expect(isPromotion('member', 'trusted')).toBe(true)
    expect(isPromotion('trusted', 'member')).toBe(false)
    expect(isPromotion('member', 'new')).toBe(false)
    expect(isPromotion('member', 'member')).toBe(false)
  })
})

describe('isLimited', () => {
  const viewer = (role: Role, trustLevel: TrustLevel) => ({
    id: 1,
    username: 'someone',
    title: null,
    role,
    trustLevel,
    silencedUntil: null,
  })
  it.each([
    ['member', 'new', true],
    ['member', 'member', false],
    ['member', 'trusted', false],
    ['moderator', 'new', false],
    ['admin', 'new', false],
  ] as const)('%s at %s: %s', (role, level, limited) => {
    expect(isLimited(viewer(role, level))).toBe(limited)
  })
})
