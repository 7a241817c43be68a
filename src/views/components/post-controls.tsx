/**
 * The per-post controls of a thread page, each a plain POST form guarded by the CSRF token so it
 * works without JavaScript; the boost and accept islands enhance theirs in place. Which controls
 * appear is decided by the server's policy (`PostControls`), never here.
 */
import type { ComponentChildren } from 'preact'
import type { PostControls } from '../../domain/threads/index.js'
import type { PostView } from '../../domain/posts/index.js'
import { ASK_LIMITS, type FormState } from '../forms.js'
import { t, tx } from '../../i18n/index.js'
import { CsrfField, TextAreaField } from './form-fields.js'

/** "3 boosts" ("3 Boosts"); the boost island writes the same (src/client/islands/boost-button.ts). */
export function boostCountText(count: number): string {
  return t('{count, plural, one {# boost} other {# boosts}}', { count })
}

function ActionForm(props: {
  postId: number
  action: 'boost' | 'accept' | 'recommend' | 'delete' | 'restore' | 'hide' | 'unhide'
  csrfToken: string | null
  island?: string
  confirm?: string
  children: ComponentChildren
}) {
  return (
    <form
      class={`inline-form ${props.action}-form`}
      method="post"
      action={`/posts/${props.postId}/${props.action}`}
      data-island={props.island}
      data-post-id={String(props.postId)}
      data-confirm={props.confirm}
    >
      <CsrfField token={props.csrfToken} />
      {props.children}
    </form>
  )
}

/** The boost count, and for a reader who may boost, a toggle button (aria-pressed) beside it. */
export function BoostControl(props: {
  post: PostView
  controls: PostControls | undefined
  csrfToken: string | null
}) {
  const { post, controls } = props
  const count = (
    <span class="boost-count" data-boost-count>
      {controls?.canBoost === true ? null : <span aria-hidden="true">▲ </span>}
      {boostCountText(post.boostCount)}
    </span>
  )
  if (controls?.canBoost !== true) return count
  return (
    <ActionForm postId={post.id} action="boost" csrfToken={props.csrfToken} island="boost-button">
      <button
        class="button button-quiet button-small boost-button"
        type="submit"
        aria-pressed={controls.boosted ? 'true' : 'false'}
      >
        <span aria-hidden="true">▲ </span>
        <span data-boost-label>{controls.boosted ? t('Boosted') : t('Boost')}</span>
      </button>{' '}
      {count}
    </ActionForm>
  )
}

export function AcceptControl({ post, csrfToken }: { post: PostView; csrfToken: string | null }) {
  return (
    <ActionForm postId={post.id} action="accept" csrfToken={csrfToken} island="accept-button">
      <button class="button button-quiet button-small accept-button" type="submit">
        {post.accepted ? t('Unaccept') : t('Accept answer')}
      </button>
    </ActionForm>
  )
}

export function RecommendControl({
  post,
  csrfToken,
}: {
  post: PostView
  csrfToken: string | null
}) {
  return (
    <ActionForm postId={post.id} action="recommend" csrfToken={csrfToken}>
      <button class="button button-quiet button-small" type="submit">
        {post.recommended ? t('Unrecommend') : t('Recommend')}
      </button>
    </ActionForm>
  )
}

export function DeleteControl(props: {
  postId: number
  kind: 'question' | 'reply'
  csrfToken: string | null
}) {
  return (
    <ActionForm
      postId={props.postId}
      action="delete"
      csrfToken={props.csrfToken}
      island="confirm-submit"
      confirm={
        props.kind === 'question'
          ? t('Delete this question? Readers will see that it was deleted.')
          : t('Delete this reply? Readers will see that it was deleted.')
      }
    >
      <button class="button button-danger button-small" type="submit">
        {t('Delete')}
      </button>
    </ActionForm>
  )
}

export function RestoreControl({
  postId,
  csrfToken,
}: {
  postId: number
  csrfToken: string | null
}) {
  return (
    <ActionForm postId={postId} action="restore" csrfToken={csrfToken}>
      <button class="button button-quiet button-small" type="submit">
        {t('Restore')}
      </button>
    </ActionForm>
  )
}

/**
 * "Add a comment" under a reply: a disclosure holding a short Markdown form that posts to
 * /posts/:id/comments. It opens by itself when it comes back with an error.
 */
export function CommentForm(props: {
  postId: number
  csrfToken: string | null
  form?: FormState<{ body: string }>
}) {
  const id = `comment-body-${props.postId}`
  const error = props.form?.errors.body ?? props.form?.formError
  return (
    <details class="comment-composer" open={props.form !== undefined}>
      <summary>{t('Add a comment')}</summary>
      <form class="comment-form" method="post" action={`/posts/${props.postId}/comments`}>
        <CsrfField token={props.csrfToken} />
        <TextAreaField
          id={id}
          name="body"
          label={t('Comment')}
          hint={t(
            'Short Markdown, up to {max, number} characters; post code and logs as a reply.',
            { max: ASK_LIMITS.commentMax },
          )}
          value={props.form?.values.body}
          error={error}
          rows={3}
          maxLength={ASK_LIMITS.commentMax}
          required
          markdown
        />
        <button class="button button-small" type="submit">
          {t('Add comment')}
        </button>
      </form>
    </details>
  )
}

/** "Flag": a link to the small page with the reasons (works without JavaScript). */
export function FlagLink({ postId }: { postId: number }) {
  return (
    <a class="post-action-link" href={`/posts/${postId}/flag`}>
      {tx('Flag<hidden> this post for moderators</hidden>', {
        hidden: (c) => <span class="visually-hidden">{c}</span>,
      })}
    </a>
  )
}

/** Staff: hide the post from readers with a reason its author sees, or show it again. */
export function HideControl(props: { postId: number; hidden: boolean; csrfToken: string | null }) {
  const id = `hide-reason-${props.postId}`
  if (props.hidden)
    return (
      <ActionForm postId={props.postId} action="unhide" csrfToken={props.csrfToken}>
        <button class="button button-quiet button-small" type="submit">
          {t('Show again')}
        </button>
      </ActionForm>
    )
  return (
    <details class="hide-composer">
      <summary>{t('Hide')}</summary>
      <ActionForm postId={props.postId} action="hide" csrfToken={props.csrfToken}>
        <label class="field-label" for={id}>
          {t('Why (the author sees this)')}
        </label>
        <input id={id} name="reason" type="text" maxLength={500} required />{' '}
        <button class="button button-danger button-small" type="submit">
          {t('Hide from readers')}
        </button>
      </ActionForm>
    </details>
  )
}
