/** Focus on a form's error summary; no server round trip. */

/** Moves focus to the error summary when a form comes back with problems, as GOV.UK does. */
export function errorSummary(el: HTMLElement): void {
  if (el.ownerDocument.querySelector('[data-island="error-summary"]') === el) el.focus()
}
