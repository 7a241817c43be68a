/**
 * "Redact before posting" on the ask form: a button that looks through the question's text for user names
 * in paths, serial numbers, UDIDs, email addresses and host names (lib/redact.ts), lists them with a
 * checkbox each, and replaces the chosen ones in the text. Nothing leaves the browser; without JavaScript
 * the section stays hidden and the form posts what was typed.
 */
import { number, t } from '../lib/i18n.js'
import { findSensitive, redact, type Finding, type SensitiveKind } from '../lib/redact.js'

/** What each kind of detail is called on the page. */
function kindLabel(kind: SensitiveKind): string {
  switch (kind) {
    case 'user name':
      return t('user name')
    case 'serial number':
      return t('serial number')
    case 'UDID':
      return t('UDID')
    case 'email address':
      return t('email address')
    case 'host name':
      return t('host name')
  }
}

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
      p.textContent = t(
        'No user names, serial numbers, UDIDs, email addresses or host names found.',
      )
      results.append(p)
      return
    }
    const fieldset = doc.createElement('fieldset')
    const legend = doc.createElement('legend')
    legend.textContent =
      findings.length === 1
        ? t('Found 1 detail: replace the ones you choose')
        : t('Found {count} details: replace the ones you choose', {
            count: number(findings.length),
          })
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
      const times = f.count === 1 ? t('once') : t('{count} times', { count: number(f.count) })
      text.append(`${kindLabel(f.kind)} `, code, ` (${times}) → ${f.replacement}`)
      label.append(box, ' ', text)
      fieldset.append(label)
    }
    const replace = doc.createElement('button')
    replace.type = 'button'
    replace.className = 'button button-quiet'
    replace.textContent = t('Replace the chosen details')
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
