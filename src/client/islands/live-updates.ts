/**
 * Live updates: opens the page's Server-Sent Events stream (GET /events) and
 * - on a thread page, counts new posts behind a "2 new replies: show" bar; "show" fetches the page and
 *   adds the replies it does not have yet, without moving what the reader is looking at;
 * - on home and tag pages, counts new threads behind "3 new threads: show" (which reloads);
 * - on a thread page, keeps boost counts current, moves the accepted mark, and replaces an edited post's
 *   body and a post's comments in place (lib/live-patch.ts);
 * - on every signed-in page, keeps the bell's unread count.
 * EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed. Without JavaScript
 * the pages work as before; nothing here is needed.
 */
import type { IslandDeps } from '../lib/deps.js'
import { number, t } from '../lib/i18n.js'
import { applyPatches, type PendingPatches } from '../lib/live-patch.js'
import { applyAccepted } from './accept-button.js'
import { boostCountText } from './boost-button.js'

/** "2 new replies: show" on a thread page, "3 new threads: show" on a list. */
function barText(n: number, replies: boolean): string {
  const count = number(n)
  if (replies)
    return n === 1
      ? t('{count} new reply: show', { count })
      : t('{count} new replies: show', { count })
  return n === 1
    ? t('{count} new thread: show', { count })
    : t('{count} new threads: show', { count })
}

/** The bar with its button, made once and placed where the new items will appear. */
function makeBar(doc: Document, before: Element | null, after: Element | null): HTMLButtonElement {
  const bar = doc.createElement('p')
  bar.className = 'live-bar'
  bar.hidden = true
  bar.setAttribute('role', 'status')
  const button = doc.createElement('button')
  button.type = 'button'
  button.className = 'button button-quiet'
  bar.append(button)
  if (after) after.after(bar)
  else if (before) before.before(bar)
  else doc.querySelector('main')?.prepend(bar)
  return button
}

function updateBell(doc: Document, unread: number): void {
  // The phones' Menu button carries the count too (views/layout/site-header.tsx).
  const menuCount = doc.querySelector<HTMLElement>('[data-menu-count]')
  if (menuCount) {
    menuCount.textContent = String(unread)
    menuCount.hidden = unread === 0
  }
  const bell = doc.querySelector('.notification-bell')
  const count = doc.querySelector<HTMLElement>('[data-bell-count]')
  if (!bell || !count) return
  count.textContent = String(unread)
  count.hidden = unread === 0
  bell.setAttribute(
    'aria-label',
    unread === 0
      ? t('Notifications')
      : t('Notifications, {count} unread', { count: number(unread) }),
  )
}

/** Adds the replies of a fresh copy of the page that this one lacks; returns the first added. */
async function showNewReplies(
  doc: Document,
  list: Element,
  deps: IslandDeps,
): Promise<HTMLElement | null> {
  const res = await deps.fetch(doc.location.pathname, {
    headers: { accept: 'text/html' },
    credentials: 'same-origin',
  })
  if (!res.ok) {
    deps.reload()
    return null
  }
  const fresh = new DOMParser().parseFromString(await res.text(), 'text/html')
  let first: HTMLElement | null = null
  for (const article of fresh.querySelectorAll<HTMLElement>('[data-reply-list] > article[id]')) {
    if (doc.getElementById(article.id)) continue
    const node = doc.importNode(article, true)
    list.append(node)
    deps.wire(node)
    first ??= node
  }
  return first
}

export function liveUpdates(el: HTMLElement, deps: IslandDeps): void {
  const url = el.dataset.liveUrl
  const doc = el.ownerDocument
  if (url === undefined || typeof EventSource === 'undefined') return
  const source = new EventSource(url)
  const list = doc.querySelector('[data-reply-list]')
  const table = doc.querySelector('main table')
  const button = makeBar(doc, table, list)
  const bar = button.parentElement as HTMLElement
  let pending = new Set<number>()
  // Edits and comments: one fetch at a time, taking everything announced before it started.
  let patches: PendingPatches = { edited: new Set(), comments: new Set() }
  let patching: Promise<void> | null = null
  const patch = () => {
    if (patching) return
    const run = patches
    patches = { edited: new Set(), comments: new Set() }
    patching = applyPatches(doc, deps, run)
      .catch(() => false)
      .then(() => {
        patching = null
        if (patches.edited.size + patches.comments.size > 0) patch()
      })
  }

  const render = () => {
    bar.hidden = pending.size === 0
    button.textContent = barText(pending.size, list !== null)
  }

  source.addEventListener('post', (event) => {
    const { postId } = JSON.parse((event as MessageEvent<string>).data) as { postId: number }
    if (!list || doc.getElementById(`post-${postId}`)) return // already on the page (our own reply)
    pending.add(postId)
    render()
  })
  source.addEventListener('thread', (event) => {
    const { threadId } = JSON.parse((event as MessageEvent<string>).data) as { threadId: number }
    if (list) return
    pending.add(threadId)
    render()
  })
  // Another reader's boost: the post's count changes in place (its last text, after any ▲ marker).
  source.addEventListener('boost', (event) => {
    const { postId, boostCount } = JSON.parse((event as MessageEvent<string>).data) as {
      postId: number
      boostCount: number
    }
    const count = doc.querySelector(`#post-${postId} [data-boost-count]`)
    const text = [...(count?.childNodes ?? [])].filter((n) => n.nodeType === 3).at(-1)
    if (text) text.textContent = boostCountText(boostCount)
  })
  source.addEventListener('notification', (event) => {
    const { unread } = JSON.parse((event as MessageEvent<string>).data) as { unread: number }
    updateBell(doc, unread)
  })
  source.addEventListener('edit', (event) => {
    const { postId } = JSON.parse((event as MessageEvent<string>).data) as { postId: number }
    if (!list || !doc.getElementById(`post-${postId}`)) return
    patches.edited.add(postId)
    patch()
  })
  source.addEventListener('comment', (event) => {
    const { postId } = JSON.parse((event as MessageEvent<string>).data) as { postId: number }
    if (!list || doc.getElementById(`comment-${postId}`)) return // already here (our own)
    patches.comments.add(postId)
    patch()
  })
  source.addEventListener('accept', (event) => {
    const { acceptedPostId } = JSON.parse((event as MessageEvent<string>).data) as {
      acceptedPostId: number | null
    }
    if (list) applyAccepted(doc, acceptedPostId)
  })
  // The events this process kept do not reach back far enough: the page is out of date.
  source.addEventListener('reset', () => {
    if (list) pending.add(0)
    render()
  })

  button.addEventListener('click', () => {
    if (!list) return deps.reload()
    void showNewReplies(doc, list, deps).then((first) => {
      pending = new Set()
      render()
      if (first) {
        first.tabIndex = -1
        first.focus()
      }
    })
  })
}
