/** The JSON of a thread list's row, as every API list shows it. */
import { threadPath } from '../../../domain/format/index.js'
import type { ThreadListItem } from '../../../domain/thread-lists/index.js'

export const iso = (ms: number) => new Date(ms).toISOString()

export function threadSummaryJson(base: string, t: ThreadListItem) {
  return {
    id: t.id,
    title: t.title,
    url: `${base}${threadPath(t.id, t.slug)}`,
    excerpt: t.excerpt,
    author: t.author,
    tags: t.tags,
    replyCount: t.replyCount,
    boostCount: t.boostCount,
    viewCount: t.viewCount,
    createdAt: iso(t.createdAt),
    lastActivityAt: iso(t.lastActivityAt),
    solved: t.solved,
    pinned: t.pinned,
    locked: t.locked,
  }
}
