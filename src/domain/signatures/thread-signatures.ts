/** What the thread page shows from signatures: the Mentions line, crash notes and similar threads. */
import type { Executor } from '../../db/schema.js'
import { getThreadMentions } from './mentions.js'
import { findSimilarThreads, SIMILAR_LIMIT } from './similar.js'
import { listThreadSignatures } from './signatures.queries.js'
import type { SimilarThread, ThreadMentions } from './signatures.types.js'

/**
 * The thread page's signature panels; the thread's stored signatures are read once for both.
 * @example const { mentions, similar } = await getThreadSignaturePanels(db, threadId)
 */
export async function getThreadSignaturePanels(
  db: Executor,
  threadId: number,
): Promise<{ mentions: ThreadMentions; similar: SimilarThread[] }> {
  const stored = await listThreadSignatures(db, threadId)
  return {
    mentions: await getThreadMentions(db, threadId, stored),
    similar: await findSimilarThreads(db, threadId, SIMILAR_LIMIT, stored),
  }
}
