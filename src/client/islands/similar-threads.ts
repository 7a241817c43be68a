/**
 * Similar threads while asking: 500 ms after the title or body stops changing, posts the draft to the box's
 * endpoint (/ask/similar) and shows the list the server renders, or hides the box when nothing is close.
 * Only the latest answer is shown; a failed request leaves the last list in place. Without JavaScript the box
 * stays hidden and the form works as before.
 */
import type { IslandDeps } from '../lib/deps.js'
import { csrfTokenOf, jsonPostHeaders } from '../lib/post-form.js'
import { debounce } from './composer-preview.js'

export const SIMILAR_DELAY_MS = 500
/** Below this many characters of title and body together, there is nothing to compare yet. */
export const SIMILAR_MIN_CHARS = 12

export function similarThreads(box: HTMLElement, deps: IslandDeps): void {
  const form = box.closest('form')
  const endpoint = box.dataset.endpoint
  if (form === null || endpoint === undefined) return
  const fields = (box.dataset.sources ?? 'title body')
    .split(/\s+/)
    .map((name) => form.elements.namedItem(name))
    .filter(
      (el): el is HTMLInputElement | HTMLTextAreaElement =>
        el instanceof HTMLElement && 'value' in el,
    )
  if (fields.length === 0) return
  let latest = 0
  let inFlight: AbortController | null = null
  let lastSent = ''

  const refresh = async () => {
    const values = Object.fromEntries(fields.map((f) => [f.name, f.value]))
    const key = JSON.stringify(values)
    if (key === lastSent) return
    lastSent = key
    const mine = ++latest
    inFlight?.abort()
    if (Object.values(values).join('').trim().length < SIMILAR_MIN_CHARS) {
      box.hidden = true
      box.innerHTML = ''
      return
    }
    inFlight = new AbortController()
    try {
      const response = await deps.fetch(endpoint, {
        method: 'POST',
        headers: jsonPostHeaders(csrfTokenOf(form, box.ownerDocument)),
        body: new URLSearchParams(values),
        credentials: 'same-origin',
        signal: inFlight.signal,
      })
      const result = response.ok ? parseSimilarResult(await response.json()) : null
      if (mine !== latest || result === null) return
      box.innerHTML = result.html // rendered by the server from escaped titles, like every page
      box.hidden = result.count === 0
    } catch {
      // Aborted by a newer request, or offline: the form works without the list.
    }
  }

  const schedule = debounce(
    () => void refresh(),
    SIMILAR_DELAY_MS,
    box.ownerDocument.defaultView ?? window,
  )
  for (const field of fields) field.addEventListener('input', schedule)
  // A form that comes back filled (a validation error) already has a draft to compare.
  if (fields.some((f) => f.value.trim() !== '')) schedule()
}

export interface SimilarResult {
  html: string
  count: number
}

/** The endpoint's answer, `{ threads: unknown[], html: string }`, checked before use; null when it is not one. */
export function parseSimilarResult(json: unknown): SimilarResult | null {
  if (typeof json !== 'object' || json === null) return null
  const { html, threads } = json as Record<string, unknown>
  if (typeof html !== 'string' || !Array.isArray(threads)) return null
  return { html, count: threads.length }
}
