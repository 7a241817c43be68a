/**
 * The demo's relative times ("7m", "5h", "3d", "2w", "14mo" ago): the content is written against "now",
 * so a demo seeded today looks as alive as one seeded a year ago.
 */

/** How long ago something happened: a number and a unit (m minutes, h hours, d days, w weeks, mo months). */
export type Ago = `${number}${'m' | 'h' | 'd' | 'w' | 'mo'}`

const UNIT_MS = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  mo: 30 * 86_400_000,
} as const

const AGO = /^(\d+(?:\.\d+)?)(mo|m|h|d|w)$/

/** True for a relative time the demo understands ("45m", "3d", "14mo"). */
export function isAgo(value: string): value is Ago {
  return AGO.test(value)
}

/**
 * How many milliseconds before now `ago` is.
 * @example agoToMs('2h') // 7_200_000
 */
export function agoToMs(ago: Ago): number {
  const match = AGO.exec(ago)
  if (!match) throw new Error(`bad relative time "${ago}"`)
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}

/**
 * "3d" → the epoch time three days before `now`.
 * @example agoToEpoch('3d', Date.UTC(2026, 0, 4)) // Date.UTC(2026, 0, 1)
 */
export function agoToEpoch(ago: Ago, now: number): number {
  return now - agoToMs(ago)
}
