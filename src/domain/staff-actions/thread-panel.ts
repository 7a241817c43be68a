/** What the thread page's Staff section shows (the thread's moderation state and the close suggestions), and the state alone for the API. */
import type { Executor } from '../../db/schema.js'
import { getStoredSimilar } from '../signatures/index.js'
import type { Viewer } from '../shared/index.js'
import { canModerate } from './staff-actions.policy.js'
import { findThreadState, listThreadTagPins } from './staff-actions.queries.js'
import type { ThreadStaffPanel, ThreadStaffState } from './staff-actions.types.js'

/**
 * A thread's moderation state, for staff only (undefined for anyone else): lock, pins (site-wide and
 * per tag, with their ends), the duplicate it is closed as. Two indexed reads.
 */
export async function getThreadStaffState(
  db: Executor,
  viewer: Viewer | null,
  threadId: number,
): Promise<ThreadStaffState | undefined> {
  if (!canModerate(viewer)) return undefined
  const thread = await findThreadState(db, threadId)
  if (!thread) return undefined
  const tags = await listThreadTagPins(db, threadId)
  return {
    threadId,
    locked: thread.locked,
    pinned: thread.pinned,
    pinnedUntil: thread.pinnedUntil,
    deleted: thread.deleted,
    duplicateOf: thread.duplicateOf,
    tags: tags.map(({ slug, name, pinned, pinnedUntil }) => ({ slug, name, pinned, pinnedUntil })),
  }
}

/**
 * The Staff section of a thread page: the state above and the threads most like it as candidates for
 * closing it as a duplicate (the thread's stored similar threads).
 */
export async function getThreadStaffPanel(
  db: Executor,
  viewer: Viewer | null,
  threadId: number,
): Promise<ThreadStaffPanel | undefined> {
  const state = await getThreadStaffState(db, viewer, threadId)
  if (!state) return undefined
  const similar = state.duplicateOf === null ? await getStoredSimilar(db, threadId) : []
  return { ...state, candidates: similar.map(({ id, title, slug }) => ({ id, title, slug })) }
}
