/** Boost toggle: posts the boost form with fetch and updates the button and count in place. */
import { countNoun } from '../../views/components/count-noun.js'
import { announce } from '../lib/announce.js'
import type { IslandDeps } from '../lib/deps.js'
import { asForm, enhanceForm } from '../lib/post-form.js'
import { parseBoostResult, type BoostResult } from '../lib/results.js'

/** Sets the pressed state, the label ("Boost" / "Boosted") and the count text of a boost form. */
export function applyBoost(form: Element, result: BoostResult): void {
  const button = form.querySelector('button[aria-pressed]')
  button?.setAttribute('aria-pressed', result.boosted ? 'true' : 'false')
  const label = form.querySelector('[data-boost-label]')
  if (label !== null) label.textContent = result.boosted ? 'Boosted' : 'Boost'
  const count = form.querySelector('[data-boost-count]')
  if (count !== null) count.textContent = countNoun(result.boostCount, 'boost')
}

export function boostButton(el: HTMLElement, deps: IslandDeps): void {
  const form = asForm(el)
  if (form === null) return
  enhanceForm(form, deps, parseBoostResult, (result) => {
    applyBoost(form, result)
    const what = result.boosted ? 'Boosted' : 'Boost removed'
    announce(form.ownerDocument, `${what}. ${countNoun(result.boostCount, 'boost')}.`)
  })
}
