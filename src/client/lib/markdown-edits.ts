/**
 * The Markdown toolbar's edits as pure functions of the text and its selection, so they are tested
 * without a browser. Each returns the range of the text to replace, what replaces it, and where the
 * selection goes afterwards (offsets in the new text).
 */

/** A textarea's text and selection. */
export interface TextState {
  value: string
  start: number
  end: number
}

/** Replace `value.slice(from, to)` with `insert`, then select `select` (offsets in the result). */
export interface Edit {
  from: number
  to: number
  insert: string
  select: { start: number; end: number }
}

/** Applies an edit to a text state (what the textarea does, for tests and the fallback path). */
export function applyEdit(state: TextState, edit: Edit): TextState {
  return {
    value: state.value.slice(0, edit.from) + edit.insert + state.value.slice(edit.to),
    start: edit.select.start,
    end: edit.select.end,
  }
}

/** The longest run of backticks in `text`. */
function longestBacktickRun(text: string): number {
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  return longest
}

/**
 * `code` around the selection; a selection holding backticks gets a longer fence and spaces (as
 * CommonMark requires). With nothing selected, an empty pair with the caret inside.
 */
export function inlineCode({ value, start, end }: TextState): Edit {
  const selected = value.slice(start, end)
  const ticks = '`'.repeat(longestBacktickRun(selected) + 1)
  const pad = selected.includes('`') ? ' ' : ''
  const open = ticks + pad
  return {
    from: start,
    to: end,
    insert: `${open}${selected}${pad}${ticks}`,
    select: { start: start + open.length, end: start + open.length + selected.length },
  }
}

/**
 * A fenced code block around the selection, on lines of its own; the fence is longer than any run of
 * backticks inside. With nothing selected, an empty block with the caret inside.
 */
export function codeBlock({ value, start, end }: TextState): Edit {
  const selected = value.slice(start, end).replace(/\n$/, '')
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(selected) + 1))
  const before = start === 0 || value[start - 1] === '\n' ? '' : '\n'
  const after = end === value.length || value[end] === '\n' ? '' : '\n'
  const open = `${before}${fence}\n`
  const insert = `${open}${selected}\n${fence}${after}`
  return {
    from: start,
    to: end,
    insert,
    select: { start: start + open.length, end: start + open.length + selected.length },
  }
}

/**
 * A link: the selection becomes its text and the URL placeholder is selected; a selected URL becomes
 * the target and the caret goes to the (empty) text.
 */
export function link({ value, start, end }: TextState): Edit {
  const selected = value.slice(start, end)
  if (/^https?:\/\/\S+$/.test(selected.trim())) {
    return {
      from: start,
      to: end,
      insert: `[](${selected.trim()})`,
      select: { start: start + 1, end: start + 1 },
    }
  }
  const text = selected === '' ? 'text' : selected
  const url = 'https://'
  const urlStart = start + text.length + 3
  return {
    from: start,
    to: end,
    insert: `[${text}](${url})`,
    select:
      selected === ''
        ? { start: start + 1, end: start + 1 + text.length }
        : { start: urlStart, end: urlStart + url.length },
  }
}

/** The whole lines the selection touches: from the start of its first line to the end of its last. */
function lineRange(value: string, start: number, end: number): { from: number; to: number } {
  const from = value.lastIndexOf('\n', start - 1) + 1
  // A selection ending just after a newline does not take in the next line.
  const last = end > start && value[end - 1] === '\n' ? end - 1 : end
  const newline = value.indexOf('\n', last)
  return { from, to: newline === -1 ? value.length : newline }
}

/**
 * Prefixes each touched line with `prefix`, or removes it when every line has it already. Blank lines
 * between others get `blank` (a quote stays one quote; a list keeps its blank lines).
 */
function prefixLines(state: TextState, prefix: string, blank: string): Edit {
  const { from, to } = lineRange(state.value, state.start, state.end)
  const lines = state.value.slice(from, to).split('\n')
  const filled = lines.filter((line) => line.trim() !== '')
  const remove = filled.length > 0 && filled.every((line) => line.startsWith(prefix))
  const insert = lines
    .map((line) => {
      if (remove) return line.startsWith(prefix) ? line.slice(prefix.length) : line
      return line.trim() === '' && lines.length > 1 ? blank : prefix + line
    })
    .join('\n')
  const caretOnly = state.start === state.end && filled.length === 0
  return {
    from,
    to,
    insert,
    select: caretOnly
      ? { start: from + insert.length, end: from + insert.length }
      : { start: from, end: from + insert.length },
  }
}

/** "> " before each touched line (again: removed). */
export function quote(state: TextState): Edit {
  return prefixLines(state, '> ', '>')
}

/** "- " before each touched line (again: removed). */
export function bulletList(state: TextState): Edit {
  return prefixLines(state, '- ', '')
}

/** A paste this long is offered the fence or the attachment: more lines, or more bytes, than these. */
export const LARGE_PASTE = { lines: 20, bytes: 4096 } as const

/** Whether `offset` is inside a fenced code block (an odd number of fence lines before it). */
export function insideFence(value: string, offset: number): boolean {
  const fences = value.slice(0, offset).match(/^ {0,3}(```|~~~)/gm)
  return (fences?.length ?? 0) % 2 === 1
}

/**
 * Whether a paste is a large log worth offering to fence or attach: over {@link LARGE_PASTE}, not
 * fenced already, and not pasted inside a fence.
 */
export function isLargePaste(text: string, value: string, at: number): boolean {
  const lines = text.split('\n').length
  const bytes = new TextEncoder().encode(text).byteLength
  if (lines <= LARGE_PASTE.lines && bytes <= LARGE_PASTE.bytes) return false
  if (/^ {0,3}(```|~~~)/m.test(text)) return false
  return !insideFence(value, at)
}

/** The pasted text at `from`..`to` as a fenced block (the fence outlasts any backticks inside). */
export function fenceRange(value: string, from: number, to: number): Edit {
  return codeBlock({ value, start: from, end: to })
}
