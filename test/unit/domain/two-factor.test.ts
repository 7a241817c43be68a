/** TOTP's window and replay rule, and the recovery codes' shape, without a database. */
import { generate } from 'otplib'
import { describe, expect, it } from 'vitest'
import {
  hashRecoveryCode,
  newRecoveryCodes,
  normaliseRecoveryCode,
} from '../../../src/domain/two-factor/recovery-codes.js'
import { isTotpShaped, matchTotp, newTotpSecret } from '../../../src/domain/two-factor/totp.js'

const NOW = Date.UTC(2026, 11, 6, 12, 0, 15) // 15 s into a step
const codeAt = (secret: string, offsetS: number) =>
  generate({ secret, epoch: Math.floor(NOW / 1000) + offsetS })

describe('TOTP', () => {
  const secret = newTotpSecret()

  it('makes 160-bit base32 secrets', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(newTotpSecret()).not.toBe(secret)
  })

  it('takes the current step and one either side, and no further', async () => {
    const step = Math.floor(NOW / 30_000)
    expect(await matchTotp(secret, await codeAt(secret, 0), 0, NOW)).toBe(step)
    expect(await matchTotp(secret, await codeAt(secret, -30), 0, NOW)).toBe(step - 1)
    expect(await matchTotp(secret, await codeAt(secret, 30), 0, NOW)).toBe(step + 1)
    expect(await matchTotp(secret, await codeAt(secret, -60), 0, NOW)).toBeNull()
    expect(await matchTotp(secret, await codeAt(secret, 60), 0, NOW)).toBeNull()
  })

  it('refuses a step at or before the last one used', async () => {
    const step = Math.floor(NOW / 30_000)
    const code = await codeAt(secret, 0)
    expect(await matchTotp(secret, code, step, NOW)).toBeNull()
    expect(await matchTotp(secret, code, step - 1, NOW)).toBe(step)
    expect(await matchTotp(secret, await codeAt(secret, 30), step, NOW)).toBe(step + 1)
  })

  it('ignores spaces and refuses what is not six digits', async () => {
    const code = await codeAt(secret, 0)
    expect(await matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, 0, NOW)).not.toBeNull()
    expect(isTotpShaped('123 456')).toBe(true)
    expect(isTotpShaped('12345')).toBe(false)
    expect(isTotpShaped('abcde-fghjk')).toBe(false)
    expect(await matchTotp(secret, '12345a', 0, NOW)).toBeNull()
  })
})

describe('recovery codes', () => {
  it('makes ten distinct codes of 10 characters without look-alikes', () => {
    const codes = newRecoveryCodes()
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/)
  })

  it('hashes a code the same however it is typed, and differently from any other', () => {
    expect(normaliseRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk')
    expect(hashRecoveryCode('abcde-fghjk')).toBe(hashRecoveryCode('ABCDE FGHJK'))
    expect(hashRecoveryCode('abcde-fghjk')).not.toBe(hashRecoveryCode('abcde-fghjm'))
    expect(hashRecoveryCode('abcde-fghjk')).toMatch(/^[0-9a-f]{64}$/)
  })
})
