/**
 * /review (moderators and admins): the posts waiting for a decision, newest first. Each shows the post
 * as rendered, its thread, why it is here (flags with their reasons and messages, a new account's
 * post held for approval, a repeated body), its author's history, and the decisions as plain forms.
 */
import { FLAG_REASON_LABELS, type ReviewItemView } from '../../domain/moderation/index.js'
import { slugify } from '../../domain/format/index.js'
import { date, msg, t, tx } from '../../i18n/index.js'
import { CsrfField } from '../components/form-fields.js'
import { hiddenNotice } from '../components/post.js'
import { RelativeTime } from '../components/relative-time.js'
import { threadHref } from '../components/thread-table.js'
import { Layout } from '../layout/layout.js'
import { TRUST_LABELS } from './admin-people-page.js'
import type { SiteContext } from '../site.js'

export interface ReviewPageProps {
  site: SiteContext
  items: ReviewItemView[]
  /** A decision that could not be made (handled by someone else first), shown above the list. */
  problem?: string
}

const KIND_LABELS: Record<ReviewItemView['kind'], string> = {
  flagged: msg('Flagged'),
  approval: msg('New account: waiting for approval'),
  duplicate: msg('Repeated body: waiting for approval'),
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
          {tx(
            '{label}: {kind, select, question {the question} reply {the reply} other {the comment}} by {author} in <a>{title}</a>',
            {
              label: t(KIND_LABELS[item.kind]),
              kind: post.kind,
              author: <bdi>{author.username}</bdi>,
              title: post.threadTitle,
              a: (c) => <a href={href}>{c}</a>,
            },
          )}
        </h2>
        <p class="review-item-state">
          {post.hiddenReason === null
            ? t('Visible to readers.')
            : t('Hidden: {reason}', {
                reason: post.hiddenNote ?? hiddenNotice(post.hiddenReason),
              })}
          {post.editedWhileHidden && ` ${t('The author edited it to ask for another look.')}`}{' '}
          {tx('Updated {time}.', { time: <RelativeTime at={item.updatedAt} now={site.now} /> })}
        </p>
        {item.flags.length > 0 && (
          <ul class="review-flags">
            {item.flags.map((f) => (
              <li>
                {tx('<strong>{reason}</strong> from {flagger}', {
                  reason: t(FLAG_REASON_LABELS[f.reason]),
                  flagger: <bdi>{f.flagger}</bdi>,
                  strong: (c) => <strong>{c}</strong>,
                })}
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
            <dt>{t('Author')}</dt>
            <dd>
              <a href={`/users/${encodeURIComponent(author.username)}`}>
                <bdi>{author.username}</bdi>
              </a>{' '}
              ({t(TRUST_LABELS[author.trustLevel])})
            </dd>
          </div>
          <div>
            <dt>{t('Account age')}</dt>
            <dd>
              {t('{days, plural, one {# day} other {# days}} (joined {date})', {
                days: Math.floor((site.now - author.joinedAt) / 86_400_000),
                date: date(author.joinedAt),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('Posts')}</dt>
            <dd>{String(author.postCount)}</dd>
          </div>
          <div>
            <dt>{t('Flags agreed with before')}</dt>
            <dd>{String(author.agreedFlags)}</dd>
          </div>
        </dl>
        <div class="review-actions">
          {flagged ? (
            <>
              <Decision
                itemId={item.id}
                decision="agree"
                label={t('Agree: keep hidden')}
                csrfToken={site.csrfToken}
              />
              <Decision
                itemId={item.id}
                decision="disagree"
                label={t('Disagree: show it')}
                csrfToken={site.csrfToken}
              />
            </>
          ) : (
            <Decision
              itemId={item.id}
              decision="approve"
              label={t('Approve')}
              csrfToken={site.csrfToken}
            />
          )}
          <Decision
            itemId={item.id}
            decision="delete"
            label={t('Delete the post')}
            csrfToken={site.csrfToken}
            danger
          />
          {author.role === 'member' && (
            <a class="button button-danger button-small" href={`/review/${item.id}/spammer`}>
              {t('Delete the spammer…')}
            </a>
          )}
        </div>
      </article>
    </li>
  )
}

export function ReviewPage({ site, items, problem }: ReviewPageProps) {
  return (
    <Layout site={site} meta={{ title: t('Review'), noindex: true }}>
      <div class="form-page form-page-wide">
        <h1>{t('Review')}</h1>
        <p class="lede">
          {items.length === 0
            ? t('Nothing is waiting for a decision.')
            : t(
                '{count, plural, one {# post} other {# posts}} waiting for a decision, newest first.',
                { count: items.length },
              )}
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
    <Layout site={site} meta={{ title: t('Delete the spammer'), noindex: true }}>
      <div class="form-page">
        <h1>{t('Delete the spammer')}</h1>
        <p class="lede">
          {tx(
            'This deletes all {count, plural, one {# post} other {# posts}} by {user}, suspends the account for ten years (reason “spam”), and refuses new sign-ups from its email address and last IP address.',
            { count: postCount, user: <bdi>{username}</bdi> },
          )}
        </p>
        <form class="stacked-form" method="post" action={`/review/${itemId}/spammer`}>
          <CsrfField token={site.csrfToken} />
          <div class="form-actions">
            <button class="button button-danger" type="submit">
              {t('Delete {user}’s posts and suspend the account', { user: username })}
            </button>
            <a class="form-cancel" href="/review">
              {t('Back to review')}
            </a>
          </div>
        </form>
      </div>
    </Layout>
  )
}
