/** Posting a form with fetch the way the server's JSON routes expect, and reading the answer. */
import type { IslandDeps } from './deps.js'

/** The element as a form, or null: islands that enhance a form are placed on the `<form>` itself. */
export function asForm(el: Element): HTMLFormElement | null {
  return el.tagName === 'FORM' ? (el as HTMLFormElement) : null
}

/** The CSRF token of a form, else of any form on the page (every POST form carries one). */
export function csrfTokenOf(form: Element | null, doc: Document = document): string | null {
  const own = form?.querySelector<HTMLInputElement>('input[name="_csrf"]')
  const any = own ?? doc.querySelector<HTMLInputElement>('input[name="_csrf"]')
  return any === null ? null : any.value
}

/** The form's fields, URL-encoded exactly as a plain submission would send them. */
export function formBody(form: HTMLFormElement): URLSearchParams {
  const body = new URLSearchParams()
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') body.append(name, value)
  }
  return body
}

/** The request headers of every island POST: JSON back, CSRF token in a header. */
export function jsonPostHeaders(token: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
  }
  if (token !== null) headers['x-csrf-token'] = token
  return headers
}

export type PostOutcome =
  | { kind: 'ok'; json: unknown }
  /** The server refused (4xx/5xx) or the network failed: the plain form post will show why. */
  | { kind: 'failed' }
  /** The server answered 2xx but not with JSON: the write may have happened. */
  | { kind: 'unreadable' }

/** POSTs a form to its action with fetch; never throws. */
export async function postForm(
  form: HTMLFormElement,
  deps: Pick<IslandDeps, 'fetch'>,
): Promise<PostOutcome> {
  let response: Response
  try {
    response = await deps.fetch(form.action, {
      method: 'POST',
      headers: jsonPostHeaders(csrfTokenOf(form, form.ownerDocument)),
      body: formBody(form),
      credentials: 'same-origin',
    })
  } catch {
    return { kind: 'failed' }
  }
  if (!response.ok) return { kind: 'failed' }
  try {
    return { kind: 'ok', json: (await response.json()) as unknown }
  } catch {
    return { kind: 'unreadable' }
  }
}

/**
 * Intercepts a form's submit, posts it with fetch, and hands a readable answer to `apply`. Anything
 * else falls back: a refusal or network failure re-submits the plain form (the server then shows the
 * problem as it would without JavaScript); a 2xx it cannot read reloads, so nothing is sent twice.
 */
export function enhanceForm<T>(
  form: HTMLFormElement,
  deps: IslandDeps,
  parse: (json: unknown) => T | null,
  apply: (result: T) => void,
): void {
  let busy = false
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (busy) return
    busy = true
    form.setAttribute('aria-busy', 'true')
    void postForm(form, deps).then((outcome) => {
      busy = false
      form.removeAttribute('aria-busy')
      if (outcome.kind === 'failed') return deps.submit(form)
      const result = outcome.kind === 'ok' ? parse(outcome.json) : null
      if (result === null) return deps.reload()
      apply(result)
    })
  })
}
