/** Asks before a destructive form post; no server round trip. */
import type { IslandDeps } from '../lib/deps.js'

/** Asks before a destructive form post (Delete); without JavaScript the form posts directly. */
export function confirmSubmit(el: HTMLElement, deps: IslandDeps): void {
  const message = el.dataset.confirm
  if (message === undefined || message === '') return
  el.addEventListener('submit', (event) => {
    if (!deps.confirm(message)) event.preventDefault()
  })
}
