/** Two tiny enhancements that need no server round trip. */
import type { IslandDeps } from '../lib/deps.js'

/** Asks before a destructive form post (Delete); without JavaScript the form posts directly. */
export function confirmSubmit(el: HTMLElement, deps: IslandDeps): void {
  const message = el.dataset.confirm
  if (message === undefined || message === '') return
  el.addEventListener('submit', (event) => {
    if (!deps.confirm(message)) event.preventDefault()
  })
}

/** Moves focus to the error summary when a form comes back with problems, as GOV.UK does. */
export function errorSummary(el: HTMLElement): void {
  if (el.ownerDocument.querySelector('[data-island="error-summary"]') === el) el.focus()
}
