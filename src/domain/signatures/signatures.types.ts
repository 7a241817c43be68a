/** Signatures: what a post mentions that identifies a problem (docs/signatures.md). View models are camelCase. */

/** An operating system mention: "macOS 26.1 (25B78)", "Sequoia 15.6.1", "iOS 18.2", a bare "24G84". */
export interface OsMention {
  /** Platform as shown: macOS, iOS, iPadOS, watchOS, tvOS, visionOS. */
  name: string
  /** "26.1", "15.6.1"; the major version alone when only it is known ("15" for "Sequoia" or a bare 24G84). */
  version: string
  /** The build ("25B78"), or null when none was given. */
  build: string | null
}

/** An error code, whatever spelling it came in: ENOENT, Err#2, errno 2, "No such file or directory". */
export interface ErrorMention {
  /** The canonical name: ENOENT, KERN_INVALID_ARGUMENT, kIOReturnBadArgument. */
  name: string
  /** errno, kern_return_t or the unsigned 32-bit IOReturn code. */
  number: number
  domain: 'errno' | 'kern' | 'iokit'
  /** IOKit codes in hex ("0xe00002c2"); null for the others. */
  hex: string | null
}

/**
 * A crash, at two levels: its cause (`fingerprint`: the same crash on two machines, or in two products, gives
 * the same one) and its site (the cause plus the top frames of the poster's own code).
 */
export interface CrashMention {
  /** The cause: 12 hex digits of the SHA-256 of `text`: short, stable, safe in a URL. */
  fingerprint: string
  /** The normalised cause: addresses, CPU numbers, times, process ids and line numbers dropped. */
  text: string
  /** The site: 12 hex digits of the SHA-256 of the cause and `frames`; the cause's own when `frames` is ''. */
  site: string
  /** The poster's own top frames, normalised, top first, joined by " < "; '' when there are none. */
  frames: string
  /** The process that crashed, as the report names it (shown, not part of either fingerprint); '' if none. */
  process: string
}

/** Everything extracted from one text (`quorum signatures extract` prints this as JSON). */
export interface Signatures {
  os: OsMention[]
  errors: ErrorMention[]
  /** Functions, methods, classes, kexts and frameworks, as first written ("socket()", "IOService::start"). */
  symbols: string[]
  /** Bug-report references: FB12345678, rdar://12345678. */
  references: string[]
  crashes: CrashMention[]
}

export const SIGNATURE_KINDS = ['os', 'error', 'symbol', 'reference', 'crash'] as const
export type SignatureKind = (typeof SIGNATURE_KINDS)[number]

/**
 * One signature in its stored form: `key` identifies it (what threads share; used in URLs), `label` is how it
 * is shown, `detail` what else a page or a search needs (an OS's version, an error's number, a crash's text).
 */
export interface SignatureItem {
  kind: SignatureKind
  key: string
  label: string
  detail: string
}

/** A signature on a thread page's "Mentions:" line. */
export interface Mention extends SignatureItem {
  /** `/signatures/:kind/:key` */
  href: string
  /** Live threads that share it, this one included (at most MENTION_COUNT_CAP + 1, see below). */
  threadCount: number
  /** True when more threads share it than were counted: show "more than threadCount - 1 others". */
  threadCountIsLowerBound: boolean
}

/** What the thread page shows about a thread's signatures. */
export interface ThreadMentions {
  /** In display order: OS, errors, symbols, references. */
  mentions: Mention[]
  /** Symbols left off the line (the line shows the most-mentioned few). */
  moreSymbols: number
  crashes: Mention[]
}

/** One similar thread, for the side panel and the ask page. */
/** A similar thread as ranked, before its live row is read: what a thread's stored ranking holds. */
export interface RankedSimilar {
  id: number
  /** Rounded to thousandths (stored per mille). */
  score: number
  shared: string[]
}

export interface SimilarThread {
  id: number
  title: string
  slug: string
  solved: boolean
  replyCount: number
  /** Labels of the signatures it shares with the thread or draft (at most a few). */
  shared: string[]
  /** Ranking score: text similarity plus shared signatures (see similar.ts); larger is closer. */
  score: number
}
