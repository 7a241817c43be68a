/** RSS 2.0 for a tag's newest threads. */
import type { TagSummary } from '../domain/tags/index.js'
import type { ThreadListItem } from '../domain/thread-lists/index.js'
import { threadPath } from '../domain/format/index.js'
import { displayName } from '../domain/shared/index.js'

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Escapes text for XML and drops characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c)
}

export function renderTagFeed(origin: string, tag: TagSummary, threads: ThreadListItem[]): string {
  const tagUrl = `${origin}/tags/${encodeURIComponent(tag.slug)}`
  const items = threads
    .map((t) => {
      const url = `${origin}${threadPath(t.id, t.slug)}`
      return [
        '    <item>',
        `      <title>${xmlEscape(t.title)}</title>`,
        `      <link>${xmlEscape(url)}</link>`,
        `      <guid isPermaLink="true">${xmlEscape(url)}</guid>`,
        `      <description>${xmlEscape(t.excerpt)}</description>`,
        `      <dc:creator>${xmlEscape(displayName(t.author))}</dc:creator>`,
        `      <pubDate>${new Date(t.createdAt).toUTCString()}</pubDate>`,
        '    </item>',
      ].join('\n')
    })
    .join('\n')
  const updated = threads.reduce((max, t) => Math.max(max, t.createdAt), 0)
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xmlEscape(`${tag.name} – Quorum`)}</title>
    <link>${xmlEscape(tagUrl)}</link>
    <description>${xmlEscape(tag.description || `Posts under ${tag.name} tag`)}</description>
    <language>en</language>
    <atom:link href="${xmlEscape(`${tagUrl}/feed`)}" rel="self" type="application/rss+xml"/>
${updated > 0 ? `    <lastBuildDate>${new Date(updated).toUTCString()}</lastBuildDate>\n` : ''}${items}
  </channel>
</rss>
`
}
