import { describe, expect, it } from 'vitest'
import { canAdminister } from '../../../src/domain/staff-actions/index.js'
import { canModerate } from '../../../src/domain/staff-actions/staff-actions.policy.js'
import type { Role, Viewer } from '../../../src/domain/shared/index.js'

const viewer = (role: Role): Viewer => ({
  id: 1,
  username: role,
  title: null,
  role,
  trustLevel: 'trusted',
  silencedUntil: null,
})

describe('staff action policies', () => {
  it('lets moderators and admins moderate, and admins alone administer', () => {
    const people = [null, viewer('member'), viewer('moderator'), viewer('admin')]
    expect(people.map(canModerate)).toEqual([false, false, true, true])
    expect(people.map(canAdminister)).toEqual([false, false, false, true])
  })
})
