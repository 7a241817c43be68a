/**
 * schema.org structured data for a thread page: a QAPage when the question has an accepted answer, which is
 * what search engines show as a Q&A result. Emitted by the layout as JSON-LD (see `serializeJsonLd`).
 */
import type { ThreadPageData } from '../../domain/threads/index.js'
import type { PostView } from '../../domain/posts/index.js'
import { displayName } from '../../domain/shared/index.js'
import { threadHref } from '../components/thread-table.js'
import type { SiteContext } from '../site.js'

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/**
 * The text of a post's stored HTML: tags dropped, entities decoded, whitespace collapsed. The stored HTML is
 * our own renderer's output, whose only entities are the ones above and numeric ones.
 *
 * @example postText('<p>a &amp; <code>b</code></p>') // "a & b"
 */
export function postText(html: string): string {
  return (
    html
      // Inline elements (code highlighting spans, links, emphasis) join their text; block elements separate it.
      .replace(/<\/?(?:span|code|a|em|strong|s)\b[^>]*>/g, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
        if (name.startsWith('#')) {
          const hex = name[1] === 'x' || name[1] === 'X'
          const code = hex ? parseInt(name.slice(2), 16) : Number(name.slice(1))
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
        }
        return HTML_ENTITIES[name.toLowerCase()] ?? entity
      })
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/**
 * QAPage data for a thread with an accepted answer; undefined for any other thread (not yet an answered
 * question, so not a Q&A result).
 *
 * @example <Layout site={site} meta={meta} structuredData={qaPageData(site, data)}>
 */
export function qaPageData(site: SiteContext, data: ThreadPageData): object | undefined {
  const { thread, question, replies } = data
  const accepted = replies.find((r) => r.accepted && !r.deleted)
  if (accepted === undefined || question.deleted) return undefined
  const url = site.baseUrl.replace(/\/+$/, '') + threadHref(thread)
  const person = (post: PostView) => ({ '@type': 'Person', name: displayName(post.author) })
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    mainEntity: {
      '@type': 'Question',
      name: thread.title,
      text: postText(question.bodyHtml) || thread.title,
      answerCount: replies.filter((r) => !r.deleted).length,
      upvoteCount: question.boostCount,
      dateCreated: new Date(thread.createdAt).toISOString(),
      author: person(question),
      acceptedAnswer: {
        '@type': 'Answer',
        text: postText(accepted.bodyHtml),
        upvoteCount: accepted.boostCount,
        dateCreated: new Date(accepted.createdAt).toISOString(),
        url: `${url}#post-${accepted.id}`,
        author: person(accepted),
      },
    },
  }
}
