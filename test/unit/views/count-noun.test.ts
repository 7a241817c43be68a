import { describe, expect, it } from 'vitest'
import { countNoun, exactCount } from '../../../src/views/components/count-noun.js'

describe('countNoun and exactCount (one shared formatter, issue 29)', () => {
  it('write counts as toLocaleString("en-US") does', () => {
    for (const n of [
      0,
      1,
      2,
      12,
      999,
      1_000,
      1_849,
      65_536,
      100_000,
      1_234_567,
      2_147_483_647,
      Number.MAX_SAFE_INTEGER,
      -3,
      -1_000,
      -12_345,
      2.5,
      1234.5678,
      -0,
    ]) {
      expect(exactCount(n)).toBe(n.toLocaleString('en-US'))
    }
  })

  it('pick the singular for exactly one and the plural otherwise', () => {
    expect(countNoun(1, 'Reply', 'Replies')).toBe('1 Reply')
    expect(countNoun(0, 'Reply', 'Replies')).toBe('0 Replies')
    expect(countNoun(1849, 'post')).toBe('1,849 posts')
  })
})
