/**
 * Keeping signatures in step with the posts. refreshSignatures runs inside the caller's transaction on every
 * write that changes a thread's text (ask, reply, comment, edit, delete, restore: all through the threads
 * domain's refreshThreadText, which re-indexes search too; the importer batches refreshManySignatures), so a
 * thread's Mentions line and its similar threads are right the moment it is saved. Comments count like replies.
 * rebuildSignatures re-derives every thread (`quorum signatures rebuild`), e.g. after the extractors or their
 * tables change.
 */
import type { Db, Executor } from '../../db/schema.js'
import { countAllThreads, listThreadIdsAfter } from '../threads/threads.queries.js'
import { memoByText } from '../shared/text-memo.js'
import { extractSignatures, signatureItems } from './extract.js'
import type { SignatureItem } from './signatures.types.js'
import {
  loadThreadTexts,
  removeOrphanRows,
  replaceDerivedRows,
  type StoredSignature,
  type ThreadText,
} from './signatures.queries.js'
import { similarityTerms, threadTexts } from './terms.js'

/**
 * Re-derives a thread's signatures and similarity terms from its live posts, or removes them when the thread
 * is deleted or gone. Call it in the same transaction as the write.
 * @example await db.transaction().execute(async (trx) => { await insertPost(trx, reply); await refreshSignatures(trx, threadId) })
 */
export async function refreshSignatures(db: Executor, threadId: number): Promise<void> {
  await refreshManySignatures(db, [threadId])
}

/**
 * {@link refreshSignatures} for many threads at once, in three reads whatever their number (the importer's
 * batches).
 * @example await refreshManySignatures(trx, importedIds)
 */
export async function refreshManySignatures(
  db: Executor,
  threadIds: readonly number[],
): Promise<void> {
  if (threadIds.length === 0) return
  await writeDerived(db, threadIds, await loadThreadTexts(db, threadIds))
}

export interface RebuildProgress {
  done: number
  total: number
}

export interface RebuildOptions {
  /** Threads per transaction (default 200). */
  batchSize?: number
  onProgress?: (progress: RebuildProgress) => void
}

/**
 * Re-derives every thread's signatures in batches, one transaction each, in id order; pages keep working
 * while it runs (each batch replaces its threads' rows atomically).
 * @example await rebuildSignatures(db, { onProgress: ({ done }) => bar.update(done) })
 */
export async function rebuildSignatures(
  db: Db,
  options: RebuildOptions = {},
): Promise<{ threads: number; total: number }> {
  const batchSize = options.batchSize ?? 200
  const total = await countAllThreads(db)
  let after = 0
  let done = 0
  let live = 0
  for (;;) {
    const ids = await listThreadIdsAfter(db, after, batchSize)
    const last = ids.at(-1)
    if (last === undefined) break
    live += await db.transaction().execute(async (trx) => {
      const texts = await loadThreadTexts(trx, ids)
      await writeDerived(trx, ids, texts)
      return texts.size
    })
    after = last
    done += ids.length
    options.onProgress?.({ done, total: Math.max(total, done) })
  }
  await removeOrphanRows(db)
  return { threads: live, total: done }
}

async function writeDerived(
  db: Executor,
  ids: readonly number[],
  texts: Map<number, ThreadText>,
): Promise<void> {
  const signatures: { threadId: number; item: StoredSignature; position: number }[] = []
  const terms: { threadId: number; term: string; weight: number }[] = []
  for (const thread of texts.values()) {
    for (const [position, item] of threadSignatures(thread).entries()) {
      signatures.push({ threadId: thread.id, item, position })
    }
    const question = thread.posts.find((p) => p.kind === 'question')
    const replies = thread.posts.filter((p) => p.kind !== 'question').map((p) => p.markdown)
    for (const [term, weight] of similarityTerms(
      threadTexts(thread.title, question?.markdown ?? '', replies),
    )) {
      terms.push({ threadId: thread.id, term, weight: Math.max(1, Math.round(weight * 1000)) })
    }
  }
  await replaceDerivedRows(db, ids, signatures, terms)
}

/**
 * A thread's signatures: each post's (the title counts as part of the question), counted by how many posts
 * mention each. When posts spell one signature differently, the most specific label wins: the longer OS label
 * ("macOS 26.1 (25B78)" over "macOS 26 (25B78)"), a function's `name()` over its bare name.
 */
export function threadSignatures(thread: ThreadText): StoredSignature[] {
  const merged = new Map<string, StoredSignature>()
  for (const post of thread.posts) {
    const markdown =
      post.kind === 'question' ? `${thread.title}\n\n${post.markdown}` : post.markdown
    const attachments = thread.attachments.get(post.id) ?? []
    const items =
      attachments.length === 0
        ? itemsOfText(markdown)
        : signatureItems(extractSignatures(markdown, attachments))
    for (const item of items) {
      const id = `${item.kind}:${item.key}`
      const seen = merged.get(id)
      if (seen === undefined) merged.set(id, { ...item, postCount: 1 })
      else {
        seen.postCount++
        if (isBetterLabel(item.kind, item.label, seen.label)) seen.label = item.label
        if (item.kind === 'os' && item.detail.length > seen.detail.length) seen.detail = item.detail
      }
    }
  }
  return [...merged.values()]
}

/** The signatures of a post without attachments, remembered per text (shared, read-only). */
const itemsOfText = memoByText((markdown: string): readonly SignatureItem[] =>
  signatureItems(extractSignatures(markdown)),
)

function isBetterLabel(kind: string, candidate: string, current: string): boolean {
  if (kind === 'os') return candidate.length > current.length
  if (kind === 'symbol') return candidate.endsWith('()') && !current.endsWith('()')
  return false
}
