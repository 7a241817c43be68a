/**
 * URL slugs for thread titles: `/threads/:id/:slug`. The id is what routes resolve, so the slug is decoration
 * for people and crawlers; it only has to be stable, readable and safe in a path segment.
 */

import { memoByText } from '../shared/index.js'

/** Longest slug, in characters. Cut at a word boundary, so most slugs end shorter. */
export const MAX_SLUG_LENGTH = 80

/** What a title with no letters or digits (emoji only, punctuation) becomes. */
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
 * Characters of titles {@link slugify} remembers (the least recently used go first): about 15,000 titles
 * of 60 characters, ~4 MB. A tag page slugs 30 titles and a thread page a dozen (its own, similar threads,
 * mentions) on every uncached request; slugging one (NFKC, Latin folding, four Unicode regular
 * expressions) took 2–5 % of the server's CPU under uncached thread and tag pages (issue 29's profile),
 * a lookup costs a fraction of that.
 */
export const SLUG_MEMO_CHARS = 1_000_000

/**
 * Turns a title into lowercase words joined by "-", at most {@link MAX_SLUG_LENGTH} characters, cut after a
 * whole word. Latin letters with accents keep their base letter (NFKD, then diacritics dropped); letters of
 * other scripts are kept as they are (Cyrillic, Greek, CJK: a reader of those scripts reads them; links
 * percent-encode them, see {@link threadPath}); apostrophes vanish inside words ("don't" → "dont"); every
 * other character separates words. A title with nothing left gives {@link FALLBACK_SLUG}. A single word
 * longer than the limit is cut at the limit.
 *
 * @example slugify('Crash in IOKit: kext fails to load on macOS 15.2') // "crash-in-iokit-kext-fails-to-load-on-macos-15-2"
 * @example slugify('Çà et là: naïve café') // "ca-et-la-naive-cafe"
 * @example slugify('Ошибка ядра: panic') // "ошибка-ядра-panic"
 * @example slugify('🙂🙂') // "thread"
 */
export const slugify: (title: string) => string = memoByText(slugifyTitle, SLUG_MEMO_CHARS)

/** {@link slugify} without the memo. */
function slugifyTitle(title: string): string {
  const folded = title
    .normalize('NFKC') // compatibility forms to plain letters ("ℌ" → "H", full-width → ASCII); scripts stay composed
    .toLowerCase()
    .replace(EXTRA_RE, (ch) => EXTRA_TRANSLITERATIONS[ch] ?? '')
    // Latin letters lose their accents ("é" → "e"); other scripts keep their marks ("ガ" stays "ガ").
    .replace(/\p{Script=Latin}\p{M}*/gu, (ch) => ch.normalize('NFD').replace(/\p{M}+/gu, ''))
    .replace(/(?<=[\p{L}\p{N}])['\u2019](?=[\p{L}\p{N}])/gu, '') // "don't", "Apple’s" read better as one word
  const words = folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter((word) => word !== '')
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

/**
 * The path of a thread, its slug percent-encoded (a slug may hold letters of any script, which a Location
 * header and some clients take only encoded).
 * @example threadPath(12, 'ошибка') // "/threads/12/%D0%BE%D1%88%D0%B8%D0%B1%D0%BA%D0%B0"
 */
export function threadPath(id: number, slug: string): string {
  return slug === '' ? `/threads/${id}` : `/threads/${id}/${encodeURIComponent(slug)}`
}
