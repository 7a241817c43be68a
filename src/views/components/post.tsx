import type { PostControls } from '../../domain/threads/index.js'
import type { HiddenState, PostView } from '../../domain/posts/index.js'
import { displayName } from '../../domain/shared/index.js'
import { ageLabel, t, tx } from '../../i18n/index.js'
import { FragmentCache } from '../fragment-cache.js'
import type { FormState } from '../forms.js'
import { AttachmentList } from './attachment-list.js'
import { CommentList } from './comment-list.js'
import {
  AcceptControl,
  BoostControl,
  CommentForm,
  DeleteControl,
  FlagLink,
  HideControl,
  RecommendControl,
  RestoreControl,
} from './post-controls.js'
import { RelativeTime } from './relative-time.js'
import { Avatar } from './avatar.js'
import { UserName } from './user-name.js'

export interface PostProps {
  post: PostView
  /** The question heads the thread; replies may be accepted, recommended or deleted. */
  kind: 'question' | 'reply'
  now: number
  /** Level of the visually hidden heading that names the post for screen-reader navigation. */
  headingLevel?: 2 | 3
  /** What the viewer may do to this post; absent for anonymous readers (counts only, no buttons). */
  controls?: PostControls
  /** Carried by every control's form; null when the request has no session. */
  csrfToken?: string | null
  /** A comment on this post that failed validation without JavaScript: reopens the form, refilled. */
  commentForm?: FormState<{ body: string }>
}

/** The visually hidden heading text; the accept island rewrites it (from data-author) when acceptance changes. */
export function postHeadingText(kind: PostProps['kind'], accepted: boolean, user: string) {
  if (kind === 'question') return t('Question by {user}', { user })
  return accepted ? t('Accepted answer by {user}', { user }) : t('Reply by {user}', { user })
}

function PostHeading({
  post,
  kind,
  level,
}: {
  post: PostView
  kind: PostProps['kind']
  level: 2 | 3
}) {
  const name = displayName(post.author)
  const text = postHeadingText(kind, post.accepted, name)
  return level === 2 ? (
    <h2 class="visually-hidden">{text}</h2>
  ) : (
    <h3 class="visually-hidden" data-post-heading data-author={name}>
      {text}
    </h3>
  )
}

/** The accepted-answer badge; the accept island creates and removes the same markup. */
export function AcceptedBadge() {
  return (
    <span class="badge badge-solved" data-accepted-badge>
      <span aria-hidden="true">✓ </span>
      {t('Accepted answer')}
    </span>
  )
}

/** Badges of a reply, in a container that is always present so the accept island can fill it. */
function PostBadges({ post, kind }: { post: PostView; kind: PostProps['kind'] }) {
  if (kind === 'question') return null
  return (
    <span class="markers" data-post-markers>
      {post.accepted && <AcceptedBadge />}
      {post.recommended && (
        <span class="badge badge-recommended">
          <span aria-hidden="true">★ </span>
          {t('Recommended')}
        </span>
      )}
    </span>
  )
}

/** What readers are told in place of a hidden post's body, by why it is hidden. */
export function hiddenNotice(reason: HiddenState['reason']): string {
  switch (reason) {
    case 'flagged':
      return t('This post is hidden: flagged by the community.')
    case 'approval':
    case 'duplicate':
      return t('This post is hidden: waiting for a moderator’s approval.')
    case 'staff':
      return t('This post is hidden: hidden by staff.')
  }
}

/** A hidden post as a reader sees it: the notice, no text, no controls but staff's. */
function MaskedPost(props: PostProps & { id: string; hidden: HiddenState }) {
  return (
    <article class="post post-hidden" id={props.id}>
      <p>{hiddenNotice(props.hidden.reason)}</p>
    </article>
  )
}

/** Above a hidden post's body, for its author and staff: why readers do not see it. */
function HiddenBanner({ hidden, own }: { hidden: HiddenState; own: boolean }) {
  return (
    <div class="hidden-banner" role="note">
      <p>
        {tx('<strong>Hidden from readers</strong>: {why}', {
          why: hidden.note ?? hiddenNotice(hidden.reason),
          strong: (c) => <strong>{c}</strong>,
        })}
      </p>
      {own && (
        <p>
          {t('Edit the post once to ask a moderator for another look; it stays hidden until then.')}
        </p>
      )}
    </div>
  )
}

function DeletedPost(props: PostProps & { id: string }) {
  const { post, kind, controls, csrfToken = null } = props
  return (
    <article class="post post-deleted" id={props.id}>
      <p>{kind === 'question' ? t('This question was deleted.') : t('This reply was deleted.')}</p>
      {controls?.canRestore === true && (
        <div class="post-actions">
          <RestoreControl postId={post.id} csrfToken={csrfToken} />
        </div>
      )}
    </article>
  )
}

/** Accept, recommend, edit and delete: only those the viewer's controls allow. */
function PostActions(props: PostProps) {
  const { post, kind, controls, csrfToken = null } = props
  if (controls === undefined) return null
  const isReply = kind === 'reply'
  return (
    <>
      {isReply && controls.canAccept && <AcceptControl post={post} csrfToken={csrfToken} />}
      {isReply && controls.canRecommend && <RecommendControl post={post} csrfToken={csrfToken} />}
      {controls.canEdit && (
        <a class="post-action-link" href={`/posts/${post.id}/edit`}>
          {t('Edit')}
        </a>
      )}
      {controls.canDelete && <DeleteControl postId={post.id} kind={kind} csrfToken={csrfToken} />}
      {controls.canFlag && post.hidden === null && <FlagLink postId={post.id} />}
      {controls.canModerate && (
        <HideControl postId={post.id} hidden={post.hidden !== null} csrfToken={csrfToken} />
      )}
    </>
  )
}

/**
 * Posts as anonymous readers see them (no controls, no forms), rendered once and reused while the post and
 * its ages read the same (fragment-cache.ts): crawlers and first visitors meet uncached thread pages, and
 * most of such a page is its posts.
 */
const anonymousPosts = new FragmentCache()

/** The anonymous post cache's counters, for tests and /metrics-like probes. */
export function anonymousPostCacheStats() {
  return anonymousPosts.stats()
}

/** A question or reply: author, age, edit marker, badges, body, attachments, controls and comments. */
export function Post(props: PostProps) {
  const { post, kind, now, headingLevel = 3 } = props
  if (props.controls !== undefined || props.commentForm !== undefined)
    return <PostArticle {...props} />
  // Everything the anonymous rendering shows: the post (text, counts, author, comments, attachments,
  // hidden state), where it stands, and its ages as labels ("5m"), the only part that moves with the clock.
  const ages = [ageLabel(post.createdAt, now)]
  if (post.editedAt !== null) ages.push(ageLabel(post.editedAt, now))
  for (const c of post.comments) ages.push(ageLabel(c.createdAt, now))
  return anonymousPosts.render(post.id, { post, kind, headingLevel, ages }, () => (
    <PostArticle post={post} kind={kind} now={now} headingLevel={headingLevel} />
  ))
}

function PostArticle(props: PostProps) {
  const { post, kind, now, headingLevel = 3, controls, csrfToken = null } = props
  const id = `post-${post.id}`
  if (post.deleted) return <DeletedPost {...props} id={id} />
  if (post.hidden?.masked === true) return <MaskedPost {...props} id={id} hidden={post.hidden} />
  const classes = ['post', `post-${kind}`, post.accepted ? 'is-accepted' : '']
    .filter((c) => c !== '')
    .join(' ')
  return (
    <article class={classes} id={id}>
      <PostHeading post={post} kind={kind} level={headingLevel} />
      <header class="post-header">
        <Avatar user={post.author} />
        <UserName user={post.author} />
        <a class="post-permalink" href={`#${id}`}>
          <RelativeTime at={post.createdAt} now={now} />
        </a>
        {post.editedAt !== null && (
          <a class="post-edited" href={`/posts/${post.id}/revisions`}>
            {tx('edited {age}<hidden> (show the edit history)</hidden>', {
              age: <RelativeTime at={post.editedAt} now={now} />,
              hidden: (c) => <span class="visually-hidden">{c}</span>,
            })}
          </a>
        )}
        <PostBadges post={post} kind={kind} />
      </header>
      {post.hidden !== null && (
        <HiddenBanner hidden={post.hidden} own={controls?.canModerate !== true} />
      )}
      {/* bodyHtml is rendered from Markdown with raw HTML off and sanitised when the post is saved
          (domain/markdown), so it is emitted as-is here. */}
      <div
        class="post-body prose"
        // Copy buttons and line numbers for its code blocks: only on bodies that have one.
        data-island={post.bodyHtml.includes('<pre') ? 'code-blocks' : undefined}
        dangerouslySetInnerHTML={{ __html: post.bodyHtml }}
      />
      <AttachmentList postId={post.id} attachments={post.attachments} />
      <footer class="post-footer">
        <BoostControl post={post} controls={controls} csrfToken={csrfToken} />
        <PostActions {...props} />
      </footer>
      <CommentList comments={post.comments} now={now} />
      {kind === 'reply' && controls?.canComment === true && (
        <CommentForm postId={post.id} csrfToken={csrfToken} form={props.commentForm} />
      )}
    </article>
  )
}
