/** Boost toggle: posts the boost form with fetch and updates the button and count in place. */
import { announce } from '../lib/announce.js'
import type { IslandDeps } from '../lib/deps.js'
import { number, t } from '../lib/i18n.js'
import { asForm, enhanceForm } from '../lib/post-form.js'
import { parseBoostResult, type BoostResult } from '../lib/results.js'

/** "1 boost", "1,234 boosts": the count as the server's post footer writes it (post-controls.tsx). */
export function boostCountText(n: number): string {
  const count = number(n)
  return n === 1 ? t('{count} boost', { count }) : t('{count} boosts', { count })
}

/** Sets the pressed state, the label ("Boost" / "Boosted") and the count text of a boost form. */
export function applyBoost(form: Element, result: BoostResult): void {
  const button = form.querySelector('button[aria-pressed]')
  button?.setAttribute('aria-pressed', result.boosted ? 'true' : 'false')
  const label = form.querySelector('[data-boost-label]')
  if (label !== null) label.textContent = result.boosted ? t('Boosted') : t('Boost')
  const count = form.querySelector('[data-boost-count]')
  if (count !== null) count.textContent = boostCountText(result.boostCount)
}

export function boostButton(el: HTMLElement, deps: IslandDeps): void {
  const form = asForm(el)
  if (form === null) return
  enhanceForm(form, deps, parseBoostResult, (result) => {
    applyBoost(form, result)
    const count = boostCountText(result.boostCount)
    announce(
      form.ownerDocument,
      result.boosted ? t('Boosted. {count}.', { count }) : t('Boost removed. {count}.', { count }),
    )
  })
}
