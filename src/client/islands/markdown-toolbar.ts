/**
 * The Markdown toolbar above a composer's textarea (`data-for`: the textarea's id): code block, inline
 * code, link, quote and list, each a real button with its shortcut in its title, acting on the
 * selection; Ctrl/Cmd+Enter posts the form; a large paste (a log) is offered a fence or, where the form
 * takes attachments, a file of its own. The element is empty and hidden in the HTML: without JavaScript
 * there are no buttons that do nothing.
 */
import type { IslandDeps } from '../lib/deps.js'
import {
  bulletList,
  codeBlock,
  fenceRange,
  inlineCode,
  isLargePaste,
  link,
  quote,
  type Edit,
  type TextState,
} from '../lib/markdown-edits.js'
import { formatByteSize } from '../../views/components/byte-size.js'
import { msg, number, pageLocale, t } from '../lib/i18n.js'

interface Action {
  name: string
  /** English, marked for the catalogue; shown with t(). */
  label: string
  /** KeyboardEvent.code with Ctrl (Cmd on a Mac), and Shift when `shift`. */
  code: string
  shift: boolean
  /** How the key is written in titles and aria-keyshortcuts. */
  key: string
  edit: (state: TextState) => Edit
}

/**
 * Code block is Ctrl+Shift+L ("log", what people fence most here), not Ctrl+Shift+C: Chrome and Firefox
 * open their element inspector on that before the page sees the key. The `?` list shows these too
 * (views/components/keyboard-shortcuts.tsx; a unit test keeps the two in step).
 */
export const TOOLBAR_ACTIONS: readonly Action[] = [
  {
    name: 'code-block',
    label: msg('Code block'),
    code: 'KeyL',
    shift: true,
    key: 'L',
    edit: codeBlock,
  },
  {
    name: 'inline-code',
    label: msg('Inline code'),
    code: 'KeyE',
    shift: false,
    key: 'E',
    edit: inlineCode,
  },
  { name: 'link', label: msg('Link'), code: 'KeyK', shift: false, key: 'K', edit: link },
  { name: 'quote', label: msg('Quote'), code: 'Period', shift: true, key: '.', edit: quote },
  { name: 'list', label: msg('List'), code: 'Digit8', shift: true, key: '8', edit: bulletList },
]

/** "Ctrl+Shift+L" (German: "Strg+Umschalt+L"), or "⌘⇧L" on a Mac. */
function shortcutText(action: Pick<Action, 'shift' | 'key'>, mac: boolean): string {
  if (mac) return `⌘${action.shift ? '⇧' : ''}${action.key}`
  const { key } = action
  return action.shift ? t('Ctrl+Shift+{key}', { key }) : t('Ctrl+{key}', { key })
}

/** Replaces a range of the textarea so that the browser's undo can take it back, then selects. */
export function applyToTextarea(textarea: HTMLTextAreaElement, edit: Edit): void {
  const doc = textarea.ownerDocument
  const expected = textarea.value.slice(0, edit.from) + edit.insert + textarea.value.slice(edit.to)
  textarea.focus()
  textarea.setSelectionRange(edit.from, edit.to)
  // execCommand keeps the edit on the undo stack and fires `input` itself; it is absent or refuses
  // in some browsers (and in jsdom), so the result is checked.
  let done: boolean
  try {
    done =
      edit.insert === ''
        ? doc.execCommand('delete', false)
        : doc.execCommand('insertText', false, edit.insert)
  } catch {
    done = false
  }
  if (!done || textarea.value !== expected) {
    textarea.value = expected
    textarea.dispatchEvent(new Event('input', { bubbles: true }))
  }
  textarea.setSelectionRange(edit.select.start, edit.select.end)
}

/** The button that posts the form: the one named post or save, else the last submit button. */
function primarySubmit(form: HTMLFormElement): HTMLButtonElement | null {
  const named = form.querySelector<HTMLButtonElement>(
    'button[type="submit"][value="post"], button[type="submit"][value="save"]',
  )
  if (named !== null) return named
  const all = form.querySelectorAll<HTMLButtonElement>('button[type="submit"], button:not([type])')
  return all.length === 0 ? null : all[all.length - 1]!
}

let pasteCount = 0

export function markdownToolbar(bar: HTMLElement, _deps: IslandDeps): void {
  const doc = bar.ownerDocument
  const target = doc.getElementById(bar.dataset.for ?? '')
  if (target?.tagName !== 'TEXTAREA') return
  const textarea = target as HTMLTextAreaElement
  const form = textarea.form
  const nav = doc.defaultView?.navigator
  const mac = /Mac|iPhone|iPad/.test(nav?.platform ?? '')
  const state = (): TextState => ({
    value: textarea.value,
    start: textarea.selectionStart,
    end: textarea.selectionEnd,
  })

  bar.setAttribute('role', 'toolbar')
  bar.setAttribute('aria-label', t('Formatting'))
  bar.setAttribute('aria-controls', textarea.id)
  const buttons = TOOLBAR_ACTIONS.map((action) => {
    const button = doc.createElement('button')
    button.type = 'button'
    button.className = 'md-button'
    button.dataset.action = action.name
    const label = t(action.label)
    button.textContent = label
    button.title = `${label} (${shortcutText(action, mac)})`
    button.setAttribute(
      'aria-keyshortcuts',
      `${mac ? 'Meta' : 'Control'}+${action.shift ? 'Shift+' : ''}${action.key}`,
    )
    button.addEventListener('click', () => applyToTextarea(textarea, action.edit(state())))
    return button
  })
  const hint = doc.createElement('span')
  hint.className = 'md-hint'
  hint.textContent = t('{keys} posts', { keys: mac ? '⌘Enter' : t('Ctrl+{key}', { key: 'Enter' }) })
  bar.append(...buttons, hint)
  bar.hidden = false

  textarea.addEventListener('keydown', (event) => {
    const mod = mac ? event.metaKey : event.ctrlKey
    if (!mod || event.altKey) return
    if (event.key === 'Enter' && form !== null) {
      event.preventDefault()
      form.requestSubmit(primarySubmit(form))
      return
    }
    const action = TOOLBAR_ACTIONS.find((a) => a.code === event.code && a.shift === event.shiftKey)
    if (action === undefined) return
    event.preventDefault()
    applyToTextarea(textarea, action.edit(state()))
  })
  // Ctrl/Cmd+Enter from the title or tags posts too.
  form?.addEventListener('keydown', (event) => {
    if (event.target === textarea || event.key !== 'Enter') return
    if (!(mac ? event.metaKey : event.ctrlKey) || event.altKey) return
    if ((event.target as Element).tagName !== 'INPUT') return
    event.preventDefault()
    form.requestSubmit(primarySubmit(form))
  })

  offerForLargePastes(textarea, form)
}

/**
 * After a paste of a log (more than 20 lines or 4 KB, not fenced): "Fence it as a code block", "Attach
 * as a file" (when the form has a file field) or "Keep as is". Any other edit withdraws the offer.
 */
function offerForLargePastes(textarea: HTMLTextAreaElement, form: HTMLFormElement | null): void {
  const doc = textarea.ownerDocument
  const files = form?.querySelector<HTMLInputElement>('input[type="file"]') ?? null
  let offer: HTMLElement | null = null
  let ours = false
  const withdraw = () => {
    offer?.remove()
    offer = null
  }
  textarea.addEventListener('input', () => {
    if (!ours) withdraw()
  })
  textarea.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain').replace(/\r\n?/g, '\n') ?? ''
    const from = textarea.selectionStart
    if (text === '' || !isLargePaste(text, textarea.value, from)) return
    // The browser pastes; the offer follows once the text is in.
    doc.defaultView?.setTimeout(() => {
      if (textarea.value.slice(from, from + text.length) !== text) return
      withdraw()
      offer = buildOffer(text, files !== null)
      textarea.insertAdjacentElement('afterend', offer)
      const act = (edit: Edit, done: string) => {
        ours = true
        applyToTextarea(textarea, edit)
        ours = false
        withdraw()
        say(done)
      }
      offer.addEventListener('click', (e) => {
        const choice = (e.target as HTMLElement).closest('button')?.dataset.choice
        if (choice === 'fence')
          act(fenceRange(textarea.value, from, from + text.length), t('Fenced as a code block.'))
        if (choice === 'attach' && files !== null) {
          const name = `pasted-${++pasteCount}.log`
          const transfer = new DataTransfer()
          for (const file of files.files ?? []) transfer.items.add(file)
          transfer.items.add(new File([text], name, { type: 'text/plain' }))
          files.files = transfer.files
          files.dispatchEvent(new Event('change', { bubbles: true }))
          const end = from + text.length
          act(
            { from, to: end, insert: '', select: { start: from, end: from } },
            t('Attached as {name}.', { name }),
          )
        }
        if (choice === 'keep') {
          withdraw()
          textarea.focus()
        }
      })
    }, 0)
  })

  /** A short confirmation in the textarea's place for screen readers, via a polite region. */
  const status = doc.createElement('p')
  status.className = 'visually-hidden'
  status.setAttribute('aria-live', 'polite')
  textarea.insertAdjacentElement('afterend', status)
  const say = (text: string) => {
    status.textContent = text
  }

  function buildOffer(text: string, canAttach: boolean): HTMLElement {
    const box = doc.createElement('div')
    box.className = 'paste-offer'
    box.setAttribute('role', 'group')
    box.setAttribute('aria-label', t('Large paste'))
    const values = {
      lines: number(text.split('\n').length),
      size: formatByteSize(new TextEncoder().encode(text).byteLength, pageLocale()),
    }
    const p = doc.createElement('p')
    p.textContent = canAttach
      ? t(
          'You pasted {lines} lines ({size}). Logs read best fenced as code or attached as a file.',
          values,
        )
      : t('You pasted {lines} lines ({size}). Logs read best fenced as code.', values)
    box.append(p)
    const choices: [string, string][] = [
      ['fence', t('Fence it as a code block')],
      ...(canAttach ? ([['attach', t('Attach as a file')]] as [string, string][]) : []),
      ['keep', t('Keep as is')],
    ]
    for (const [choice, label] of choices) {
      const button = doc.createElement('button')
      button.type = 'button'
      button.className = 'button button-quiet'
      button.dataset.choice = choice
      button.textContent = label
      box.append(button)
    }
    return box
  }
}
