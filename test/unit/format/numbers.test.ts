import { describe, expect, it } from 'vitest'
import { formatCount } from '../../../src/domain/format/index.js'

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [295, '295'],
    [999, '999'],
  ])('shows counts under 1,000 exactly: %d → %s', (n, expected) => {
    expect(formatCount(n)).toBe(expected)
  })

  it.each([
    [1_000, '1k'],
    [1_049, '1k'],
    [1_050, '1.1k'], // half up
    [1_849, '1.8k'],
    [1_850, '1.9k'],
    [1_999, '2k'],
    [2_000, '2k'],
    [12_345, '12.3k'],
    [100_000, '100k'],
    [999_949, '999.9k'],
  ])('abbreviates thousands with one decimal and no ".0": %d → %s', (n, expected) => {
    expect(formatCount(n)).toBe(expected)
  })

  it.each([
    [999_950, '1m'],
    [999_999, '1m'],
    [1_000_000, '1m'],
    [1_049_999, '1m'],
    [1_050_000, '1.1m'],
    [1_250_000, '1.3m'],
    [12_345_678, '12.3m'],
    [999_949_999, '999.9m'],
    [999_950_000, '1b'],
    [1_000_000_000, '1b'],
    [2_345_678_901, '2.3b'],
  ])('moves to the next unit instead of showing 1000 of one: %d → %s', (n, expected) => {
    expect(formatCount(n)).toBe(expected)
  })

  it('keeps the largest suffix past the billions', () => {
    expect(formatCount(1_234_000_000_000)).toBe('1234b')
    expect(formatCount(999_950_000_000)).toBe('1000b')
  })

  it('never produces "1000k" or "1000m" for any value near the unit edges', () => {
    for (let n = 999_000; n <= 1_001_000; n++) expect(formatCount(n)).not.toMatch(/^1000[km]$/)
    for (let n = 999_900_000; n <= 1_000_100_000; n += 97)
      expect(formatCount(n)).not.toMatch(/^1000[km]$/)
  })

  it('never ends in ".0"', () => {
    for (let n = 1_000; n < 200_000; n += 37) expect(formatCount(n)).not.toMatch(/\.0[kmb]$/)
  })

  it.each([
    [-1, '0'],
    [-5_000, '0'],
    [Number.NaN, '0'],
    [Number.POSITIVE_INFINITY, '0'],
    [Number.NEGATIVE_INFINITY, '0'],
  ])('treats negative and non-finite input as 0: %d → %s', (n, expected) => {
    expect(formatCount(n)).toBe(expected)
  })

  it('drops fractions, since a count is a whole number', () => {
    expect(formatCount(2.9)).toBe('2')
    expect(formatCount(999.99)).toBe('999')
    expect(formatCount(1_849.99)).toBe('1.8k')
  })
})
