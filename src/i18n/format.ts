/**
 * Dates, ages and numbers in the language of the page being rendered. English keeps the reference's own
 * formats exactly (domain/format: "8h", "Jul ’25", "1.8k", "14 Jul 2025"), which the JSON API also uses;
 * German takes its words and separators from Intl ("8 Std.", "Juli ’25", "1,8 Mio.", "14. Juli 2025").
 * Everything is UTC, as in domain/format, so a page does not depend on the server's time zone.
 */
import {
  formatAge,
  formatCount,
  formatDate,
  formatGrouped,
  type AgeLabel,
} from '../domain/format/index.js'
import { currentLocale } from './translate.js'
import type { Locale } from './locales.js'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS
const WEEK_MS = 7 * DAY_MS
const MONTH_FORMAT_AFTER_MS = 5 * WEEK_MS

// Built once: an Intl formatter costs far more to make than to use.
const DE_UNITS = {
  minute: new Intl.NumberFormat('de', { style: 'unit', unit: 'minute', unitDisplay: 'short' }),
  hour: new Intl.NumberFormat('de', { style: 'unit', unit: 'hour', unitDisplay: 'short' }),
  day: new Intl.NumberFormat('de', { style: 'unit', unit: 'day', unitDisplay: 'short' }),
  week: new Intl.NumberFormat('de', { style: 'unit', unit: 'week', unitDisplay: 'short' }),
}
const DE_MONTH = new Intl.DateTimeFormat('de', { month: 'short', timeZone: 'UTC' })
const DE_DATE = new Intl.DateTimeFormat('de', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const DE_TIMESTAMP = new Intl.DateTimeFormat('de', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
})
const DE_COMPACT = new Intl.NumberFormat('de', { notation: 'compact', maximumFractionDigits: 1 })
const DE_EXACT = new Intl.NumberFormat('de')

/** `formatAge` in `locale`: the short label, the ISO time and the full time for a tooltip. */
export function ageIn(locale: Locale, at: number, now: number): AgeLabel {
  const en = formatAge(at, now)
  if (locale === 'en') return en
  return { label: germanAge(at, now), iso: en.iso, title: `${DE_TIMESTAMP.format(at)} UTC` }
}

function germanAge(at: number, now: number): string {
  const elapsed = Math.max(0, now - at)
  if (elapsed < MINUTE_MS) return 'gerade eben'
  if (elapsed < HOUR_MS) return DE_UNITS.minute.format(Math.floor(elapsed / MINUTE_MS))
  if (elapsed < DAY_MS) return DE_UNITS.hour.format(Math.floor(elapsed / HOUR_MS))
  if (elapsed < WEEK_MS) return DE_UNITS.day.format(Math.floor(elapsed / DAY_MS))
  if (elapsed < MONTH_FORMAT_AFTER_MS) return DE_UNITS.week.format(Math.floor(elapsed / WEEK_MS))
  const year = String(((new Date(at).getUTCFullYear() % 100) + 100) % 100).padStart(2, '0')
  return `${DE_MONTH.format(at)} \u2019${year}`
}

/** How long ago `at` was, in the page's language: "8h" / "8 Std.". */
export function age(at: number, now: number): AgeLabel {
  return ageIn(currentLocale(), at, now)
}

/** Only the visible label of {@link age}: what a cached fragment compares (views/fragment-cache.ts). */
export function ageLabel(at: number, now: number): string {
  const locale = currentLocale()
  return locale === 'en' ? formatAge(at, now).label : germanAge(at, now)
}

/** A calendar date in the page's language: "14 Jul 2025" / "14. Juli 2025". */
export function date(at: number): string {
  return currentLocale() === 'en' ? formatDate(at) : DE_DATE.format(at)
}

/** A table's abbreviated count in the page's language: "1.8k" / "1800", "2.3M" / "2,3 Mio.". */
export function count(n: number): string {
  return currentLocale() === 'en' ? formatCount(n) : DE_COMPACT.format(n)
}

/** An exact number with the language's grouping: "12,345" / "12.345". */
export function number(n: number): string {
  return currentLocale() === 'en' ? formatGrouped(n) : DE_EXACT.format(n)
}
