import { describe, expect, it } from 'vitest'
import { formatGrouped } from '../../../src/domain/format/index.js'
import { number } from '../../../src/i18n/index.js'

describe('formatGrouped (English numbers, issue 29)', () => {
  it('writes counts as toLocaleString("en-US") does, and is what number() gives in English', () => {
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
      expect(formatGrouped(n)).toBe(n.toLocaleString('en-US'))
      expect(number(n)).toBe(n.toLocaleString('en-US'))
    }
  })
})
