import type { DiffPart } from '../../domain/posts/index.js'
import type { Role, UserRef } from '../../domain/shared/index.js'
import { formatDate } from '../../domain/format/index.js'
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
            <span class="visually-hidden">[added: </span>
            {part.text}
            <span class="visually-hidden">]</span>
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={i}>
            <span class="visually-hidden">[removed: </span>
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
  const label = revision.number === 1 ? 'Original' : `Revision ${revision.number}`
  return (
    <article class="revision" aria-labelledby={headingId}>
      <header class="revision-header">
        <h2 id={headingId}>
          {label}
          {current && <span class="muted"> (current)</span>}
        </h2>
        <p class="revision-meta">
          {revision.number === 1 ? 'Written by ' : 'Edited by '}
          <UserName user={revision.editor} /> <RelativeTime at={revision.createdAt} now={now} />{' '}
          <span class="muted">({formatDate(revision.createdAt)})</span>
        </p>
        {revision.staffNote !== undefined && revision.staffNote !== null && (
          <p class="revision-staff-note">
            Edited by {revision.editor.role === 'admin' ? 'admin' : 'moderator'}{' '}
            {revision.editor.username}: {revision.staffNote}
          </p>
        )}
        {revision.reason !== undefined && revision.reason !== null && (
          <p class="revision-reason">
            <span class="muted">Reason: </span>
            {revision.reason}
          </p>
        )}
      </header>
      {revision.title !== null && (
        <p class="revision-title">
          <span class="muted">Title: </span>
          {revision.changes?.title ? <Diff parts={revision.changes.title} /> : revision.title}
        </p>
      )}
      {/* The Markdown source as typed, or its changes since the revision before: kept verbatim and
          scrollable; tabindex lets keyboards scroll it. */}
      {revision.changes && (
        <p class="revision-meta muted">
          Changes from {revision.number === 2 ? 'the original' : `revision ${revision.number - 1}`}:
          struck out removed, underlined added.
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
    <Layout site={site} meta={{ title: `Edit history – ${post.threadTitle}`, noindex: true }}>
      <header class="page-header">
        <h1>Edit history</h1>
        <p class="lede">
          Of a post in <a href={back}>{post.threadTitle}</a>
        </p>
        <p class="listing-count">
          {newestFirst.length === 1 ? '1 version' : `${newestFirst.length} versions`}, newest first
        </p>
      </header>
      {newestFirst.length === 0 ? (
        <p class="empty-state">This post has never been edited.</p>
      ) : (
        <div class="revision-list">
          {newestFirst.map((revision, i) => (
            <Revision key={revision.number} revision={revision} current={i === 0} now={site.now} />
          ))}
        </div>
      )}
      <p>
        <a href={back}>Back to the thread</a>
      </p>
    </Layout>
  )
}
