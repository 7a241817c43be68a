/**
 * URL slugs for thread titles: `/threads/:id/:slug`. The id is what routes resolve, so the slug is decoration
 * for people and crawlers; it only has to be stable, readable and safe in a path segment.
 */

/** Longest slug, in characters. Cut at a word boundary, so most slugs end shorter. */
export const MAX_SLUG_LENGTH = 80

/** What a title with no usable letters or digits (emoji only, CJK only, punctuation) becomes. */
export const FALLBACK_SLUG = 'thread'

/**
 * Latin letters that NFKD does not decompose into an ASCII base letter plus marks. Without these, "Straße"
 * would lose its "ß" and "Øresund" its "Ø".
 */
const EXTRA_TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
}
const EXTRA_RE = new RegExp(`[${Object.keys(EXTRA_TRANSLITERATIONS).join('')}]`, 'gu')

/**
 * Turns a title into lowercase ASCII words joined by "-", at most {@link MAX_SLUG_LENGTH} characters, cut after
 * a whole word. Accented letters keep their base letter (NFKD, then diacritics dropped); apostrophes vanish
 * inside words ("don't" → "dont"); every other character separates words. A title with nothing left gives
 * {@link FALLBACK_SLUG}. A single word longer than the limit is cut at the limit.
 *
 * @example slugify('Crash in IOKit: kext fails to load on macOS 15.2') // "crash-in-iokit-kext-fails-to-load-on-macos-15-2"
 * @example slugify('Çà et là: naïve café') // "ca-et-la-naive-cafe"
 * @example slugify('🙂🙂') // "thread"
 */
export function slugify(title: string): string {
  const ascii = title
    .toLowerCase()
    .replace(EXTRA_RE, (ch) => EXTRA_TRANSLITERATIONS[ch] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // combining marks: the accents NFKD split off
    .toLowerCase() // again: compatibility forms such as "ℌ" decompose to capitals
    .replace(/(?<=[a-z0-9])['\u2019](?=[a-z0-9])/g, '') // "don't", "Apple’s" read better as one word
  const words = ascii.split(/[^a-z0-9]+/).filter((word) => word !== '')
  let slug = ''
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`
    if (next.length > MAX_SLUG_LENGTH) {
      if (slug === '') slug = word.slice(0, MAX_SLUG_LENGTH) // one enormous word: cut it, or nothing is left
      break
    }
    slug = next
  }
  return slug === '' ? FALLBACK_SLUG : slug
}
