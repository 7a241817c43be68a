import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatAge, formatAgeLabel, formatDate } from '../../../src/domain/format/index.js'

const S = 1_000
const M = 60 * S
const H = 60 * M
const D = 24 * H
/** 2025-07-14T09:03:27.000Z, a Monday. Fixed epoch values only: no local-date constructors anywhere here. */
const AT = 1_752_483_807_000

// Run everything under zones either side of UTC (and one where midnight UTC is another day), as CI should
// (STYLE.md habit 10): output must not depend on where the server runs.
describe.each(['America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati', 'UTC'])(
  'in TZ=%s',
  (zone) => {
    let previous: string | undefined
    beforeAll(() => {
      previous = process.env['TZ']
      process.env['TZ'] = zone
    })
    afterAll(() => {
      if (previous === undefined) delete process.env['TZ']
      else process.env['TZ'] = previous
    })

    it('really runs in that zone', () => {
      const offset = new Date(AT).getTimezoneOffset()
      expect(zone === 'UTC' ? offset === 0 : offset !== 0).toBe(true)
    })

    describe('formatAge label', () => {
      const age = (elapsed: number) => formatAge(AT, AT + elapsed).label

      it.each([
        ['0s', 0, 'just now'],
        ['59s', 59 * S, 'just now'],
        ['60s', M, '1m'],
        ['59m59s', 59 * M + 59 * S, '59m'],
        ['59m59.999s', H - 1, '59m'],
        ['60m', H, '1h'],
        ['23h59m', 23 * H + 59 * M, '23h'],
        ['23h59m59.999s', D - 1, '23h'],
        ['24h', D, '1d'],
        ['6d23h', 6 * D + 23 * H, '6d'],
        ['7d - 1ms', 7 * D - 1, '6d'],
        ['7d', 7 * D, '1w'],
        ['13d', 13 * D, '1w'],
        ['14d', 14 * D, '2w'],
        ['34d', 34 * D, '4w'],
        ['35d - 1ms', 35 * D - 1, '4w'],
      ])('%s ago → %s', (_name, elapsed, expected) => {
        expect(age(elapsed)).toBe(expected)
      })

      it('switches to month and two-digit year of the moment itself at 35 days', () => {
        expect(age(35 * D)).toBe('Jul \u201925')
        expect(age(400 * D)).toBe('Jul \u201925')
      })

      it('clamps future times (clock skew) to "just now"', () => {
        expect(formatAge(AT, AT - 1).label).toBe('just now')
        expect(formatAge(AT, AT - 3 * D).label).toBe('just now')
      })

      it('uses the UTC month, not the local one, at month edges', () => {
        const newYear = 1_735_689_600_000 // 2025-01-01T00:00:00.000Z (still Dec 31 in New York)
        expect(formatAge(newYear, newYear + 60 * D).label).toBe('Jan \u201925')
        expect(formatAge(newYear - 1, newYear + 60 * D).label).toBe('Dec \u201924')
      })

      it('pads two-digit years', () => {
        const y2005 = 1_118_016_000_000 // 2005-06-06T00:00:00.000Z
        expect(formatAge(y2005, y2005 + 100 * D).label).toBe('Jun \u201905')
        const y2000 = 946_684_800_000 // 2000-01-01T00:00:00.000Z
        expect(formatAge(y2000, y2000 + 100 * D).label).toBe('Jan \u201900')
      })

      it('uses English month abbreviations for every month', () => {
        const months = [
          'Jan',
          'Feb',
          'Mar',
          'Apr',
          'May',
          'Jun',
          'Jul',
          'Aug',
          'Sep',
          'Oct',
          'Nov',
          'Dec',
        ]
        const jan15 = 1_736_899_200_000 // 2025-01-15T00:00:00.000Z
        months.forEach((month, i) => {
          const at = jan15 + Math.round(i * 30.44 * D)
          expect(formatAge(at, at + 365 * D).label).toBe(`${month} \u201925`)
        })
      })
    })

    describe('formatAge iso and title', () => {
      it('gives the ISO instant and a readable UTC timestamp', () => {
        const age = formatAge(AT, AT + 5 * M)
        expect(age.iso).toBe('2025-07-14T09:03:27.000Z')
        expect(age.title).toBe('2025-07-14 09:03 UTC')
      })

      it('keeps the UTC date near midnight', () => {
        const late = 1_735_689_599_000 // 2024-12-31T23:59:59.000Z
        expect(formatAge(late, late).title).toBe('2024-12-31 23:59 UTC')
        expect(formatAge(late, late).iso).toBe('2024-12-31T23:59:59.000Z')
      })

      it('throws a RangeError for a time that is not a number', () => {
        expect(() => formatAge(Number.NaN, AT)).toThrow(RangeError)
        expect(() => formatAge(AT, Number.POSITIVE_INFINITY)).toThrow(RangeError)
        expect(() => formatAge(9e15, AT)).toThrow(RangeError)
      })
    })

    describe('formatDate', () => {
      it('gives day, short month and year in UTC', () => {
        expect(formatDate(AT)).toBe('14 Jul 2025')
        expect(formatDate(1_751_500_800_000)).toBe('3 Jul 2025') // 2025-07-03T00:00:00.000Z: no zero padding
        expect(formatDate(1_735_689_599_000)).toBe('31 Dec 2024') // 23:59:59Z, already Jan 1 in Kiritimati
        expect(formatDate(1_735_689_600_000)).toBe('1 Jan 2025') // 00:00Z, still Dec 31 in New York
        expect(formatDate(0)).toBe('1 Jan 1970')
      })

      it('throws a RangeError for NaN', () => {
        expect(() => formatDate(Number.NaN)).toThrow(RangeError)
      })
    })
  },
)

describe('formatAgeLabel', () => {
  it('is the label of formatAge, for every range', () => {
    const now = Date.UTC(2025, 10, 20, 12, 0)
    for (const ago of [
      0,
      59_000,
      60_000,
      3_599_999,
      3_600_000,
      86_400_000,
      6 * 86_400_000,
      34 * 86_400_000,
      400 * 86_400_000,
      -5_000,
    ])
      expect(formatAgeLabel(now - ago, now)).toBe(formatAge(now - ago, now).label)
  })
})
