/** Shared set-up for island tests: a page from real server markup, and stand-ins for the network. */
import { vi } from 'vitest'
import type { IslandDeps } from '../../../src/client/lib/deps.js'

/** Replaces the document body with server-rendered HTML (a full document's body, or a fragment). */
export function loadPage(html: string): void {
  const body = html.match(/<body>([\s\S]*)<\/body>/)?.[1] ?? html
  document.body.innerHTML = body
}

/** A JSON response the way fetch returns one. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

export function fakeDeps(respond: (url: string, init: RequestInit) => Promise<Response>) {
  const deps = {
    fetch: vi.fn(respond),
    submit: vi.fn<(form: HTMLFormElement) => void>(),
    reload: vi.fn<() => void>(),
    confirm: vi.fn<(message: string) => boolean>(() => true),
    wire: vi.fn<(root: ParentNode) => void>(),
  } satisfies IslandDeps
  return deps
}

/** Fires a cancellable submit on a form, as the browser does after validation passes. */
export function submit(form: Element): Event {
  const event = new Event('submit', { bubbles: true, cancelable: true })
  form.dispatchEvent(event)
  return event
}

/** Lets pending promise callbacks (fetch, json) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0))
}
