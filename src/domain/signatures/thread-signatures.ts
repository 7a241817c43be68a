/** What the thread page shows from signatures: the Mentions line, crash notes and similar threads. */
import type { Executor } from '../../db/schema.js'
import { getThreadMentions, MENTION_COUNT_CAP } from './mentions.js'
import { getStoredSimilar } from './rankings.js'
import { listThreadSignatures } from './signatures.queries.js'
import { countSignatureThreads } from './similar.queries.js'
import type { SimilarThread, ThreadMentions } from './signatures.types.js'

/**
 * The thread page's signature panels: the Mentions line from the thread's stored signatures and how many
 * threads share each, and the similar threads as stored (rankings.ts: one query).
 * @example const { mentions, similar } = await getThreadSignaturePanels(db, threadId)
 */
export async function getThreadSignaturePanels(
  db: Executor,
  threadId: number,
): Promise<{ mentions: ThreadMentions; similar: SimilarThread[] }> {
  const stored = await listThreadSignatures(db, threadId)
  const counts = await countSignatureThreads(db, stored, MENTION_COUNT_CAP)
  return {
    mentions: await getThreadMentions(db, threadId, { stored, counts }),
    similar: await getStoredSimilar(db, threadId),
  }
}
