/**
 * @mentions as Markdown readers see them: `@name` in text, never inside inline code, code blocks or
 * raw HTML. Parsed with the same Markdown parser the renderer uses, so what counts as code agrees.
 */
import MarkdownIt from 'markdown-it'
import { MENTION_PATTERN } from '../markdown/index.js'
import { MAX_MENTIONS } from './notifications.types.js'

const parser = new MarkdownIt({ html: false, linkify: false })

/** The text of a post outside code, one line per text run. */
function proseOf(markdown: string): string {
  const lines: string[] = []
  for (const token of parser.parse(markdown, {})) {
    if (token.type !== 'inline') continue
    let run = ''
    for (const child of token.children ?? []) {
      if (child.type === 'text') run += child.content
      else {
        lines.push(run)
        run = ''
      }
    }
    lines.push(run)
  }
  return lines.join('\n')
}

/** The distinct names a post mentions, in order, case-insensitively, at most {@link MAX_MENTIONS}. */
export function parseMentions(markdown: string, max = MAX_MENTIONS): string[] {
  const seen = new Map<string, string>()
  for (const match of proseOf(markdown).matchAll(MENTION_PATTERN)) {
    const name = match[1]!
    const key = name.toLowerCase()
    if (!seen.has(key)) seen.set(key, name)
    if (seen.size >= max) break
  }
  return [...seen.values()]
}
