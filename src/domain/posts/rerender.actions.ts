/**
 * Re-renders every post's stored HTML from its Markdown (`quorum posts rerender`). A post's HTML is
 * rendered once, when it is written (markdown/: sanitised, highlighted), so a change to the renderer
 * (code-block line numbers, a new language for highlighting, a link rule) reaches old posts only through
 * this. Only posts whose HTML differs are written, in batches, one transaction each, so a forum that is
 * serving keeps serving; the page cache and the post fragments notice the new HTML by themselves.
 */
import type { Db } from '../../db/schema.js'
import { renderMarkdown } from '../markdown/index.js'
import { listPostBodiesAfter, updatePostHtml } from './posts.queries.js'

export interface RerenderProgress {
  /** Posts read so far. */
  done: number
  /** Posts whose HTML changed and was written. */
  changed: number
}

const BATCH = 500

export async function rerenderAllPosts(
  db: Db,
  options: { onProgress?: (progress: RerenderProgress) => void } = {},
): Promise<RerenderProgress> {
  const progress: RerenderProgress = { done: 0, changed: 0 }
  let afterId = 0
  for (;;) {
    const rows = await listPostBodiesAfter(db, afterId, BATCH)
    if (rows.length === 0) break
    const changed = rows.flatMap((row) => {
      const html = renderMarkdown(row.markdown)
      return html === row.html ? [] : [{ id: row.id, html }]
    })
    if (changed.length > 0)
      await db.transaction().execute(async (trx) => {
        for (const row of changed) await updatePostHtml(trx, row.id, row.html)
      })
    progress.done += rows.length
    progress.changed += changed.length
    afterId = rows[rows.length - 1]!.id
    options.onProgress?.({ ...progress })
  }
  return progress
}
