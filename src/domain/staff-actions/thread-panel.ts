/** What the thread page's Staff section shows: the thread's moderation state and the close suggestions. */
import type { Executor } from '../../db/schema.js'
import { findSimilarThreads } from '../signatures/index.js'
import type { Viewer } from '../shared/index.js'
import { canModerate } from './staff-actions.policy.js'
import { findThreadState, listThreadTagPins } from './staff-actions.queries.js'
import type { ThreadStaffPanel } from './staff-actions.types.js'

/**
 * The Staff section of a thread page, for staff only (undefined for anyone else): lock, pins (site-wide
 * and per tag, with their ends), the duplicate it is closed as, and the threads most like it as
 * candidates for closing it (the similar-threads ranking of signatures).
 */
export async function getThreadStaffPanel(
  db: Executor,
  viewer: Viewer | null,
  threadId: number,
): Promise<ThreadStaffPanel | undefined> {
  if (!canModerate(viewer)) return undefined
  const thread = await findThreadState(db, threadId)
  if (!thread) return undefined
  const tags = await listThreadTagPins(db, threadId)
  const similar = thread.duplicateOf === null ? await findSimilarThreads(db, threadId) : []
  return {
    threadId,
    locked: thread.locked,
    pinned: thread.pinned,
    pinnedUntil: thread.pinnedUntil,
    deleted: thread.deleted,
    duplicateOf: thread.duplicateOf,
    tags: tags.map(({ slug, name, pinned, pinnedUntil }) => ({ slug, name, pinned, pinnedUntil })),
    candidates: similar.map(({ id, title, slug }) => ({ id, title, slug })),
  }
}
