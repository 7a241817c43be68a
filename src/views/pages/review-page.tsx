/**
 * /review (moderators and admins): the posts waiting for a decision, newest first. Each shows the post
 * as rendered, its thread, why it is here (flags with their reasons and messages, a new account's
 * post held for approval, a repeated body), its author's history, and the decisions as plain forms.
 */
import { FLAG_REASON_LABELS, type ReviewItemView } from '../../domain/moderation/index.js'
import { formatDate, slugify } from '../../domain/format/index.js'
import { CsrfField } from '../components/form-fields.js'
import { hiddenNotice } from '../components/post.js'
import { RelativeTime } from '../components/relative-time.js'
import { threadHref } from '../components/thread-table.js'
import { countNoun } from '../components/count-noun.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface ReviewPageProps {
  site: SiteContext
  items: ReviewItemView[]
  /** A decision that could not be made (handled by someone else first), shown above the list. */
  problem?: string
}

const KIND_LABELS: Record<ReviewItemView['kind'], string> = {
  flagged: 'Flagged',
  approval: 'New account: waiting for approval',
  duplicate: 'Repeated body: waiting for approval',
}

function Decision(props: {
  itemId: number
  decision: string
  label: string
  csrfToken: string | null
  danger?: boolean
}) {
  return (
    <form class="inline-form" method="post" action={`/review/${props.itemId}/${props.decision}`}>
      <CsrfField token={props.csrfToken} />
      <button
        class={`button button-small ${props.danger === true ? 'button-danger' : 'button-quiet'}`}
        type="submit"
      >
        {props.label}
      </button>
    </form>
  )
}

function Item({ item, site }: { item: ReviewItemView; site: SiteContext }) {
  const { post, author } = item
  const href = `${threadHref({ id: post.threadId, slug: slugify(post.threadTitle) })}#post-${post.id}`
  const flagged = item.kind === 'flagged'
  return (
    <li class="review-item" id={`review-${item.id}`}>
      <article aria-labelledby={`review-${item.id}-title`}>
        <h2 class="review-item-title" id={`review-${item.id}-title`}>
          {KIND_LABELS[item.kind]}: the {post.kind} by <bdi>{author.username}</bdi> in{' '}
          <a href={href}>{post.threadTitle}</a>
        </h2>
        <p class="review-item-state">
          {post.hiddenReason === null
            ? 'Visible to readers.'
            : `Hidden: ${post.hiddenNote ?? hiddenNotice(post.hiddenReason)}`}
          {post.editedWhileHidden && ' The author edited it to ask for another look.'} Updated{' '}
          <RelativeTime at={item.updatedAt} now={site.now} />.
        </p>
        {item.flags.length > 0 && (
          <ul class="review-flags">
            {item.flags.map((f) => (
              <li>
                <strong>{FLAG_REASON_LABELS[f.reason]}</strong> from <bdi>{f.flagger}</bdi>
                {f.message !== null && (
                  <>
                    : <q>{f.message}</q>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {/* Rendered from Markdown and sanitised when the post was saved, as on the thread page. */}
        <div class="post-body prose" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        <dl class="review-author">
          <div>
            <dt>Author</dt>
            <dd>
              <a href={`/users/${encodeURIComponent(author.username)}`}>
                <bdi>{author.username}</bdi>
              </a>{' '}
              ({author.trustLevel})
            </dd>
          </div>
          <div>
            <dt>Account age</dt>
            <dd>
              {countNoun(Math.floor((site.now - author.joinedAt) / 86_400_000), 'day')} (joined{' '}
              {formatDate(author.joinedAt)})
            </dd>
          </div>
          <div>
            <dt>Posts</dt>
            <dd>{String(author.postCount)}</dd>
          </div>
          <div>
            <dt>Flags agreed with before</dt>
            <dd>{String(author.agreedFlags)}</dd>
          </div>
        </dl>
        <div class="review-actions">
          {flagged ? (
            <>
              <Decision
                itemId={item.id}
                decision="agree"
                label="Agree: keep hidden"
                csrfToken={site.csrfToken}
              />
              <Decision
                itemId={item.id}
                decision="disagree"
                label="Disagree: show it"
                csrfToken={site.csrfToken}
              />
            </>
          ) : (
            <Decision
              itemId={item.id}
              decision="approve"
              label="Approve"
              csrfToken={site.csrfToken}
            />
          )}
          <Decision
            itemId={item.id}
            decision="delete"
            label="Delete the post"
            csrfToken={site.csrfToken}
            danger
          />
          {author.role === 'member' && (
            <a class="button button-danger button-small" href={`/review/${item.id}/spammer`}>
              Delete the spammer…
            </a>
          )}
        </div>
      </article>
    </li>
  )
}

export function ReviewPage({ site, items, problem }: ReviewPageProps) {
  return (
    <Layout site={site} meta={{ title: 'Review', noindex: true }}>
      <div class="form-page form-page-wide">
        <h1>Review</h1>
        <p class="lede">
          {items.length === 0
            ? 'Nothing is waiting for a decision.'
            : `${countNoun(items.length, 'post')} waiting for a decision, newest first.`}
        </p>
        {problem !== undefined && <p class="notice">{problem}</p>}
        <ol class="review-list">
          {items.map((item) => (
            <Item item={item} site={site} />
          ))}
        </ol>
      </div>
    </Layout>
  )
}

export interface DeleteSpammerPageProps {
  site: SiteContext
  itemId: number
  username: string
  postCount: number
}

/** The confirm step of "delete the spammer". */
export function DeleteSpammerPage({ site, itemId, username, postCount }: DeleteSpammerPageProps) {
  return (
    <Layout site={site} meta={{ title: 'Delete the spammer', noindex: true }}>
      <div class="form-page">
        <h1>Delete the spammer</h1>
        <p class="lede">
          This deletes all {countNoun(postCount, 'post')} by <bdi>{username}</bdi>, suspends the
          account for ten years (reason “spam”), and refuses new sign-ups from its email address and
          last IP address.
        </p>
        <form class="stacked-form" method="post" action={`/review/${itemId}/spammer`}>
          <CsrfField token={site.csrfToken} />
          <div class="form-actions">
            <button class="button button-danger" type="submit">
              Delete {username}’s posts and suspend the account
            </button>
            <a class="form-cancel" href="/review">
              Back to review
            </a>
          </div>
        </form>
      </div>
    </Layout>
  )
}
