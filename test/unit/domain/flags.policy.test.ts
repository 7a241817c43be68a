/**
 * Who may flag a post and whose one flag hides it (src/domain/moderation/flags.policy.ts), as truth
 * tables over kinds of viewer (STYLE.md habit 5).
 */
import { describe, expect, it } from 'vitest'
import type { TrustLevel, Viewer } from '../../../src/domain/shared/index.js'
import { canFlag, hidesAlone } from '../../../src/domain/moderation/flags.policy.js'

const NOW = Date.UTC(2026, 11, 6)
const AUTHOR = 1

function viewer(
  id: number,
  role: Viewer['role'] = 'member',
  trustLevel: TrustLevel = 'member',
  silencedUntil: number | null = null,
): Viewer {
  return { id, username: `u${id}`, title: null, role, trustLevel, silencedUntil }
}

const VIEWERS: [string, Viewer | null, { flag: boolean; alone: boolean }][] = [
  ['anonymous', null, { flag: false, alone: false }],
  ['the author', viewer(AUTHOR), { flag: false, alone: false }],
  ['a new member', viewer(2, 'member', 'new'), { flag: true, alone: false }],
  ['a member', viewer(3), { flag: true, alone: false }],
  ['a trusted member', viewer(4, 'member', 'trusted'), { flag: true, alone: true }],
  ['a silenced member', viewer(5, 'member', 'member', NOW + 1000), { flag: false, alone: false }],
  [
    'a member whose silence ended',
    viewer(6, 'member', 'member', NOW - 1),
    { flag: true, alone: false },
  ],
  ['a moderator', viewer(7, 'moderator'), { flag: true, alone: true }],
  ['an admin', viewer(8, 'admin'), { flag: true, alone: true }],
  ['a moderator who wrote the post', viewer(AUTHOR, 'moderator'), { flag: false, alone: true }],
]

describe('flag policy', () => {
  it.each(VIEWERS)('%s: may flag another’s post, hides it alone', (_name, who, expected) => {
    expect(canFlag(who, { authorId: AUTHOR }, NOW)).toBe(expected.flag)
    expect(who === null ? false : hidesAlone(who)).toBe(expected.alone)
  })
})
