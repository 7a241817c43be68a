import type { SimilarThread, ThreadMentions } from '../../domain/signatures/index.js'
import type { PostControls, ThreadPageData, ThreadViewerState } from '../../domain/threads/index.js'
import type { PostView } from '../../domain/posts/index.js'
import type { ThreadView } from '../../domain/thread-lists/index.js'
import { count, date, number, t, tx } from '../../i18n/index.js'
import { CrashNotes, MentionsLine } from '../components/mentions.js'
import { hiddenNotice, Post } from '../components/post.js'
import { RelativeTime } from '../components/relative-time.js'
import { DraftNotice } from '../components/draft-notice.js'
import { formPageTitle } from '../components/form-fields.js'
import { ReplyForm } from '../components/reply-form.js'
import { SimilarThreadsPanel } from '../components/similar-threads.js'
import { StaffPanel, type StaffFormState } from '../components/staff-panel.js'
import { TagList } from '../components/tag-list.js'
import { ThreadMarkers } from '../components/thread-markers.js'
import { threadHref } from '../components/thread-table.js'
import { UserName } from '../components/user-name.js'
import { WatchControl } from '../components/watch-control.js'
import type { Draft } from '../../domain/drafts/index.js'
import type { WatchState } from '../../domain/watching/index.js'
import { Layout } from '../layout/layout.js'
import type { FormState } from '../forms.js'
import type { SiteContext } from '../site.js'
import { qaPageData } from './thread-structured-data.js'

export interface ThreadPageProps {
  site: SiteContext
  data: ThreadPageData
  /** What the signed-in viewer may do; absent for anonymous readers (no buttons, counts only). */
  viewer?: ThreadViewerState
  /** A reply that failed validation without JavaScript: the reply form comes back refilled. */
  form?: FormState<{ body: string }>
  /** A comment that failed validation without JavaScript: that post's comment form reopens refilled. */
  commentForm?: { postId: number; form: FormState<{ body: string }> }
  /** What the posts mention (the Mentions line, crash notes) and the most similar threads; optional. */
  signatures?: { mentions: ThreadMentions; similar: SimilarThread[] }
  /** The signed-in viewer's level for this thread; absent for anonymous readers. */
  watch?: WatchState
  /** A staff form that was refused without JavaScript: the Staff section reopens with it refilled. */
  staffForm?: StaffFormState
  /** A line for the viewer about what they just did (their post waits for a moderator). */
  notice?: string
  /** The viewer's saved draft of a reply to this thread: the reply form comes back with it. */
  draft?: Draft
}

function ThreadMeta({
  thread,
  now,
  acceptable,
}: {
  thread: ThreadView
  now: number
  /** The viewer may accept a reply, so the accept island may need to show or hide "Solved". */
  acceptable: boolean
}) {
  return (
    <ul class="thread-meta">
      <li>
        {tx('Asked by {user} on {date}', {
          user: <UserName user={thread.author} />,
          date: (
            <time datetime={new Date(thread.createdAt).toISOString()}>
              {date(thread.createdAt)}
            </time>
          ),
        })}
      </li>
      <li>
        {tx('{count, plural, one {{views} view} other {{views} views}}', {
          count: thread.viewCount,
          views: (
            <data value={String(thread.viewCount)} title={number(thread.viewCount)}>
              {count(thread.viewCount)}
            </data>
          ),
        })}
      </li>
      <li>
        {tx('Last activity {time}', {
          time: <RelativeTime at={thread.lastActivityAt} now={now} />,
        })}
      </li>
      {(thread.solved || acceptable) && (
        <li data-thread-solved hidden={!thread.solved}>
          <ThreadMarkers solved pinned={false} locked={false} />
        </li>
      )}
      {(thread.pinned || thread.locked) && (
        <li>
          <ThreadMarkers solved={false} pinned={thread.pinned} locked={thread.locked} />
        </li>
      )}
    </ul>
  )
}

function ReplyArea({
  site,
  thread,
  viewer,
  form,
  draft,
}: {
  site: SiteContext
  thread: ThreadView
  viewer: ThreadViewerState | undefined
  form: FormState<{ body: string }> | undefined
  draft: Draft | undefined
}) {
  // A failed form wins over the saved draft: it holds what was just sent.
  const restored = form === undefined ? draft : undefined
  if (viewer?.canReply === true) {
    return (
      <>
        {thread.locked && (
          <p class="notice">{t('This thread is locked; as staff you can still reply.')}</p>
        )}
        {!thread.locked && thread.duplicateOf !== null && (
          <p class="notice">
            {t('This thread is closed as a duplicate; as staff you can still reply.')}
          </p>
        )}
        {restored !== undefined && (
          <DraftNotice
            savedAt={restored.updatedAt}
            now={site.now}
            threadId={thread.id}
            csrfToken={site.csrfToken}
          />
        )}
        <ReplyForm
          threadId={thread.id}
          csrfToken={site.csrfToken}
          form={form}
          draftBody={restored?.body}
        />
      </>
    )
  }
  if (thread.locked) {
    return <p class="notice">{t('This thread is locked: it takes no new replies.')}</p>
  }
  if (thread.duplicateOf !== null) {
    return (
      <p class="notice">{t('This thread is closed as a duplicate: it takes no new answers.')}</p>
    )
  }
  if (site.viewer === null) {
    return (
      <p class="notice">
        <a href={`/login?next=/threads/${thread.id}`}>{t('Sign in to reply')}</a>
      </p>
    )
  }
  return <p class="notice">{t('You can’t reply to this thread.')}</p>
}

function Reply(props: {
  reply: PostView
  site: SiteContext
  viewer: ThreadViewerState | undefined
  commentForm: ThreadPageProps['commentForm']
}) {
  const { reply, site, viewer, commentForm } = props
  return (
    <Post
      post={reply}
      kind="reply"
      now={site.now}
      headingLevel={3}
      controls={viewer?.controls[reply.id]}
      csrfToken={site.csrfToken}
      commentForm={commentForm?.postId === reply.id ? commentForm.form : undefined}
    />
  )
}

/** A thread: title, tags and facts, the question, then its replies (accepted first, as the data is ordered). */
export function ThreadPage({
  site,
  data,
  viewer,
  form,
  commentForm,
  signatures,
  watch,
  staffForm,
  notice,
  draft,
}: ThreadPageProps) {
  const { thread, question, replies } = data
  const similar = signatures?.similar ?? []
  const tagNames = thread.tags.map((t) => t.name).join(', ')
  // A form that came back refused: the document title starts with "Error: ".
  const refused = form ?? commentForm?.form ?? staffForm?.form
  const acceptable = Object.values<PostControls>(viewer?.controls ?? {}).some((c) => c.canAccept)
  const body = (
    <>
      <Post
        post={question}
        kind="question"
        now={site.now}
        headingLevel={2}
        controls={viewer?.controls[question.id]}
        csrfToken={site.csrfToken}
      />
      <section class="replies" aria-labelledby="replies-heading">
        <h2 id="replies-heading" data-reply-count={String(replies.length)}>
          {t('{count, plural, one {# Reply} other {# Replies}}', { count: replies.length })}
        </h2>
        <div class="reply-list" data-reply-list>
          {replies.map((reply) => (
            <Reply
              key={reply.id}
              reply={reply}
              site={site}
              viewer={viewer}
              commentForm={commentForm}
            />
          ))}
        </div>
        <ReplyArea site={site} thread={thread} viewer={viewer} form={form} draft={draft} />
      </section>
    </>
  )
  return (
    <Layout
      site={site}
      meta={{
        title: refused === undefined ? thread.title : formPageTitle(thread.title, refused),
        description:
          tagNames === ''
            ? t('{title}: a question with {count, plural, one {# reply} other {# replies}}.', {
                title: thread.title,
                count: thread.replyCount,
              })
            : t(
                '{title}: a question about {tags} with {count, plural, one {# reply} other {# replies}}.',
                { title: thread.title, tags: tagNames, count: thread.replyCount },
              ),
        canonicalPath: threadHref(thread),
        ogType: 'article',
        noindex: thread.hiddenReason !== null,
      }}
      live={`thread=${thread.id}`}
      structuredData={qaPageData(site, data)}
    >
      <header class="page-header thread-header">
        <h1>
          <bdi>{thread.title}</bdi>
        </h1>
        {thread.hiddenReason !== null && (
          <p class="hidden-banner" role="note">
            {tx(
              '<strong>This thread is hidden from readers</strong>: {reason} Only its author and staff see it.',
              {
                reason: hiddenNotice(thread.hiddenReason),
                strong: (c) => <strong>{c}</strong>,
              },
            )}
          </p>
        )}
        {notice !== undefined && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <TagList tags={thread.tags} />
        <ThreadMeta thread={thread} now={site.now} acceptable={acceptable} />
        {signatures !== undefined && <MentionsLine mentions={signatures.mentions} />}
        {signatures !== undefined && <CrashNotes crashes={signatures.mentions.crashes} />}
        {watch !== undefined && (
          <WatchControl watch={watch} csrfToken={site.csrfToken} back={threadHref(thread)} />
        )}
        {thread.duplicateOf !== null && (
          <p class="notice duplicate-notice">
            {tx('Closed as a duplicate of {thread}.', {
              thread: thread.duplicateOf.deleted ? (
                <bdi>{thread.duplicateOf.title}</bdi>
              ) : (
                <a href={threadHref(thread.duplicateOf)}>
                  <bdi>{thread.duplicateOf.title}</bdi>
                </a>
              ),
            })}
          </p>
        )}
        {viewer?.staff !== undefined && (
          <StaffPanel
            panel={viewer.staff}
            tagList={thread.tags.map((t) => t.slug).join(', ')}
            questionId={question.id}
            csrfToken={site.csrfToken}
            refused={staffForm}
          />
        )}
      </header>
      {similar.length === 0 ? (
        body
      ) : (
        // The side panel follows the thread in the document, so it is read after the answers.
        <div class="with-sidebar thread-layout">
          <div class="thread-main">{body}</div>
          <SimilarThreadsPanel threads={similar} />
        </div>
      )}
      {/* Where the islands announce what a button did ("Boosted", "Reply posted"). */}
      {viewer !== undefined && (
        <p class="visually-hidden" id="thread-live-status" aria-live="polite" data-live-status />
      )}
    </Layout>
  )
}
