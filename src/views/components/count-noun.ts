import { formatGrouped as grouped } from '../../domain/format/index.js'
import { number } from '../../i18n/index.js'

/**
 * An exact count with its noun, singular or plural, in English only: what views wrote before i18n.
 * Interface text uses a plural message instead (`t('{count, plural, one {# reply} other {# replies}}', { count })`);
 * the components no longer call this, and a page that still does moves to such a message.
 * @example countNoun(1, 'Reply', 'Replies') // "1 Reply"; countNoun(1849, 'post') // "1,849 posts"
 */
export function countNoun(n: number, singular: string, plural = `${singular}s`): string {
  return `${grouped(n)} ${n === 1 ? singular : plural}`
}

/**
 * The exact number with the page's language's grouping ("12,345" / "12.345"), for `title` attributes
 * beside abbreviated counts: `number()` of src/i18n, which views may call directly.
 */
export function exactCount(n: number): string {
  return number(n)
}
