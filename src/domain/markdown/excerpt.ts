/**
 * Plain text from Markdown, for list-page excerpts, meta descriptions and the search index. It walks the token
 * stream of the same parser the renderer uses, so what counts as a link, code or an image never differs
 * between a post and its excerpt. The result is text, not HTML: views escape it like any other string.
 */
import type { Token } from 'markdown-it'
import { parseMarkdown } from './render.js'

/** Excerpt length on list pages, in characters (UTF-16 code units), before the "…". */
export const DEFAULT_EXCERPT_LENGTH = 200

const ELLIPSIS = '\u2026'

/** Attachment references written into a body ("[attachment: panic.ips]"): names, not prose. */
const ATTACHMENT_RE = /\[attachment:[^\]\n]*\]/gi

/** Punctuation that reads badly right before "…" ("foo, …", "bar (…"). */
const DANGLING_END_RE = /[\s,;:([{\-\u2013\u2014]+$/u

/**
 * The readable text of a Markdown body on one line: paragraphs, headings, list items, quotes, table cells,
 * link text and inline code are kept; fenced and indented code blocks, images and attachment references are
 * dropped; entities are decoded and all whitespace runs become one space.
 *
 * @example toPlainText('# Hi\n\nSee [the docs](https://a.test) and `kextutil`.\n\n```c\nint x;\n```')
 * // "Hi See the docs and kextutil."
 */
export function toPlainText(markdown: string): string {
  const parts: string[] = []
  for (const token of parseMarkdown(markdown)) {
    // Block tokens other than `inline` carry no text we keep: `fence` and `code_block` are dropped on purpose,
    // since a wall of code says little in a one-line summary.
    if (token.type === 'inline') parts.push(inlineText(token.children ?? []))
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}

/**
 * A list-page excerpt: {@link toPlainText}, cut at the last word boundary within `max` characters, with "…"
 * appended only when something was cut (so the result is at most `max + 1` characters). A single word longer
 * than `max` is cut inside the word, never inside a surrogate pair.
 *
 * @example toExcerpt('The kext loads, then panics on wake', 20) // "The kext loads, then…"
 */
export function toExcerpt(markdown: string, max: number = DEFAULT_EXCERPT_LENGTH): string {
  return cutAtWord(toPlainText(markdown), Math.max(1, Math.floor(max)))
}

function inlineText(children: Token[]): string {
  let text = ''
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        text += child.content
        break
      case 'softbreak':
      case 'hardbreak':
      case 'image': // dropped, but it still separates the words around it
        text += ' '
        break
      default: // link_open/close, em, strong, s: markup only; their text arrives as `text` tokens
        break
    }
  }
  return text.replace(ATTACHMENT_RE, ' ')
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  // `text` is trimmed with single spaces, so a space at index `max` means the first `max` characters are whole words.
  let cut = text.lastIndexOf(' ', max)
  if (cut <= 0) {
    cut = max
    const code = text.charCodeAt(cut - 1)
    if (code >= 0xd800 && code <= 0xdbff) cut-- // keep a surrogate pair (emoji, rare CJK) whole
  }
  const head = text.slice(0, cut)
  const tidy = head.replace(DANGLING_END_RE, '')
  return `${tidy === '' ? head : tidy}${ELLIPSIS}`
}
