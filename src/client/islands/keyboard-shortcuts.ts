/**
 * Keyboard shortcuts, as Discourse and GitHub have them (issue 26): `?` lists them in a dialog, `j`/`k`
 * move to the next or previous post of a thread (focused, scrolled to, outlined), `r` goes to the reply
 * form, `/` to search, `g h` home. Never while a person types in a field, nor with Ctrl, Alt or Cmd held
 * (the browser's own shortcuts); Esc closes the dialog (the <dialog> element does that itself).
 * Without JavaScript there are no shortcuts, so the footer's button that opens the list stays hidden.
 */
import type { IslandDeps } from '../lib/deps.js'

/** How long after `g` the second key of a `g h` sequence counts. */
const SEQUENCE_MS = 1500

/** Whether a key press belongs to what the person is typing, not to the page. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const type = (target as HTMLInputElement).type
  return !['button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'image'].includes(type)
}

/** The posts of a thread page, in reading order. */
function posts(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('article.post[id^="post-"]')]
}

/** Focuses a post (made focusable for the purpose) and brings it into view. */
function focusPost(post: HTMLElement): void {
  if (!post.hasAttribute('tabindex')) post.setAttribute('tabindex', '-1')
  post.focus({ preventScroll: true })
  post.scrollIntoView({ block: 'start' })
}

/** Moves to the next (+1) or previous (-1) post from the one holding focus, or from the top. */
function movePost(step: 1 | -1): boolean {
  const list = posts()
  if (list.length === 0) return false
  const current = list.findIndex((p) => p.contains(document.activeElement))
  const next = current === -1 ? (step === 1 ? 0 : list.length - 1) : current + step
  const target = list[Math.min(Math.max(next, 0), list.length - 1)]
  if (target === undefined) return false
  focusPost(target)
  return true
}

/** Focuses the first field that matches, scrolled into view; false when the page has none. */
function focusField(selectors: string[]): boolean {
  for (const selector of selectors) {
    const field = document.querySelector<HTMLElement>(selector)
    if (field === null || field.closest('[hidden]') !== null) continue
    field.focus()
    field.scrollIntoView({ block: 'center' })
    return true
  }
  return false
}

/** Wires the shortcuts to the page; `el` is the <dialog> that lists them. */
export function keyboardShortcuts(el: HTMLElement, _deps: IslandDeps): void {
  const dialog = el as HTMLDialogElement
  if (typeof dialog.showModal !== 'function') return
  const opener = document.querySelector<HTMLButtonElement>('[data-shortcuts-open]')
  if (opener !== null) {
    opener.hidden = false
    opener.addEventListener('click', () => dialog.showModal())
  }
  let pendingG = 0
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    if (dialog.open || isTyping(event.target)) return
    const afterG = pendingG > 0 && event.timeStamp - pendingG < SEQUENCE_MS
    pendingG = 0
    let handled = false
    switch (event.key) {
      case '?':
        dialog.showModal()
        handled = true
        break
      case 'j':
        handled = movePost(1)
        break
      case 'k':
        handled = movePost(-1)
        break
      case 'r':
        handled = focusField(['#reply-body'])
        break
      case '/':
        handled = focusField(['#search-page-q', '#site-search-q'])
        break
      case 'g':
        pendingG = event.timeStamp
        break
      case 'h':
        if (afterG) {
          window.location.assign('/')
          handled = true
        }
        break
    }
    // The key did its job: it must not also type into the field it focused, or scroll the page.
    if (handled) event.preventDefault()
  })
}
