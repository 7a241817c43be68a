/**
 * In-place changes of an open thread page from the live stream: a post's new body after an edit, and
 * the comments under a post after a new one. The stream only names the post; the page fetches a fresh
 * copy of itself (with the reader's own session, so what they may see is decided as for any page) and
 * takes the changed parts from it. Nothing else moves: no reload, no scrolling, and a comment form the
 * reader is typing in stays as it is.
 */
import type { IslandDeps } from './deps.js'

/** What changed since the last patch: posts edited, and comments (by the comment's id) added. */
export interface PendingPatches {
  edited: Set<number>
  comments: Set<number>
}

/** Replaces `target`'s children with copies of `source`'s. */
function replaceChildren(doc: Document, target: Element, source: Element): void {
  target.replaceChildren(...[...source.childNodes].map((n) => doc.importNode(n, true)))
}

function patchEdited(doc: Document, fresh: Document, postId: number): void {
  const now = doc.getElementById(`post-${postId}`)
  const then = fresh.getElementById(`post-${postId}`)
  const body = now?.querySelector(':scope > .post-body')
  const freshBody = then?.querySelector(':scope > .post-body')
  if (!now || !body || !freshBody) return
  replaceChildren(doc, body, freshBody)
  // The "edited 1m" link of the header, added or refreshed.
  const edited = then?.querySelector(':scope > .post-header > .post-edited')
  const header = now.querySelector(':scope > .post-header')
  if (!edited || !header) return
  const had = header.querySelector(':scope > .post-edited')
  const copy = doc.importNode(edited, true)
  if (had) had.replaceWith(copy)
  else header.querySelector(':scope > .post-permalink')?.after(copy)
}

function patchComments(doc: Document, fresh: Document, commentId: number): void {
  const parent = fresh.getElementById(`comment-${commentId}`)?.closest('article[id]')
  const freshList = parent?.querySelector(':scope > .comment-list')
  const article = parent ? doc.getElementById(parent.id) : null
  if (!article || !freshList) return
  const copy = doc.importNode(freshList, true)
  const list = article.querySelector(':scope > .comment-list')
  if (list) list.replaceWith(copy)
  else article.querySelector(':scope > .post-footer')?.after(copy)
}

/** Fetches the page once and applies every pending change; false when the page could not be read. */
export async function applyPatches(
  doc: Document,
  deps: IslandDeps,
  pending: PendingPatches,
): Promise<boolean> {
  const res = await deps.fetch(doc.location.pathname, {
    headers: { accept: 'text/html' },
    credentials: 'same-origin',
  })
  if (!res.ok) return false
  const fresh = new DOMParser().parseFromString(await res.text(), 'text/html')
  for (const postId of pending.edited) patchEdited(doc, fresh, postId)
  for (const commentId of pending.comments) patchComments(doc, fresh, commentId)
  return true
}
