import { describe, expect, it } from 'vitest'
import { canUnlink } from '../../../src/domain/oidc/index.js'

describe('canUnlink: never the last way into an account', () => {
  it.each([
    // hasPassword, usable logins, this login usable, may unlink
    [true, 1, true, true],
    [true, 2, true, true],
    [false, 1, true, false],
    [false, 2, true, true],
    [false, 1, false, true], // a login with a provider that is no longer configured opens nothing
    [false, 0, false, true],
  ])(
    'password %s, %i usable logins, this one usable %s → %s',
    (hasPassword, usableLogins, isUsable, expected) => {
      expect(canUnlink({ hasPassword, usableLogins, isUsable })).toBe(expected)
    },
  )
})
