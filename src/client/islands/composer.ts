/**
 * Keeps what the person types in a composer form (ask, reply, edit):
 * - saves it as a draft on the server (`data-draft`: a thread id, or `ask`) 2 s after typing stops, when a
 *   field loses focus and when the page is hidden, with the CSRF token; says "Draft saved" (or why not)
 *   in its status line;
 * - warns before leaving the page while the text differs from what was last saved or loaded (never
 *   after the form is submitted);
 * - makes the "Discard draft" button clear the form in place.
 * Without JavaScript the server still refills the form from the last saved draft.
 */
import type { IslandDeps } from '../lib/deps.js'
import { pageLocale, t } from '../lib/i18n.js'
import { csrfTokenOf, jsonPostHeaders } from '../lib/post-form.js'

export const DRAFT_IDLE_MS = 2000
export const DRAFT_ENDPOINT = '/drafts'
const BLUR_SAVE_MS = 300
const FIELDS = ['title', 'body', 'tags'] as const

/** The server's message for a refused save, when it sent one. */
async function refusalOf(response: Response): Promise<string | null> {
  try {
    const json = (await response.json()) as { error?: { message?: unknown } }
    return typeof json.error?.message === 'string' ? json.error.message : null
  } catch {
    return null
  }
}

/** "04:35", as the page's language writes a time of the person's own clock. */
function clock(now: Date): string {
  return now.toLocaleTimeString(pageLocale(), { hour: '2-digit', minute: '2-digit' })
}

export function composer(status: HTMLElement, deps: IslandDeps): void {
  const form = status.closest('form')
  if (form === null) return
  const doc = form.ownerDocument
  const win = doc.defaultView ?? window
  const draft = status.dataset.draft
  const thread = draft === undefined ? null : draft === 'ask' ? '' : draft
  const field = (name: string) =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null

  const snapshot = () => JSON.stringify(FIELDS.map((name) => field(name)?.value ?? ''))
  /** What the server holds (or the page loaded with): leaving is safe while the form matches it. */
  let saved = snapshot()
  let submitted = false
  let timer: number | undefined
  let inFlight: Promise<void> | null = null
  let again = false

  const say = (text: string) => {
    status.hidden = text === ''
    if (status.textContent !== text) status.textContent = text
  }
  // A form no longer on the page (replaced in place) has nothing left to lose.
  const dirty = () => form.isConnected && !submitted && snapshot() !== saved

  const save = async (leaving = false): Promise<void> => {
    if (thread === null || submitted) return
    if (timer !== undefined) win.clearTimeout(timer)
    timer = undefined
    // One save at a time; a change made meanwhile is saved right after.
    if (inFlight !== null) {
      again = true
      return inFlight
    }
    const sending = snapshot()
    if (sending === saved) return
    const body = new URLSearchParams({ thread })
    for (const name of FIELDS) {
      const f = field(name)
      if (f !== null) body.set(name, f.value)
    }
    inFlight = (async () => {
      try {
        const response = await deps.fetch(DRAFT_ENDPOINT, {
          method: 'POST',
          headers: jsonPostHeaders(csrfTokenOf(form, doc)),
          body,
          credentials: 'same-origin',
          // A save as the page goes away still reaches the server (within the browser's 64 KB).
          keepalive: leaving && body.toString().length < 60_000,
        })
        if (submitted) return
        if (response.ok) {
          saved = sending
          say(t('Draft saved at {time}.', { time: clock(new Date()) }))
        } else if (response.status === 429) {
          const wait = Number(response.headers.get('retry-after')) || 30
          say(t('Draft not saved yet: saving again shortly.'))
          timer = win.setTimeout(() => void save(), wait * 1000)
        } else {
          // The server's reason is in the page's language already (its JSON error).
          const reason = await refusalOf(response)
          say(
            reason === null
              ? t('Draft not saved: the server refused it.')
              : t('Draft not saved: {reason}', { reason }),
          )
        }
      } catch {
        if (!submitted)
          say(t('Draft not saved: no connection. It will be saved when you type again.'))
      } finally {
        inFlight = null
      }
      if (again) {
        again = false
        await save()
      }
    })()
    return inFlight
  }

  form.addEventListener('input', () => {
    // Typing again after a post made in place (the reply island resets the form): a new text.
    submitted = false
    if (thread === null) return
    if (timer !== undefined) win.clearTimeout(timer)
    timer = win.setTimeout(() => void save(), DRAFT_IDLE_MS)
  })
  // Leaving a field saves, a moment later: a click on Post moves the focus first, and its submit must
  // come before a save could land behind the post and bring the draft back.
  form.addEventListener('focusout', () => {
    if (thread === null || !dirty()) return
    if (timer !== undefined) win.clearTimeout(timer)
    timer = win.setTimeout(() => void save(), BLUR_SAVE_MS)
  })
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden' && dirty()) void save(true)
  })
  form.addEventListener('submit', () => {
    // The post discards the draft on the server; nothing may save it again behind it.
    submitted = true
    if (timer !== undefined) win.clearTimeout(timer)
    timer = undefined
  })
  form.addEventListener('reset', () => {
    // After the reply island's reset its own code empties the body: read the form once it has.
    win.setTimeout(() => {
      saved = snapshot()
      say('')
      doc.querySelector('[data-draft-notice]')?.remove()
    }, 0)
  })
  win.addEventListener('beforeunload', (event) => {
    if (!dirty()) return
    event.preventDefault()
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = ''
  })

  // "Discard draft": in place, then the form is empty and nothing is left to warn about.
  const discard = doc.querySelector<HTMLFormElement>('form[data-draft-discard]')
  discard?.addEventListener('submit', (event) => {
    event.preventDefault()
    if (timer !== undefined) win.clearTimeout(timer)
    timer = undefined
    void (async () => {
      let ok: boolean
      try {
        const response = await deps.fetch(discard.action, {
          method: 'POST',
          headers: jsonPostHeaders(csrfTokenOf(discard, doc)),
          body: new URLSearchParams({ thread: thread ?? '' }),
          credentials: 'same-origin',
        })
        ok = response.ok
      } catch {
        ok = false
      }
      if (!ok) {
        // The plain form post shows what went wrong; the page is left on purpose.
        submitted = true
        return deps.submit(discard)
      }
      for (const name of FIELDS) {
        const f = field(name)
        if (f === null) continue
        f.value = ''
        f.dispatchEvent(new Event('input', { bubbles: true }))
      }
      if (timer !== undefined) win.clearTimeout(timer)
      timer = undefined
      saved = snapshot()
      discard.closest('[data-draft-notice]')?.remove()
      say(t('Draft discarded.'))
      field('body')?.focus()
    })()
  })
}
