import { formatCount, formatDate } from '../../domain/format/index.js'
import type { PostView, ThreadPageData, ThreadView } from '../../domain/threads/threads.types.js'
import { countNoun, exactCount } from '../components/count-noun.js'
import { Post } from '../components/post.js'
import { RelativeTime } from '../components/relative-time.js'
import { ReplyForm } from '../components/reply-form.js'
import { TagList } from '../components/tag-list.js'
import { ThreadMarkers } from '../components/thread-markers.js'
import { threadHref } from '../components/thread-table.js'
import { UserName } from '../components/user-name.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface ThreadPageProps {
  site: SiteContext
  data: ThreadPageData
}

function ThreadMeta({ thread, now }: { thread: ThreadView; now: number }) {
  return (
    <ul class="thread-meta">
      <li>
        Asked by <UserName user={thread.author} /> on{' '}
        <time datetime={new Date(thread.createdAt).toISOString()}>
          {formatDate(thread.createdAt)}
        </time>
      </li>
      <li>
        <data value={String(thread.viewCount)} title={exactCount(thread.viewCount)}>
          {formatCount(thread.viewCount)}
        </data>{' '}
        {thread.viewCount === 1 ? 'view' : 'views'}
      </li>
      <li>
        Last activity <RelativeTime at={thread.lastActivityAt} now={now} />
      </li>
      {(thread.solved || thread.pinned || thread.locked) && (
        <li>
          <ThreadMarkers solved={thread.solved} pinned={thread.pinned} locked={thread.locked} />
        </li>
      )}
    </ul>
  )
}

function ReplyArea({ site, thread }: { site: SiteContext; thread: ThreadView }) {
  if (thread.locked) {
    return <p class="notice">This thread is locked: it takes no new replies.</p>
  }
  if (site.viewer === null) {
    return (
      <p class="notice">
        <a href={`/login?next=/threads/${thread.id}`}>Sign in to reply</a>
      </p>
    )
  }
  return <ReplyForm threadId={thread.id} csrfToken={site.csrfToken} />
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/**
 * The text of a post's stored HTML, for structured data: tags dropped, entities decoded, whitespace
 * collapsed. The stored HTML is our own renderer's output, whose only entities are the ones above and
 * numeric ones.
 *
 * @example postText('<p>a &amp; <code>b</code></p>') // "a & b"
 */
export function postText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
      }
      return HTML_ENTITIES[name.toLowerCase()] ?? entity
    })
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * schema.org QAPage data for a thread with an accepted answer (what search engines show as a Q&A result);
 * undefined for other threads, which are not yet answered questions.
 */
export function qaPageData(site: SiteContext, data: ThreadPageData): object | undefined {
  const { thread, question, replies } = data
  const accepted = replies.find((r) => r.accepted && !r.deleted)
  if (accepted === undefined || question.deleted) return undefined
  const url = site.baseUrl.replace(/\/+$/, '') + threadHref(thread)
  const person = (post: PostView) => ({ '@type': 'Person', name: post.author.username })
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

/** A thread: title, tags and facts, the question, then its replies (accepted first, as the data is ordered). */
export function ThreadPage({ site, data }: ThreadPageProps) {
  const { thread, question, replies } = data
  const tagNames = thread.tags.map((t) => t.name).join(', ')
  return (
    <Layout
      site={site}
      meta={{
        title: thread.title,
        description: `${thread.title}: a question${tagNames === '' ? '' : ` about ${tagNames}`} with ${countNoun(thread.replyCount, 'reply', 'replies')}.`,
        canonicalPath: threadHref(thread),
        ogType: 'article',
      }}
      structuredData={qaPageData(site, data)}
    >
      <header class="page-header thread-header">
        <h1>{thread.title}</h1>
        <TagList tags={thread.tags} />
        <ThreadMeta thread={thread} now={site.now} />
      </header>
      <Post post={question} kind="question" now={site.now} headingLevel={2} />
      <section class="replies" aria-labelledby="replies-heading">
        <h2 id="replies-heading">{countNoun(replies.length, 'Reply', 'Replies')}</h2>
        {replies.map((reply) => (
          <Post key={reply.id} post={reply} kind="reply" now={site.now} headingLevel={3} />
        ))}
        <ReplyArea site={site} thread={thread} />
      </section>
    </Layout>
  )
}
