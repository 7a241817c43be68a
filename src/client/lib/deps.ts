/**
 * What islands need from the browser, passed in so tests can stand in for the network and for the
 * plain form submission that every island falls back to.
 */
export interface IslandDeps {
  fetch: (input: string, init: RequestInit) => Promise<Response>
  /** Submits the form the ordinary way (the no-JavaScript path), without firing `submit` again. */
  submit: (form: HTMLFormElement) => void
  /** Reloads the page: used when the server did the work but its answer could not be read. */
  reload: () => void
  confirm: (message: string) => boolean
  /** Wires the islands inside markup the page received after load (a reply inserted in place). */
  wire: (root: ParentNode) => void
}

/** The real browser behaviours; `wire` is filled in by the island registry. */
export function browserDeps(wire: (root: ParentNode) => void): IslandDeps {
  return {
    fetch: (input, init) => window.fetch(input, init),
    // The prototype's submit, so a control named "submit" cannot shadow it.
    submit: (form) => HTMLFormElement.prototype.submit.call(form),
    reload: () => window.location.reload(),
    confirm: (message) => window.confirm(message),
    wire,
  }
}
