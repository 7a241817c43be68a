/**
 * Code blocks in a post (`data-island="code-blocks"` on the post body): a Copy button on each (the
 * clipboard, else the code is selected for Ctrl+C), and a "Line numbers" toggle that applies to every
 * block on the page and is remembered in localStorage. The numbers are CSS counters in a gutter the
 * browser cannot select, so copied code never carries them. Folding long blocks needs no script (the
 * <details> the renderer puts after a long block; public/quorum.css).
 */
import { announce } from '../lib/announce.js'
import type { IslandDeps } from '../lib/deps.js'
import { t } from '../lib/i18n.js'

export const LINE_NUMBERS_KEY = 'quorum.lineNumbers'
const ROOT_CLASS = 'line-numbers'

/** The stored preference; false where storage is refused (private modes, sandboxed frames). */
function storedPreference(win: Window): boolean {
  try {
    return win.localStorage.getItem(LINE_NUMBERS_KEY) === 'on'
  } catch {
    return false
  }
}

function storePreference(win: Window, on: boolean): void {
  try {
    if (on) win.localStorage.setItem(LINE_NUMBERS_KEY, 'on')
    else win.localStorage.removeItem(LINE_NUMBERS_KEY)
  } catch {
    // Not remembered: the toggle still works on this page.
  }
}

/** The number of lines of a block's code (a final newline ends a line, it does not start one). */
export function lineCount(text: string): number {
  if (text === '') return 1
  return text.replace(/\n$/, '').split('\n').length
}

/** Gives a block its gutter: one empty element per line, numbered by a CSS counter. */
function addGutter(pre: HTMLElement): void {
  if (pre.querySelector(':scope > .code-gutter') !== null) return
  const doc = pre.ownerDocument
  const gutter = doc.createElement('span')
  gutter.className = 'code-gutter'
  gutter.setAttribute('aria-hidden', 'true')
  const n = lineCount(pre.querySelector('code')?.textContent ?? pre.textContent ?? '')
  gutter.append(...Array.from({ length: n }, () => doc.createElement('span')))
  pre.prepend(gutter)
}

/** Shows or hides line numbers on every block of the page, and every toggle says which. */
function setLineNumbers(doc: Document, on: boolean): void {
  doc.documentElement.classList.toggle(ROOT_CLASS, on)
  if (on) for (const pre of doc.querySelectorAll<HTMLElement>('pre.code')) addGutter(pre)
  for (const toggle of doc.querySelectorAll('[data-line-numbers]'))
    toggle.setAttribute('aria-pressed', String(on))
}

/** Copies the code; where the clipboard is refused, selects it so Ctrl+C (⌘C) copies it. */
async function copyCode(code: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const doc = code.ownerDocument
  const win = doc.defaultView
  const text = code.textContent ?? ''
  let copied: boolean
  try {
    await win?.navigator.clipboard.writeText(text)
    copied = win?.navigator.clipboard !== undefined
  } catch {
    copied = false
  }
  if (!copied) {
    const range = doc.createRange()
    range.selectNodeContents(code)
    const selection = win?.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
  }
  button.textContent = copied ? t('Copied') : t('Selected: press Ctrl+C')
  announce(doc, copied ? t('Code copied.') : t('Code selected: press Ctrl+C to copy it.'))
  win?.setTimeout(() => {
    button.textContent = t('Copy')
  }, 2000)
}

export function codeBlocks(body: HTMLElement, _deps: IslandDeps): void {
  const doc = body.ownerDocument
  const win = doc.defaultView
  if (win === null) return
  const on = storedPreference(win)
  for (const pre of body.querySelectorAll<HTMLElement>('pre.code')) {
    const code = pre.querySelector<HTMLElement>('code')
    if (code === null) continue
    const tools = doc.createElement('div')
    tools.className = 'code-tools'
    const copy = doc.createElement('button')
    copy.type = 'button'
    copy.className = 'code-tool'
    copy.textContent = t('Copy')
    copy.addEventListener('click', () => void copyCode(code, copy))
    const numbers = doc.createElement('button')
    numbers.type = 'button'
    numbers.className = 'code-tool'
    numbers.textContent = t('Line numbers')
    numbers.dataset.lineNumbers = ''
    numbers.setAttribute('aria-pressed', String(on))
    numbers.addEventListener('click', () => {
      const next = !doc.documentElement.classList.contains(ROOT_CLASS)
      storePreference(win, next)
      setLineNumbers(doc, next)
    })
    tools.append(copy, numbers)
    // Before the fold wrapper when there is one, so the tools sit on top of the block.
    const anchor = pre.parentElement?.classList.contains('code-fold') ? pre.parentElement : pre
    anchor.insertAdjacentElement('beforebegin', tools)
  }
  if (on) setLineNumbers(doc, true)
}
