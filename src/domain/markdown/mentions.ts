/**
 * `@username` in prose becomes a link to the person's profile, at render time like the rest of the
 * Markdown. Never inside code (code spans and blocks are not text tokens) nor inside a link. The same
 * pattern decides who a post notifies (domain/notifications), so what is linked is what notifies.
 */
import type { StateCore, Token } from 'markdown-it'

/**
 * A name as usernames are made (users.policy.ts: 3–30 of A–Z, a–z, 0–9, `_`, `-`), at the start of the
 * text or after a space or an opening bracket or quote: so `me@example.com` and `a+@b` are not mentions.
 */
export const MENTION_PATTERN = /(?<![^\s([{"'])@([A-Za-z0-9_-]{3,30})(?![\w-])/g

function mentionTokens(state: StateCore, text: string, level: number): Token[] | null {
  const out: Token[] = []
  let last = 0
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const at = match.index ?? 0
    const name = match[1]!
    if (at > last)
      out.push(
        Object.assign(new state.Token('text', '', 0), { content: text.slice(last, at), level }),
      )
    const open = new state.Token('link_open', 'a', 1)
    open.attrs = [
      ['href', `/users/${encodeURIComponent(name)}`],
      ['class', 'mention'],
    ]
    open.meta = { mention: true }
    open.level = level
    out.push(open)
    out.push(
      Object.assign(new state.Token('text', '', 0), { content: `@${name}`, level: level + 1 }),
    )
    const close = new state.Token('link_close', 'a', -1)
    close.level = level
    out.push(close)
    last = at + match[0].length
  }
  if (out.length === 0) return null
  if (last < text.length)
    out.push(Object.assign(new state.Token('text', '', 0), { content: text.slice(last), level }))
  return out
}

/** The core rule: runs after inline parsing (and linkify), rewriting text tokens outside links. */
export function linkMentions(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue
    const children: Token[] = []
    let inLink = 0
    for (const child of block.children) {
      if (child.type === 'link_open') inLink++
      if (child.type === 'link_close') inLink--
      const replaced =
        child.type === 'text' && inLink === 0 && child.content.includes('@')
          ? mentionTokens(state, child.content, child.level)
          : null
      if (replaced) children.push(...replaced)
      else children.push(child)
    }
    block.children = children
  }
}
