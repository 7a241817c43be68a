/**
 * What a thread page shows about its signatures: the "Mentions:" line (OS, errors, the most-mentioned
 * symbols, references), each linking to the threads that share it, and its crash fingerprints with how many
 * other threads share each.
 */
import type { Executor } from '../../db/schema.js'
import { getCrashSites, type CrashSites } from './crash-page.js'
import { getReferenceStatus, type ReferenceStatus } from './reference-status.js'
import { countThreadsWith, findSignature, listThreadsWithSignature } from './mentions.queries.js'

/**
 * The thread page counts the threads sharing each mention up to this many others: past it the line says
 * "more than 999 other threads", and the signature's own page has the exact number.
 */
export const MENTION_COUNT_CAP = 1_000
import { listThreadSignatures, type StoredSignature } from './signatures.queries.js'
import { countSignatureThreads } from './similar.queries.js'
import {
  SIGNATURE_KINDS,
  type Mention,
  type SignatureKind,
  type ThreadMentions,
} from './signatures.types.js'
import type { ThreadListItem } from '../thread-lists/index.js'

/** Symbols on the Mentions line; the rest are counted ("and 12 more symbols"). */
export const MENTIONED_SYMBOLS = 6
/** Threads listed on a signature page at once. */
export const SIGNATURE_PAGE_SIZE = 50

const ORDER: readonly SignatureKind[] = ['os', 'error', 'symbol', 'reference']

/**
 * Path of a signature's page.
 * @example signatureHref('error', 'ENOBUFS') // "/signatures/error/ENOBUFS"
 */
export function signatureHref(kind: SignatureKind, key: string): string {
  return `/signatures/${kind}/${encodeURIComponent(key)}`
}

/**
 * The Mentions line and crash notes of a thread (two queries: its signatures, then how many threads share each).
 * @example const { mentions, crashes } = await getThreadMentions(db, threadId)
 */
export async function getThreadMentions(
  db: Executor,
  threadId: number,
  known: { stored?: readonly StoredSignature[]; counts?: ReadonlyMap<string, number> } = {},
): Promise<ThreadMentions> {
  const rows = known.stored ?? (await listThreadSignatures(db, threadId))
  const symbols = rows.filter((r) => r.kind === 'symbol')
  // Symbols the author wrote about lead (stored first); among them, the ones most posts mention.
  const shownSymbols = symbols
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.postCount - a.s.postCount || a.i - b.i)
    .slice(0, MENTIONED_SYMBOLS)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.s)
  const shown = [
    ...ORDER.flatMap((kind) =>
      kind === 'symbol' ? shownSymbols : rows.filter((r) => r.kind === kind),
    ),
    ...rows.filter((r) => r.kind === 'crash'),
  ]
  const counts = known.counts ?? (await countSignatureThreads(db, shown, MENTION_COUNT_CAP))
  const mention = (r: (typeof rows)[number]): Mention => {
    const counted = Math.max(1, counts.get(`${r.kind}:${r.key}`) ?? 1)
    return {
      kind: r.kind,
      key: r.key,
      label: r.label,
      detail: r.detail,
      href: signatureHref(r.kind, r.key),
      threadCount: Math.min(counted, MENTION_COUNT_CAP),
      threadCountIsLowerBound: counted > MENTION_COUNT_CAP,
    }
  }
  return {
    mentions: shown.filter((r) => r.kind !== 'crash').map(mention),
    moreSymbols: symbols.length - shownSymbols.length,
    crashes: shown.filter((r) => r.kind === 'crash').map(mention),
  }
}

/** What a signature page shows. */
export interface SignaturePageData {
  kind: SignatureKind
  key: string
  label: string
  detail: string
  /** Live threads that carry it (all of them, not just this page's). */
  threadCount: number
  threads: (ThreadListItem & { postCount: number })[]
  /** Cursor for the next page ("<lastActivityAt>-<id>"), or null on the last page. */
  nextCursor: string | null
  /** For a bug report: when it was first and last cited, and whether it is said to be fixed. */
  reference: ReferenceStatus | null
  /** For a crash cause: its sites and the processes it was seen in. */
  crash: CrashSites | null
}

/**
 * The threads sharing one signature, or undefined when no live thread carries it.
 * @example await getSignaturePage(db, 'error', 'ENOBUFS', null)
 */
export async function getSignaturePage(
  db: Executor,
  kind: string,
  key: string,
  cursor: string | null,
): Promise<SignaturePageData | undefined> {
  if (!isSignatureKind(kind)) return undefined
  const found = await findSignature(db, kind, key)
  if (!found) return undefined
  const before = parseCursor(cursor)
  const [counts, rows, reference, crash] = await Promise.all([
    countThreadsWith(db, [{ kind, key }]),
    listThreadsWithSignature(db, { kind, key, limit: SIGNATURE_PAGE_SIZE + 1, before }),
    kind === 'reference' ? getReferenceStatus(db, key) : undefined,
    kind === 'crash' ? getCrashSites(db, key, found.detail) : undefined,
  ])
  const threads = rows.slice(0, SIGNATURE_PAGE_SIZE)
  const last = threads.at(-1)
  return {
    kind,
    key,
    label: found.label,
    detail: found.detail,
    threadCount: counts.get(`${kind}:${key}`) ?? threads.length,
    threads,
    nextCursor:
      rows.length > SIGNATURE_PAGE_SIZE && last ? `${last.lastActivityAt}-${last.id}` : null,
    reference: reference ?? null,
    crash: crash ?? null,
  }
}

export function isSignatureKind(kind: string): kind is SignatureKind {
  return (SIGNATURE_KINDS as readonly string[]).includes(kind)
}

function parseCursor(cursor: string | null): { at: number; id: number } | undefined {
  const m = /^(\d{1,16})-(\d{1,10})$/.exec(cursor ?? '')
  return m ? { at: Number(m[1]), id: Number(m[2]) } : undefined
}
