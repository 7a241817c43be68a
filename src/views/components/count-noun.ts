import { formatGrouped as grouped } from '../../domain/format/index.js'

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
