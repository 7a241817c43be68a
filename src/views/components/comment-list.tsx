import type { CommentView } from '../../domain/posts/index.js'
import { t } from '../../i18n/index.js'
import { RelativeTime } from './relative-time.js'
import { UserName } from './user-name.js'

/** Comments under a reply, as a compact list: body, then author and age. */
export function CommentList({ comments, now }: { comments: CommentView[]; now: number }) {
  if (comments.length === 0) return null
  return (
    <ol
      class="comment-list"
      aria-label={t('{count, plural, one {# comment} other {# comments}}', {
        count: comments.length,
      })}
    >
      {comments.map((c) => (
        <li key={c.id} id={`comment-${c.id}`} class="comment">
          {/* Rendered from Markdown and sanitised when the comment was saved. */}
          <div class="comment-body prose" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
          <p class="comment-meta">
            <span aria-hidden="true">— </span>
            <UserName user={c.author} /> <RelativeTime at={c.createdAt} now={now} />
            {/* Only its author and staff get a hidden comment (thread-page.ts leaves it out for others). */}
            {c.hidden !== null && (
              <span class="badge">
                {' '}
                {t('Hidden from readers: {why}', { why: c.hidden.note ?? c.hidden.reason })}
              </span>
            )}
          </p>
        </li>
      ))}
    </ol>
  )
}
