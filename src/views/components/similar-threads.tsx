import { h } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { SimilarThread } from '../../domain/signatures/index.js'
import { currentLocale, t, withLocale, type Locale } from '../../i18n/index.js'
import { ThreadMarkers } from './thread-markers.js'
import { threadHref } from './thread-table.js'

/** The rows of a similar-threads list: title, Solved marker, replies, and the signatures it shares. */
export function SimilarThreadList({ threads }: { threads: SimilarThread[] }) {
  return (
    <ol class="similar-list">
      {threads.map((thread) => (
        <li key={thread.id} class="similar-item">
          <a class="similar-title" href={threadHref(thread)}>
            {thread.title}
          </a>{' '}
          <ThreadMarkers solved={thread.solved} pinned={false} locked={false} />{' '}
          <span class="similar-facts">
            {thread.shared.length > 0
              ? t('{count, plural, one {# reply} other {# replies}} · shares {signatures}', {
                  count: thread.replyCount,
                  signatures: thread.shared.join(', '),
                })
              : t('{count, plural, one {# reply} other {# replies}}', { count: thread.replyCount })}
          </span>
        </li>
      ))}
    </ol>
  )
}

/** The thread page's side panel: the threads most like this one. Absent when there are none. */
export function SimilarThreadsPanel({ threads }: { threads: SimilarThread[] }) {
  if (threads.length === 0) return null
  return (
    <aside class="similar-threads" aria-labelledby="similar-heading">
      <h2 id="similar-heading" class="similar-heading">
        {t('Similar threads')}
      </h2>
      <SimilarThreadList threads={threads} />
    </aside>
  )
}

/**
 * The fragment the ask page's island shows while a question is typed (and the /ask/similar endpoint returns):
 * a heading and the list, or nothing when no thread is close enough.
 */
export function SimilarThreadsFragment({ threads }: { threads: SimilarThread[] }) {
  if (threads.length === 0) return null
  return (
    <>
      <h2 class="similar-heading" id="ask-similar-heading">
        {t('Similar threads: is your question answered already?')}
      </h2>
      <SimilarThreadList threads={threads} />
    </>
  )
}

/**
 * The empty box on the ask page that the similar-threads island fills as the title and body change. Hidden
 * until there is something to show; announced politely when it changes. Without JavaScript it stays empty.
 */
export function SimilarThreadsBox({ endpoint }: { endpoint: string }) {
  return (
    <section
      class="similar-threads similar-threads-ask"
      data-island="similar-threads"
      data-endpoint={endpoint}
      data-sources="title body"
      aria-live="polite"
      aria-label={t('Similar threads')}
      hidden
    />
  )
}

/**
 * The ask page's fragment as HTML, for the JSON answer of /ask/similar (`{ threads, html }`), in
 * `locale` (the asker's; left out, the language of the surrounding `withLocale`).
 * @example reply.send({ threads, html: renderSimilarThreadsFragment(threads, req.locale) })
 */
export function renderSimilarThreadsFragment(
  threads: SimilarThread[],
  locale: Locale = currentLocale(),
): string {
  return withLocale(locale, () => renderToString(h(SimilarThreadsFragment, { threads })))
}
