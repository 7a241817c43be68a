/** The account-mail token helpers: shape, hashing, constant-time comparison, the masked address. */
import { describe, expect, it } from 'vitest'
import { maskAddress, TOKEN_TTL_MS } from '../../../src/domain/account-mail/index.js'
import {
  hashAccountToken,
  hashesMatch,
  isTokenShaped,
  newToken,
} from '../../../src/domain/account-mail/tokens.js'

describe('account tokens', () => {
  it('makes 256-bit base64url tokens whose SHA-256 is what is stored', () => {
    const a = newToken()
    const b = newToken()
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(a.token).not.toBe(b.token)
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(a.hash).toBe(hashAccountToken(a.token))
    expect(a.hash).not.toContain(a.token)
  })

  it('looks up only token-shaped input', () => {
    expect(isTokenShaped(newToken().token)).toBe(true)
    for (const junk of ['', 'x', 'a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, '../etc'])
      expect(isTokenShaped(junk)).toBe(false)
  })

  it('compares digests exactly, and refuses anything that is not one', () => {
    const { hash } = newToken()
    expect(hashesMatch(hash, hash)).toBe(true)
    const flipped = (hash[0] === '0' ? '1' : '0') + hash.slice(1)
    expect(hashesMatch(hash, flipped)).toBe(false)
    expect(hashesMatch(hash, hash.slice(0, 62))).toBe(false)
    expect(hashesMatch('', '')).toBe(false)
  })

  it('expires reset links after an hour and confirmation links after a day', () => {
    expect(TOKEN_TTL_MS['password-reset']).toBe(3_600_000)
    expect(TOKEN_TTL_MS['verify-email']).toBe(24 * 3_600_000)
    expect(TOKEN_TTL_MS['change-email']).toBe(24 * 3_600_000)
  })

  it('masks an address to its first letter and its domain', () => {
    expect(maskAddress('ada@example.com')).toBe('a…@example.com')
    expect(maskAddress('@example.com')).toBe('…')
  })
})
