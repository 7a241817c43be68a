/**
 * "Redact before posting" on the ask form: a button that looks through the question's text for user names
 * in paths, serial numbers, UDIDs, email addresses and host names (lib/redact.ts), lists them with a
 * checkbox each, and replaces the chosen ones in the text. Nothing leaves the browser; without JavaScript
 * the section stays hidden and the form posts what was typed.
 */
import { findSensitive, redact, type Finding } from '../lib/redact.js'

export function redactCheck(el: HTMLElement): void {
  const doc = el.ownerDocument
  const field = doc.getElementById(el.dataset.source ?? '') as HTMLTextAreaElement | null
  const check = el.querySelector<HTMLButtonElement>('[data-redact-check]')
  const results = el.querySelector<HTMLElement>('[data-redact-results]')
  if (field === null || check === null || results === null) return
  el.hidden = false

  let findings: Finding[] = []
  const render = () => {
    results.replaceChildren()
    if (findings.length === 0) {
      const p = doc.createElement('p')
      p.textContent = 'No user names, serial numbers, UDIDs, email addresses or host names found.'
      results.append(p)
      return
    }
    const fieldset = doc.createElement('fieldset')
    const legend = doc.createElement('legend')
    legend.textContent = `Found ${findings.length === 1 ? '1 detail' : `${findings.length} details`}: replace the ones you choose`
    fieldset.append(legend)
    for (const [i, f] of findings.entries()) {
      const label = doc.createElement('label')
      label.className = 'redact-item'
      const box = doc.createElement('input')
      box.type = 'checkbox'
      box.checked = true
      box.value = String(i)
      const text = doc.createElement('span')
      const code = doc.createElement('code')
      code.textContent = f.value
      const times = f.count === 1 ? 'once' : `${f.count} times`
      text.append(`${f.kind} `, code, ` (${times}) → ${f.replacement}`)
      label.append(box, ' ', text)
      fieldset.append(label)
    }
    const replace = doc.createElement('button')
    replace.type = 'button'
    replace.className = 'button button-quiet'
    replace.textContent = 'Replace the chosen details'
    replace.addEventListener('click', () => {
      const chosen = [...fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')]
        .filter((b) => b.checked)
        .map((b) => findings[Number(b.value)])
        .filter((f): f is Finding => f !== undefined)
      field.value = redact(field.value, chosen)
      // Counters and the live preview follow the text.
      field.dispatchEvent(new Event('input', { bubbles: true }))
      findings = findSensitive(field.value)
      render()
      results.querySelector('p')?.setAttribute('tabindex', '-1')
    })
    fieldset.append(replace)
    results.append(fieldset)
  }
  check.addEventListener('click', () => {
    findings = findSensitive(field.value)
    render()
  })
}
