import { describe, expect, it } from 'vitest'
import { formatLsn, parseLsn } from '../../../src/db/replicas.js'

describe('WAL positions', () => {
  it('orders positions across the high word and spells them back as PostgreSQL does', () => {
    expect(parseLsn('0/3000148')).toBe(0x3000148n)
    expect(parseLsn('1/0')).toBeGreaterThan(parseLsn('0/FFFFFFFF'))
    expect(parseLsn('16/b374d848')).toBe((0x16n << 32n) + 0xb374d848n)
    expect(formatLsn(parseLsn('16/B374D848'))).toBe('16/B374D848')
    expect(formatLsn(0n)).toBe('0/0')
  })

  it('refuses what is not a position', () => {
    for (const bad of ['', '0', '0/', 'x/1', '1/2/3', '123456789/0'])
      expect(() => parseLsn(bad), bad).toThrow(/not a WAL position/)
  })
})
