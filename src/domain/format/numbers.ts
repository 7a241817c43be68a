/**
 * Compact counts for thread tables and profiles, as the reference tag page shows them (DESIGN.md, "Formatting
 * rules the tag page keeps").
 */

/** Suffixes from small to large; each unit is 1,000 times the one before. */
const UNITS = [
  { suffix: 'k', size: 1_000 },
  { suffix: 'm', size: 1_000_000 },
  { suffix: 'b', size: 1_000_000_000 },
] as const

/**
 * Formats a count the way the tag page does: exact under 1,000, otherwise one decimal (rounded half up) and a
 * suffix k, m or b, without a trailing ".0". A value that would round up to 1,000 of a unit moves to the next
 * unit, so the result is never "1000k". Counts past the billions keep the "b" suffix ("1200b").
 *
 * Negative, non-finite and NaN inputs are treated as 0; fractions are dropped (a count is a whole number).
 *
 * @example formatCount(295) // "295"
 * @example formatCount(1849) // "1.8k"
 * @example formatCount(999_999) // "1m"
 * @example formatCount(1_250_000) // "1.3m"
 */
export function formatCount(n: number): string {
  const count = Number.isFinite(n) && n > 0 ? Math.floor(n) : 0
  if (count < 1_000) return String(count)
  let unitIndex = 0
  let tenths = roundedTenths(count, UNITS[0].size)
  // "1000.0k" reads as "1m": move up while the rounded value reaches 1,000 of the current unit.
  while (tenths >= 10_000 && unitIndex < UNITS.length - 1) {
    unitIndex++
    tenths = roundedTenths(count, UNITS[unitIndex]!.size)
  }
  const suffix = UNITS[unitIndex]!.suffix
  const whole = Math.floor(tenths / 10)
  const decimal = tenths % 10
  return decimal === 0 ? `${whole}${suffix}` : `${whole}.${decimal}${suffix}`
}

/** Tenths of `unitSize` in `count`, rounded half up, in integer arithmetic (1850 → 19, never 18.4999…). */
function roundedTenths(count: number, unitSize: number): number {
  return Math.floor((count + unitSize / 20) / (unitSize / 10))
}

/** For what is not a whole number: en-US grouping and rounding, built once. */
const EXACT = new Intl.NumberFormat('en-US')

/**
 * `n.toLocaleString('en-US')` ("12,345"), cheaply for whole numbers (every count): ICU formatting took ~1.3 % of an
 * uncached page's CPU (issue 29's profile), a formatter built once still ~1.6 %; commas every three digits
 * is what en-US gives a whole number.
 */
export function formatGrouped(n: number): string {
  if (!Number.isSafeInteger(n)) return EXACT.format(n)
  const digits = String(Math.abs(n))
  let out = digits.length <= 3 ? digits : ''
  if (out === '') {
    const head = digits.length % 3 || 3
    out = digits.slice(0, head)
    for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`
  }
  return n < 0 || Object.is(n, -0) ? `-${out}` : out
}
