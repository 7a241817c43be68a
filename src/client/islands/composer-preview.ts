/**
 * Live Markdown preview: 400 ms after typing stops, posts the composer's text to /preview and shows
 * the sanitised HTML the server returns, announcing through the composer's polite status region.
 * Without JavaScript the form's own "Preview" button does the same with a page load.
 */
import type { IslandDeps } from '../lib/deps.js'
import { t } from '../lib/i18n.js'
import { csrfTokenOf, jsonPostHeaders } from '../lib/post-form.js'
import { parsePreviewResult } from '../lib/results.js'

export const PREVIEW_DELAY_MS = 400
export const PREVIEW_ENDPOINT = '/preview'

/** Calls `fn` once `ms` have passed without another call. */
export function debounce(fn: () => void, ms: number, win: Window = window): () => void {
  let timer: number | undefined
  return () => {
    if (timer !== undefined) win.clearTimeout(timer)
    timer = win.setTimeout(fn, ms)
  }
}

export function composerPreview(target: HTMLElement, deps: IslandDeps): void {
  const doc = target.ownerDocument
  const form = target.closest('form')
  const source = form?.elements.namedItem(target.dataset.source ?? 'body') as Element | null
  if (source?.tagName !== 'TEXTAREA') return
  const textarea = source as HTMLTextAreaElement
  const panel = target.closest<HTMLElement>('.preview-panel')
  const status = doc.getElementById(target.dataset.status ?? '')
  const say = (text: string) => {
    if (status !== null && status.textContent !== text) status.textContent = text
  }
  let latest = 0
  let inFlight: AbortController | null = null

  const refresh = async () => {
    const text = textarea.value
    const mine = ++latest
    inFlight?.abort()
    if (text.trim() === '') {
      target.innerHTML = ''
      if (panel !== null) panel.hidden = true
      return
    }
    inFlight = new AbortController()
    try {
      const response = await deps.fetch(PREVIEW_ENDPOINT, {
        method: 'POST',
        headers: jsonPostHeaders(csrfTokenOf(form, doc)),
        body: new URLSearchParams({ body: text }),
        credentials: 'same-origin',
        signal: inFlight.signal,
      })
      const result = response.ok ? parsePreviewResult(await response.json()) : null
      if (mine !== latest) return
      if (result === null) return say(t('Live preview is unavailable right now.'))
      target.innerHTML = result.html // sanitised by the server, as every saved post is
      if (panel !== null) panel.hidden = false
      say(t('Preview updated.'))
    } catch {
      if (mine === latest) say(t('Live preview is unavailable right now.'))
    }
  }

  textarea.addEventListener(
    'input',
    debounce(() => void refresh(), PREVIEW_DELAY_MS),
  )
}
