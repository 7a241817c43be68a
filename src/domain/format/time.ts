/**
 * Relative and absolute times for thread tables, posts and profiles (DESIGN.md, "Formatting rules the tag page
 * keeps"). Everything is computed in UTC from epoch milliseconds, so servers in any time zone render the same
 * page, and a cached page does not depend on the machine that rendered it.
 */

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS
const WEEK_MS = 7 * DAY_MS
/** Past five weeks a relative age stops being useful and the month is shown instead. */
const MONTH_FORMAT_AFTER_MS = 5 * WEEK_MS

/** English month abbreviations, fixed here rather than taken from Intl so output never varies by ICU build. */
const MONTHS = [
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
] as const

/** U+2019 RIGHT SINGLE QUOTATION MARK, the typographic apostrophe in "Jul ’25". */
const APOSTROPHE = '\u2019'

/** What a `<time>` element needs: visible text, machine-readable `datetime`, and a full timestamp `title`. */
export interface AgeLabel {
  /** Short relative label: "0m", "59m", "3h", "6d", "4w", or "Jul ’25" past five weeks. */
  label: string
  /** ISO 8601 in UTC, for the `datetime` attribute. */
  iso: string
  /** Readable full UTC timestamp, for the `title` attribute: "2025-07-14 09:03 UTC". */
  title: string
}

/**
 * Formats how long ago `at` was, relative to `now` (both epoch milliseconds), the way the tag page's Activity
 * column does: under an hour "Nm", under a day "Nh", under a week "Nd", under five weeks "Nw" (all floored),
 * otherwise the UTC month and two-digit year of `at`. Times in the future (clock skew between app nodes) show "0m".
 *
 * @throws RangeError when `at` or `now` is not a finite number (a bug in the caller, not user input).
 * @example formatAge(Date.UTC(2025, 6, 14, 9, 3), Date.UTC(2025, 6, 14, 11, 0)).label // "1h"
 * @example formatAge(Date.UTC(2025, 6, 14), Date.UTC(2025, 9, 1)).label // "Jul ’25"
 */
export function formatAge(at: number, now: number): AgeLabel {
  assertTime(at, 'at')
  assertTime(now, 'now')
  const elapsed = Math.max(0, now - at)
  return {
    label: relativeLabel(elapsed, at),
    iso: new Date(at).toISOString(),
    title: formatTimestamp(at),
  }
}

/**
 * Only the visible label of {@link formatAge}, without the strings it builds for attributes: what a cached
 * fragment compares to know whether its ages still read the same (views/fragment-cache.ts).
 * @example formatAgeLabel(Date.UTC(2025, 6, 14, 9, 3), Date.UTC(2025, 6, 14, 11, 0)) // "1h"
 */
export function formatAgeLabel(at: number, now: number): string {
  assertTime(at, 'at')
  assertTime(now, 'now')
  return relativeLabel(Math.max(0, now - at), at)
}

/**
 * Formats a calendar date in UTC as day, short month and full year, for join dates and similar.
 *
 * @throws RangeError when `at` is not a finite number.
 * @example formatDate(Date.UTC(2025, 6, 14, 9, 3)) // "14 Jul 2025"
 * @example formatDate(Date.UTC(2025, 6, 3)) // "3 Jul 2025"
 */
export function formatDate(at: number): string {
  assertTime(at, 'at')
  const date = new Date(at)
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

function relativeLabel(elapsed: number, at: number): string {
  if (elapsed < MINUTE_MS) return 'just now'
  if (elapsed < HOUR_MS) return `${Math.floor(elapsed / MINUTE_MS)}m`
  if (elapsed < DAY_MS) return `${Math.floor(elapsed / HOUR_MS)}h`
  if (elapsed < WEEK_MS) return `${Math.floor(elapsed / DAY_MS)}d`
  if (elapsed < MONTH_FORMAT_AFTER_MS) return `${Math.floor(elapsed / WEEK_MS)}w`
  const date = new Date(at)
  const year = pad2(((date.getUTCFullYear() % 100) + 100) % 100)
  return `${MONTHS[date.getUTCMonth()]} ${APOSTROPHE}${year}`
}

/** "2025-07-14 09:03 UTC": the full UTC time to the minute, readable in a tooltip. */
function formatTimestamp(at: number): string {
  const d = new Date(at)
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
  return `${date} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`
}

function pad2(value: number): string {
  return String(value).padStart(2, '0')
}

function assertTime(value: number, name: string): void {
  // Date accepts ±8.64e15 ms; past that toISOString throws, so reject it here with a clearer message.
  if (!Number.isFinite(value) || Math.abs(value) > 8.64e15) {
    throw new RangeError(`${name} must be a finite epoch-millisecond time, got ${String(value)}`)
  }
}
