/**
 * Signatures of a text: the one entry point the write path, `quorum signatures extract` and the tests share.
 * Pure: no database, no clock; the same text always gives the same signatures.
 */
import { extractCrashes } from './crashes.js'
import { extractErrors } from './errors.js'
import { extractOs, osKey, osLabel } from './os.js'
import { extractReferences } from './references.js'
import { attachmentKind, segmentsOf, type Segment } from './segments.js'
import type { SignatureItem, Signatures } from './signatures.types.js'
import { extractSymbols, symbolKey } from './symbols.js'
import { memoByText } from '../shared/index.js'
import { readableIpsInMarkdown, readIps } from '../markdown/index.js'

/** A text attachment of a post: its name decides whether it is read as source or as output. */
export interface TextAttachment {
  fileName: string
  text: string
}

/** Longest attachment text read, in characters: the head of a log is where its crash and versions are. */
export const MAX_ATTACHMENT_CHARS = 64_000

/**
 * The signatures of a Markdown body and its text attachments.
 * @example extractSignatures('socket() fails with ENOBUFS on macOS 26.1 (25B78); filed FB12345678')
 * // { os: [{ name: 'macOS', version: '26.1', build: '25B78' }], errors: [{ name: 'ENOBUFS', … }],
 * //   symbols: ['socket()'], references: ['FB12345678'], crashes: [] }
 */
export function extractSignatures(
  markdown: string,
  attachments: readonly TextAttachment[] = [],
): Signatures {
  return extractSignaturesOfParts([markdown], attachments)
}

/**
 * The signatures of a text written in parts, each its own Markdown document (a question's title and body;
 * each attachment is a part too). Errors, references, crashes and symbols are read in each part on its own
 * and remembered per text, so a question whose body has not changed is not read again when its thread is
 * re-derived (every reply re-derives the whole thread); they are merged in order of first mention, as if
 * the parts were one text. OS mentions are read across all the parts at once: a bare build number in the
 * body takes its platform from a release named in the title.
 * @example extractSignaturesOfParts(['ENOBUFS from sendto', 'It fails under load.'])
 */
export function extractSignaturesOfParts(
  parts: readonly string[],
  attachments: readonly TextAttachment[] = [],
): Signatures {
  // An .ips report, attached or pasted, is read as the text report it stands for (markdown/crash-report.ts).
  const read = parts.map(readableIpsInMarkdown)
  const segments: Segment[] = read.flatMap((part) => segmentsOf(part))
  const texts = [...read]
  for (const a of attachments) {
    const text = (readIps(a.text)?.text ?? a.text).slice(0, MAX_ATTACHMENT_CHARS)
    segments.push({ kind: attachmentKind(a.fileName), text })
    texts.push(text)
  }
  const found = texts.map(partFindings)
  return {
    os: extractOs(texts.join('\n\n')),
    errors: firstOf(
      found.flatMap((f) => f.errors),
      (e) => e.name,
    ),
    symbols: extractSymbols(segments),
    references: [...new Set(found.flatMap((f) => f.references))],
    crashes: firstOf(
      found.flatMap((f) => f.crashes),
      (c) => `${c.fingerprint} ${c.site} ${c.process}`,
    ),
  }
}

/** What one part says that does not depend on the others, remembered per text (shared: read-only). */
const partFindings = memoByText(
  (text: string): Pick<Signatures, 'errors' | 'references' | 'crashes'> => ({
    errors: extractErrors(text),
    references: extractReferences(text),
    crashes: extractCrashes(text),
  }),
)

/** The first of each key, in order. */
function firstOf<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  if (items.length < 2) return [...items]
  const seen = new Map<string, T>()
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item)
  return [...seen.values()]
}

/**
 * Signatures in their stored form (see {@link SignatureItem}), in display order: OS, errors, symbols,
 * references, crashes.
 * @example signatureItems(extractSignatures('ENOENT'))[0] // { kind: 'error', key: 'ENOENT', label: 'ENOENT', detail: '2' }
 */
export function signatureItems(s: Signatures): SignatureItem[] {
  return [
    ...s.os.map((os) => ({
      kind: 'os' as const,
      key: osKey(os),
      label: osLabel(os),
      detail: os.version,
    })),
    ...s.errors.map((e) => ({
      kind: 'error' as const,
      key: e.name,
      label: e.name,
      detail: e.hex ?? String(e.number),
    })),
    ...s.symbols.map((sym) => ({
      kind: 'symbol' as const,
      key: symbolKey(sym),
      label: sym,
      detail: '',
    })),
    ...s.references.map((r) => ({ kind: 'reference' as const, key: r, label: r, detail: '' })),
    // One item per cause: its sites are stored beside it (crashSiteRows).
    ...firstOf(s.crashes, (c) => c.fingerprint).map((c) => ({
      kind: 'crash' as const,
      key: c.fingerprint,
      label: c.fingerprint,
      detail: c.text,
    })),
  ]
}
