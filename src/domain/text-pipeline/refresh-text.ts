import type { Executor } from '../../db/schema.js'
import { indexContents } from '../search/index.js'
import { deriveSignatures, rankChangedThreads } from '../signatures/index.js'
import { loadThreadContents } from '../thread-contents/index.js'

/**
 * Re-derives everything read from a thread's text: its search index row, its signatures (with the
 * similarity terms) and its stored similar threads (marking due those of its neighbours). Every write that changes what the thread's live posts say (ask, reply, comment, edit,
 * delete, restore) calls this inside its transaction, so search, the Mentions line, signature pages and
 * similar threads are right on the next request. Comments count like replies (docs/signatures.md,
 * docs/search.md), so adding one re-derives too.
 * @example await db.transaction().execute(async (trx) => { await insertPost(trx, comment); await refreshThreadText(trx, threadId) })
 */
export async function refreshThreadText(db: Executor, threadId: number): Promise<void> {
  await refreshThreadsText(db, [threadId])
}

/**
 * {@link refreshThreadText} for many threads at once (the importer's batches): three reads whatever their
 * number, shared by search and signatures.
 * @example await refreshThreadsText(trx, importedIds)
 */
export async function refreshThreadsText(
  db: Executor,
  threadIds: readonly number[],
): Promise<void> {
  if (threadIds.length === 0) return
  const contents = await loadThreadContents(db, threadIds)
  await indexContents(db, threadIds, contents)
  await deriveSignatures(db, threadIds, contents)
  await rankChangedThreads(db, threadIds, [...contents.keys()])
}
