import type { ComponentChildren } from 'preact'
import type { DiffPart } from '../../domain/posts/index.js'
import type { Role, UserRef } from '../../domain/shared/index.js'
import { date, t, tx } from '../../i18n/index.js'
import { RelativeTime } from '../components/relative-time.js'
import { threadHref } from '../components/thread-table.js'
import { UserName } from '../components/user-name.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface RevisionView {
  /** 1 is the post as first written. */
  number: number
  editor: UserRef & { role?: Role }
  createdAt: number
  /** The question's title at this revision; null for replies and comments. */
  title: string | null
  bodyMarkdown: string
  /** What a staff editor said about the edit. */
  staffNote?: string | null
  /** Why the editor changed it, in their words. */
  reason?: string | null
  /** What changed since the revision before (null for the original): the title only when it changed. */
  changes?: { title: DiffPart[] | null; body: DiffPart[] } | null
}

export interface RevisionsPageProps {
  site: SiteContext
  post: { id: number; threadId: number; threadTitle: string; threadSlug: string }
  revisions: RevisionView[]
}

/**
 * A word-level diff: insertions in <ins>, deletions in <del>, each starting with words for screen readers
 * (most announce neither element), and the runs both versions share as plain text.
 */
function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'added' ? (
          <ins key={i}>
            <span class="visually-hidden">{t('[added: ')}</span>
            {part.text}
            <span class="visually-hidden">]</span>
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={i}>
            <span class="visually-hidden">{t('[removed: ')}</span>
            {part.text}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          part.text
        ),
      )}
    </>
  )
}

function Revision({
  revision,
  current,
  now,
}: {
  revision: RevisionView
  current: boolean
  now: number
}) {
  const headingId = `revision-${revision.number}`
  const byline = {
    user: <UserName user={revision.editor} />,
    time: <RelativeTime at={revision.createdAt} now={now} />,
    date: date(revision.createdAt),
    muted: (chunks: ComponentChildren[]) => <span class="muted">{chunks}</span>,
  }
  const label =
    revision.number === 1
      ? t('Original')
      : t('Revision {number, number}', { number: revision.number })
  return (
    <article class="revision" aria-labelledby={headingId}>
      <header class="revision-header">
        <h2 id={headingId}>
          {label}
          {current && <span class="muted"> {t('(current)')}</span>}
        </h2>
        <p class="revision-meta">
          {revision.number === 1
            ? tx('Written by {user} {time} <muted>({date})</muted>', byline)
            : tx('Edited by {user} {time} <muted>({date})</muted>', byline)}
        </p>
        {revision.staffNote !== undefined && revision.staffNote !== null && (
          <p class="revision-staff-note">
            {t(
              '{role, select, admin {Edited by admin {username}: {note}} other {Edited by moderator {username}: {note}}}',
              {
                role: revision.editor.role === 'admin' ? 'admin' : 'moderator',
                username: revision.editor.username,
                note: revision.staffNote,
              },
            )}
          </p>
        )}
        {revision.reason !== undefined && revision.reason !== null && (
          <p class="revision-reason">
            <span class="muted">{t('Reason:')} </span>
            {revision.reason}
          </p>
        )}
      </header>
      {revision.title !== null && (
        <p class="revision-title">
          <span class="muted">{t('Title:')} </span>
          {revision.changes?.title ? <Diff parts={revision.changes.title} /> : revision.title}
        </p>
      )}
      {/* The Markdown source as typed, or its changes since the revision before: kept verbatim and
          scrollable; tabindex lets keyboards scroll it. */}
      {revision.changes && (
        <p class="revision-meta muted">
          {revision.number === 2
            ? t('Changes from the original: struck out removed, underlined added.')
            : t('Changes from revision {number, number}: struck out removed, underlined added.', {
                number: revision.number - 1,
              })}
        </p>
      )}
      <pre
        class={revision.changes ? 'revision-source revision-diff' : 'revision-source'}
        tabIndex={0}
      >
        {revision.changes ? <Diff parts={revision.changes.body} /> : revision.bodyMarkdown}
      </pre>
    </article>
  )
}

/**
 * Every kept version of a post, newest first, each with who edited it, when and why, and its Markdown
 * source marked with what changed since the version before (the original shown whole).
 */
export function RevisionsPage({ site, post, revisions }: RevisionsPageProps) {
  const newestFirst = [...revisions].sort((a, b) => b.number - a.number)
  const back = `${threadHref({ id: post.threadId, slug: post.threadSlug })}#post-${post.id}`
  return (
    <Layout
      site={site}
      meta={{ title: t('Edit history – {title}', { title: post.threadTitle }), noindex: true }}
    >
      <header class="page-header">
        <h1>{t('Edit history')}</h1>
        <p class="lede">
          {tx('Of a post in <a>{title}</a>', {
            title: post.threadTitle,
            a: (chunks) => <a href={back}>{chunks}</a>,
          })}
        </p>
        <p class="listing-count">
          {t('{count, plural, one {# version} other {# versions}}, newest first', {
            count: newestFirst.length,
          })}
        </p>
      </header>
      {newestFirst.length === 0 ? (
        <p class="empty-state">{t('This post has never been edited.')}</p>
      ) : (
        <div class="revision-list">
          {newestFirst.map((revision, i) => (
            <Revision key={revision.number} revision={revision} current={i === 0} now={site.now} />
          ))}
        </div>
      )}
      <p>
        <a href={back}>{t('Back to the thread')}</a>
      </p>
    </Layout>
  )
}
