/**
 * @mention autocomplete in a Markdown field: typing `@ab` asks /mentions/suggest for the names that
 * start with "ab" and lists them under the field (a listbox the field controls: `aria-autocomplete`,
 * `aria-controls`, `aria-activedescendant`, as the ARIA combobox pattern has it for a text field).
 * Down and Up move through the names, Enter or Tab puts the chosen one in, Escape closes the list; a
 * click chooses too. Without JavaScript the list stays hidden and `@name` is typed in full.
 */
import type { IslandDeps } from '../lib/deps.js'
import { t } from '../lib/i18n.js'
import { debounce } from './composer-preview.js'

/** The `@prefix` just before the caret, as the server's mention parser reads one, or null. */
export function mentionAtCaret(
  text: string,
  caret: number,
): { start: number; prefix: string } | null {
  const match = /(?:^|[\s([{"'])@([A-Za-z0-9_-]{1,30})$/.exec(text.slice(0, caret))
  if (!match?.[1]) return null
  return { start: caret - match[1].length - 1, prefix: match[1] }
}

/** The endpoint's answer, `{ users: [{ username }] }`, checked; [] when it is not one. */
export function parseSuggestions(json: unknown): string[] {
  const users = (json as { users?: unknown } | null)?.users
  if (!Array.isArray(users)) return []
  return users
    .map((u) => (u as { username?: unknown } | null)?.username)
    .filter((name): name is string => typeof name === 'string')
}

export function mentionSuggest(list: HTMLElement, deps: IslandDeps): void {
  const doc = list.ownerDocument
  const field = doc.getElementById(list.dataset.for ?? '')
  const endpoint = list.dataset.endpoint
  if (!(field instanceof HTMLTextAreaElement) || endpoint === undefined) return
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', t('People to mention'))
  field.setAttribute('aria-autocomplete', 'list')
  field.setAttribute('aria-controls', list.id)
  let names: string[] = []
  let active = -1
  let at: { start: number; prefix: string } | null = null
  let latest = 0

  const close = () => {
    names = []
    active = -1
    list.hidden = true
    list.replaceChildren()
    field.removeAttribute('aria-activedescendant')
  }

  const render = () => {
    if (names.length === 0) return close()
    list.replaceChildren(
      ...names.map((name, i) => {
        const option = doc.createElement('li')
        option.id = `${list.id}-${i}`
        option.setAttribute('role', 'option')
        option.setAttribute('aria-selected', String(i === active))
        option.textContent = `@${name}`
        // mousedown, not click: the field keeps its focus and caret.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault()
          choose(i)
        })
        return option
      }),
    )
    list.hidden = false
    if (active >= 0) field.setAttribute('aria-activedescendant', `${list.id}-${active}`)
    else field.removeAttribute('aria-activedescendant')
  }

  const choose = (i: number) => {
    const name = names[i]
    if (name === undefined || at === null) return
    const end = at.start + 1 + at.prefix.length
    const insert = `@${name} `
    field.value = field.value.slice(0, at.start) + insert + field.value.slice(end)
    const caret = at.start + insert.length
    field.setSelectionRange(caret, caret)
    field.dispatchEvent(new Event('input', { bubbles: true })) // previews and counters follow
    close()
  }

  const lookup = async () => {
    at = mentionAtCaret(field.value, field.selectionStart)
    const mine = ++latest
    if (at === null) return close()
    try {
      const res = await deps.fetch(`${endpoint}?q=${encodeURIComponent(at.prefix)}`, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      })
      const found = res.ok ? parseSuggestions(await res.json()) : []
      if (mine !== latest) return
      names = found
      active = names.length > 0 ? 0 : -1
      render()
    } catch {
      // Offline or refused: the name can still be typed in full.
    }
  }

  const schedule = debounce(() => void lookup(), 150, doc.defaultView ?? window)
  field.addEventListener('input', schedule)
  field.addEventListener('blur', close)
  field.addEventListener('keydown', (event) => {
    if (list.hidden || names.length === 0) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      active = (active + step + names.length) % names.length
      render()
    } else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
      event.preventDefault()
      choose(active)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  })
}
