/**
 * Keeping signatures in step with the posts. deriveSignatures runs inside the caller's transaction on every
 * write that changes a thread's text (ask, reply, comment, edit, delete, restore and import: all through the
 * threads domain's refreshThreadText, which re-indexes search from the same read of the thread), so a
 * thread's Mentions line and its similar threads are right the moment it is saved. Comments count like replies.
 * rebuildSignatures re-derives every thread (`quorum signatures rebuild`), e.g. after the extractors or their
 * tables change.
 */
import type { Db, Executor } from '../../db/schema.js'
import type { ThreadContent } from '../thread-contents/index.js'
import { eachThreadBatch, type RebuildOptions } from '../thread-contents/index.js'
import { memoByText } from '../shared/index.js'
import {
  extractSignatures,
  extractSignaturesOfParts,
  signatureItems,
  type TextAttachment,
} from './extract.js'
import type { CrashMention, SignatureItem, Signatures } from './signatures.types.js'
import {
  removeOrphanRows,
  replaceDerivedRows,
  type StoredCrashSite,
  type StoredSignature,
  type TermVector,
} from './signatures.queries.js'
import type { FreshTermCounts } from './term-postings.queries.js'
import { similarityTerms, threadTerms } from './terms.js'
import { rankDueThreads } from './rankings.js'

/**
 * A thread's derived rows: its signatures in display order, the sites of its crashes and its similarity
 * terms with weights (×1000).
 */
export interface SignatureRows {
  signatures: StoredSignature[]
  crashSites: StoredCrashSite[]
  terms: [term: string, weight: number][]
}

/**
 * Replaces the signatures and similarity terms of `threadIds` from their contents (as loadThreadContents
 * read them): threads without contents (deleted, missing) lose their rows.
 * @example await deriveSignatures(trx, ids, await loadThreadContents(trx, ids))
 */
export async function deriveSignatures(
  db: Executor,
  threadIds: readonly number[],
  contents: ReadonlyMap<number, ThreadContent>,
): Promise<void> {
  const rows = new Map<number, SignatureRows>()
  for (const content of contents.values()) rows.set(content.id, signatureRows(content))
  await storeSignatureRows(db, threadIds, rows)
}

/**
 * A thread's derived rows, from its contents alone (pure: bulk rebuilds run it in worker threads).
 * @example signatureRows(content).terms[0] // ['vnode_put', 412]
 */
export function signatureRows(content: ThreadContent): SignatureRows {
  const question = content.posts.find((p) => p.kind === 'question')
  const replies = content.posts.filter((p) => p.kind !== 'question').map((p) => p.markdown)
  const terms: [string, number][] = []
  for (const [term, weight] of similarityTerms(
    threadTerms(content.title, question?.markdown ?? '', replies),
  ))
    terms.push([term, Math.max(1, Math.round(weight * 1000))])
  return { ...threadDerived(content), terms }
}

/**
 * Writes derived rows built elsewhere for `threadIds`; the ids without rows lose theirs. `fresh`: the
 * threads have no rows yet, and these counts decide the term postings (see replaceDerivedRows).
 */
export async function storeSignatureRows(
  db: Executor,
  threadIds: readonly number[],
  rows: ReadonlyMap<number, SignatureRows>,
  options: { fresh?: FreshTermCounts } = {},
): Promise<void> {
  const signatures: { threadId: number; item: StoredSignature; position: number }[] = []
  const sites: { threadId: number; site: StoredCrashSite }[] = []
  const vectors: TermVector[] = []
  for (const [threadId, derived] of rows) {
    for (const [position, item] of derived.signatures.entries())
      signatures.push({ threadId, item, position })
    for (const site of derived.crashSites) sites.push({ threadId, site })
    vectors.push({ threadId, terms: derived.terms })
  }
  await replaceDerivedRows(db, threadIds, { signatures, sites, vectors }, options)
}

/**
 * Re-derives every thread's signatures in batches, one transaction each, in id order, then ranks every
 * thread's similar threads (rankings.ts); pages keep working while it runs (each batch replaces its
 * threads' rows atomically, and a thread keeps its stored similar threads until it is ranked again).
 * @example await rebuildSignatures(db, { onProgress: ({ done }) => bar.update(done) })
 */
export async function rebuildSignatures(
  db: Db,
  options: RebuildOptions = {},
): Promise<{ threads: number; total: number }> {
  const { live, total } = await eachThreadBatch(
    db,
    { ...options, batchSize: options.batchSize ?? 200 },
    deriveSignatures,
  )
  await finishSignatureRebuild(db)
  // Every thread's term vector was written anew, so every ranking is due; ranked once all are written.
  await rankDueThreads(db)
  return { threads: live, total }
}

/**
 * After a whole-forum rebuild: removes the rows of deleted threads; after a bulk load (`fresh`), records the
 * common terms its counts found and removes their early postings.
 */
export async function finishSignatureRebuild(
  db: Db,
  options: { fresh?: FreshTermCounts } = {},
): Promise<void> {
  await options.fresh?.finish(db)
  await removeOrphanRows(db)
}

/**
 * A thread's signatures: each post's (the title counts as part of the question), counted by how many posts
 * mention each. When posts spell one signature differently, the most specific label wins: the longer OS label
 * ("macOS 26.1 (25B78)" over "macOS 26 (25B78)"), a function's `name()` over its bare name.
 */
export function threadSignatures(thread: ThreadContent): StoredSignature[] {
  return threadDerived(thread).signatures
}

/** A thread's signatures and the sites of its crashes, each counted by the posts that mention it. */
function threadDerived(thread: ThreadContent): Pick<SignatureRows, 'signatures' | 'crashSites'> {
  const files = new Map<number, TextAttachment[]>()
  for (const a of thread.attachments) {
    if (a.text === null) continue
    const list = files.get(a.postId) ?? []
    list.push({ fileName: a.fileName, text: a.text })
    files.set(a.postId, list)
  }
  const merged = new Map<string, StoredSignature>()
  const sites = new Map<string, StoredCrashSite>()
  for (const post of thread.posts) {
    const attachments = files.get(post.id) ?? []
    const { items, ids, crashes } =
      post.kind === 'question'
        ? keyed(extractSignaturesOfParts([thread.title, post.markdown], attachments))
        : attachments.length === 0
          ? itemsOfText(post.markdown)
          : keyed(extractSignatures(post.markdown, attachments))
    for (const [i, item] of items.entries()) {
      const id = ids[i] as string
      const seen = merged.get(id)
      if (seen === undefined) merged.set(id, { ...item, postCount: 1 })
      else {
        seen.postCount++
        if (isBetterLabel(item.kind, item.label, seen.label)) seen.label = item.label
        if (item.kind === 'os' && item.detail.length > seen.detail.length) seen.detail = item.detail
      }
    }
    const counted = new Set<string>()
    for (const c of crashes) {
      const id = `${c.fingerprint} ${c.site} ${c.process}`
      if (counted.has(id)) continue
      counted.add(id)
      const seen = sites.get(id)
      if (seen !== undefined) seen.postCount++
      else
        sites.set(id, {
          cause: c.fingerprint,
          site: c.site,
          process: c.process,
          frames: c.frames,
          postCount: 1,
        })
    }
  }
  return { signatures: [...merged.values()], crashSites: [...sites.values()] }
}

/**
 * A post's signature items with their identities (`kind:key`), which merge a thread's posts, and its
 * crashes with their sites.
 */
interface KeyedItems {
  items: readonly SignatureItem[]
  ids: readonly string[]
  crashes: readonly CrashMention[]
}

function keyed(signatures: Signatures): KeyedItems {
  const items = signatureItems(signatures)
  return {
    items,
    ids: items.map((item) => `${item.kind}:${item.key}`),
    crashes: signatures.crashes,
  }
}

/** The signatures of a post without attachments, remembered per text (shared, read-only). */
const itemsOfText = memoByText((markdown: string): KeyedItems => keyed(extractSignatures(markdown)))

function isBetterLabel(kind: string, candidate: string, current: string): boolean {
  if (kind === 'os') return candidate.length > current.length
  if (kind === 'symbol') return candidate.endsWith('()') && !current.endsWith('()')
  return false
}
