/** Speaks a short status through the page's polite live region (thread page), if there is one. */
export function announce(doc: Document, message: string): void {
  const region = doc.querySelector('[data-live-status]')
  if (region === null) return
  // Clearing first makes a repeated message ("Boosted.") be spoken again.
  region.textContent = ''
  doc.defaultView?.setTimeout(() => {
    region.textContent = message
  }, 50)
}
