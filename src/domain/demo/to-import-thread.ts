import type { ImportThread } from '../importer/index.js'
import type { DemoThread } from './demo.types.js'
import { agoToEpoch, type Ago } from './relative-time.js'

/**
 * A demo thread in the import format, its relative times made absolute against `now`.
 * @example importThreads(db, forum.threads.map((t) => toImportThread(t, now)), { now })
 */
export function toImportThread(t: DemoThread, now: number): ImportThread {
  const at = (ago: Ago) => agoToEpoch(ago, now)
  return {
    title: t.title,
    tags: t.tags,
    author: t.author,
    created_at: at(t.ago),
    body: t.body,
    views: t.views,
    boosts: t.boosts ?? 0,
    pinned: t.pinned ?? false,
    locked: t.locked ?? false,
    attachments: t.attachments ?? [],
    replies: (t.replies ?? []).map((r) => ({
      author: r.author,
      created_at: at(r.ago),
      body: r.body,
      accepted: r.accepted ?? false,
      boosts: r.boosts ?? 0,
      comments: (r.comments ?? []).map((c) => ({
        author: c.author,
        created_at: at(c.ago),
        body: c.body,
      })),
    })),
  }
}
