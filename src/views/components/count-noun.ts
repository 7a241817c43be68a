/** For what is not a whole number: en-US grouping and rounding, built once. */
const EXACT = new Intl.NumberFormat('en-US')

/**
 * `n.toLocaleString('en-US')`, cheaply for whole numbers (every count): ICU formatting took ~1.3 % of an
 * uncached page's CPU (issue 29's profile), a formatter built once still ~1.6 %; commas every three digits
 * is what en-US gives a whole number.
 */
function grouped(n: number): string {
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

/**
 * An exact count with its noun, singular or plural: used where the reference shows exact numbers
 * ("45 Posts", "1 Reply") rather than the abbreviated table counts of `formatCount`.
 * @example countNoun(1, 'Reply', 'Replies') // "1 Reply"; countNoun(1849, 'post') // "1,849 posts"
 */
export function countNoun(n: number, singular: string, plural = `${singular}s`): string {
  return `${grouped(n)} ${n === 1 ? singular : plural}`
}

/** The exact number with thousands separators, for `title` attributes beside abbreviated counts. */
export function exactCount(n: number): string {
  return grouped(n)
}
