/**
 * The search tokenizer: finds identifiers in text (`vnode_setmultipath`, `IOUSBHostInterface`, `std::string`,
 * `kalloc.type.var4.128`, `-[NSObject foo:]`, `0xfffffe004cae3e24`) and turns each into
 * - a whole token: lower case, connectors (`_ . :: -> $`, an Objective-C method's brackets) replaced by
 *   {@link JOINER}, so both engines' word splitters (FTS5 unicode61, PostgreSQL's parser) keep it as one word;
 * - fine parts: the pieces between connectors, camelCase split, leading acronyms split (`io usb host interface`);
 * - words: the letter-and-digit runs a word-splitting engine sees (`sosend reinject`).
 * Documents and queries go through the same functions, so a query term meets the tokens it was indexed as.
 * See docs/search.md.
 */

import { memoByText } from '../shared/index.js'

/**
 * Stands for any connector inside a whole-identifier token. Letters only, so no word splitter breaks the token
 * apart, and a pair no English word or C identifier contains at a word boundary, so it never collides with one.
 */
export const JOINER = 'qx'

/** Longest whole token indexed (longer ones are hashes or base64, not names people search for). */
const MAX_WHOLE_LENGTH = 100

/** Prefixes that Apple and kernel code glue in front of a word (`IOUSB…`, `NSURL…`, `CFRun…`). */
const ACRONYMS: ReadonlySet<string> = new Set(
  (
    'IO USB PCI PCIE NS CF CG CT UI OS HID DMA TCP UDP IP XPC VFS APFS HFS NVME SCSI GPU CPU MP VZ ES NE DNS URL ' +
    'BSD SK AV EFI ACPI NVRAM SMB NFS MTL CA AU HAL'
  ).split(' '),
)

const WORD = String.raw`[\p{L}\p{N}\p{M}_$]+`
const OBJC_METHOD = String.raw`[-+]\[[\p{L}_$][\p{L}\p{N}_$]*(?:\([\p{L}\p{N}_$]*\))?\s+[\p{L}_$][\p{L}\p{N}_$:]*\]`
const IDENTIFIER = `${WORD}(?:(?:::|->|\\.)${WORD})*`
const TOKEN_RE = new RegExp(`${OBJC_METHOD}|${IDENTIFIER}`, 'gu')
const OBJC_PARTS_RE = /^[-+]\[([^\s(]+)(?:\([^)]*\))?\s+([^\]]+)\]$/u
const SEGMENT_SPLIT_RE = /::|->|[._$:]+/u
const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu
const CAMEL_SPLIT_RE = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u
/** Most tokens in prose: a lower-case or capitalised ASCII word, or a plain number. Never identifiers. */
const PLAIN_WORD_RE = /^(?:[A-Z]?[a-z]+|[0-9]+)$/

/** What the tokenizer makes of one run of text. */
export interface AnalysedToken {
  /** The text as written. */
  raw: string
  /** The whole-identifier token, or null for a plain word (`panic`, `Kernel`, `2025`). */
  whole: string | null
  /** Fine parts, lower case (`io`, `usb`, `host`, `interface`); empty when they add nothing to `whole`. */
  parts: string[]
  /** Letter-and-digit runs, lower case, as a word-splitting engine indexes them. */
  words: string[]
}

/**
 * Calls `visit` for every token of `text` in order, with its offsets. Objective-C methods are one token.
 * @example scanTokens('see sosend_reinject()', (t) => t.whole) // visits "see" (whole null), then "sosendqxreinject"
 */
export function scanTokens(
  text: string,
  visit: (token: AnalysedToken, start: number, end: number) => void,
  options: { identifiersOnly?: boolean } = {},
): void {
  for (const match of text.matchAll(TOKEN_RE)) {
    // Indexing wants identifiers only; skipping plain words before analysis makes it several times faster.
    if (options.identifiersOnly === true && PLAIN_WORD_RE.test(match[0])) continue
    const token = analyseToken(match[0])
    if (token) visit(token, match.index, match.index + match[0].length)
  }
}

/**
 * Calls `visit` with every token of `text` as written and its start offset, without analysing it: for callers
 * that can decide most tokens without the analysis (highlighting settles plain words by their stem alone).
 */
export function scanTokenSpans(text: string, visit: (raw: string, start: number) => void): void {
  for (const match of text.matchAll(TOKEN_RE)) visit(match[0], match.index)
}

/** Whether a token is a plain word or number (`panic`, `Kernel`, `2025`): one run of letters or digits, never an identifier. */
export function isPlainWord(raw: string): boolean {
  return PLAIN_WORD_RE.test(raw)
}

/**
 * Analyses one token as written; null when it holds no letter or digit.
 * @example analyseToken('IOUSBHostInterface') // { whole: 'iousbhostinterface', parts: ['io', 'usb', 'host', 'interface'], ... }
 * @example analyseToken('sosend_reinject') // { whole: 'sosendqxreinject', parts: ['sosend', 'reinject'], ... }
 */
export function analyseToken(raw: string): AnalysedToken | null {
  if (PLAIN_WORD_RE.test(raw)) return { raw, whole: null, parts: [], words: [raw.toLowerCase()] }
  const words = wordsOf(raw)
  if (words.length === 0) return null
  const objc = OBJC_PARTS_RE.exec(raw)
  const segments = objc
    ? [objc[1] ?? '', ...(objc[2] ?? '').split(':')].filter((s) => s !== '')
    : raw.split(SEGMENT_SPLIT_RE).filter((s) => s !== '')
  if (segments.length === 0 || !(objc || isCodeLike(raw, segments)))
    return { raw, whole: null, parts: [], words }
  const whole = segments.map((s) => s.toLowerCase()).join(JOINER)
  if (whole.length > MAX_WHOLE_LENGTH) return { raw, whole: null, parts: [], words }
  const parts = segments.flatMap(camelParts).map((p) => p.toLowerCase())
  return { raw, whole, parts: parts.length === 1 && parts[0] === whole ? [] : parts, words }
}

/**
 * Letter-and-digit runs of `text`, lower case.
 * @example wordsOf('sosend_reinject(m)') // ['sosend', 'reinject', 'm']
 */
export function wordsOf(text: string): string[] {
  return Array.from(text.matchAll(WORD_RE), (m) => m[0].toLowerCase())
}

/**
 * The identifiers field of a document: for each distinct identifier, its whole token followed by its parts,
 * space-separated. Plain words are left to the natural-text fields. Identifiers already in `seen` are skipped
 * (and the new ones added to it), so two fields can share the work; stops after `limit` identifiers in `seen`.
 * `text` may be given in parts (the posts a field is made of, joined by line breaks): no token spans a line
 * break, so the result is the same, and each part's identifiers are remembered per text.
 * @example identifierField('call vnode_setmultipath() on IOUSBHostInterface')
 * // "vnodeqxsetmultipath vnode setmultipath iousbhostinterface io usb host interface"
 */
export function identifierField(
  text: string | readonly string[],
  seen = new Set<string>(),
  limit = 4000,
): string {
  const out: string[] = []
  for (const part of typeof text === 'string' ? [text] : text) {
    for (const { whole, parts } of identifiersOf(part)) {
      if (seen.has(whole) || seen.size >= limit) continue
      seen.add(whole)
      out.push(whole, ...parts)
    }
  }
  return out.join(' ')
}

/** The distinct identifiers of a text in order of first use, remembered per text (shared, read-only). */
const identifiersOf = memoByText((text: string): readonly { whole: string; parts: string[] }[] => {
  const found = new Map<string, string[]>()
  scanTokens(
    text,
    (token) => {
      if (token.whole !== null && !found.has(token.whole)) found.set(token.whole, token.parts)
    },
    { identifiersOnly: true },
  )
  return Array.from(found, ([whole, parts]) => ({ whole, parts }))
})

function isCodeLike(raw: string, segments: string[]): boolean {
  if (segments.length > 1 || /[_$]/u.test(raw)) return true
  if (/\p{Ll}\p{Lu}/u.test(raw)) return true // camelCase
  if ((raw.match(/\p{Lu}/gu)?.length ?? 0) >= 2) return true // ENOBUFS, IOKit, USB
  return /\p{L}/u.test(raw) && /\p{N}/u.test(raw) // var4, 25B78, 0x1f, arm64e
}

/** `IOUSBHostInterface` → IO, USB, Host, Interface. */
function camelParts(segment: string): string[] {
  return segment.split(CAMEL_SPLIT_RE).flatMap(splitAcronyms)
}

/** An upper-case run made only of known acronyms is split into them (`IOUSB` → IO, USB); anything else stays. */
function splitAcronyms(piece: string): string[] {
  if (piece.length < 4 || !/^\p{Lu}+$/u.test(piece)) return [piece]
  const split = (rest: string): string[] | null => {
    if (rest === '') return []
    for (let n = Math.min(5, rest.length); n >= 2; n--) {
      const head = rest.slice(0, n)
      if (!ACRONYMS.has(head)) continue
      const tail = split(rest.slice(n))
      if (tail) return [head, ...tail]
    }
    return null
  }
  const pieces = split(piece)
  return pieces && pieces.length > 1 ? pieces : [piece]
}
