/** The caches' admission rule (src/domain/shared/second-sight.ts): kept from the second use on. */
import { describe, expect, it } from 'vitest'
import { SecondSight } from '../../../src/domain/shared/index.js'

describe('SecondSight', () => {
  it('says a key is met again on its second use, and forgets it then', () => {
    const seen = new SecondSight(100_000)
    expect(seen.again(42)).toBe(false)
    expect(seen.again('en /tags')).toBe(false)
    expect(seen.again(42)).toBe(true)
    expect(seen.again(42)).toBe(false) // forgotten once its item is kept
  })

  it('keeps a remembered key for its next use, and forgets everything when cleared', () => {
    const seen = new SecondSight(100_000)
    seen.remember('en /')
    expect(seen.again('en /')).toBe(true)
    seen.again('en /threads/1')
    seen.clear()
    expect(seen.again('en /threads/1')).toBe(false)
  })

  it('remembers keys within a bound of their characters, however long they are', () => {
    const seen = new SecondSight(10_000)
    const long = (i: number) => `en /tags/kernel?q=${String(i).padStart(1000, '0')}`
    for (let i = 0; i < 50; i++) seen.again(long(i)) // 50 × ~1,080 characters, five times the bound
    expect(seen.again(long(0))).toBe(false)
    expect(seen.again(long(49))).toBe(true)
    const short = new SecondSight(10_000)
    for (let i = 0; i < 100; i++) short.again(i) // 100 × ~66 characters fit
    expect(short.again(0)).toBe(true)
  })
})
