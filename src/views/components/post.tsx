import type { PostView } from '../../domain/threads/threads.types.js'
import { AttachmentList } from './attachment-list.js'
import { CommentList } from './comment-list.js'
import { countNoun } from './count-noun.js'
import { RelativeTime } from './relative-time.js'
import { UserName } from './user-name.js'

export interface PostProps {
  post: PostView
  /** The question heads the thread; replies may be accepted, recommended or deleted. */
  kind: 'question' | 'reply'
  now: number
  /** Level of the visually hidden heading that names the post for screen-reader navigation. */
  headingLevel?: 2 | 3
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
  const what = kind === 'question' ? 'Question' : post.accepted ? 'Accepted answer' : 'Reply'
  const text = `${what} by ${post.author.username}`
  return level === 2 ? (
    <h2 class="visually-hidden">{text}</h2>
  ) : (
    <h3 class="visually-hidden">{text}</h3>
  )
}

function PostBadges({ post }: { post: PostView }) {
  if (!post.accepted && !post.recommended) return null
  return (
    <span class="markers">
      {post.accepted && (
        <span class="badge badge-solved">
          <span aria-hidden="true">✓ </span>Accepted answer
        </span>
      )}
      {post.recommended && (
        <span class="badge badge-recommended">
          <span aria-hidden="true">★ </span>Recommended
        </span>
      )}
    </span>
  )
}

/** A question or reply: author, age, edit marker, badges, body, attachments, boosts and comments. */
export function Post({ post, kind, now, headingLevel = 3 }: PostProps) {
  const id = `post-${post.id}`
  if (post.deleted) {
    return (
      <article class="post post-deleted" id={id}>
        <p>{kind === 'question' ? 'This question was deleted.' : 'This reply was deleted.'}</p>
      </article>
    )
  }
  const classes = ['post', `post-${kind}`, post.accepted ? 'is-accepted' : '']
    .filter((c) => c !== '')
    .join(' ')
  return (
    <article class={classes} id={id}>
      <PostHeading post={post} kind={kind} level={headingLevel} />
      <header class="post-header">
        <UserName user={post.author} />
        <a class="post-permalink" href={`#${id}`}>
          <RelativeTime at={post.createdAt} now={now} />
        </a>
        {post.editedAt !== null && (
          <span class="post-edited">
            edited <RelativeTime at={post.editedAt} now={now} />
          </span>
        )}
        <PostBadges post={post} />
      </header>
      {/* bodyHtml is rendered from Markdown with raw HTML off and sanitised when the post is saved
          (domain/markdown), so it is emitted as-is here. */}
      <div class="post-body prose" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      <AttachmentList postId={post.id} attachments={post.attachments} />
      <footer class="post-footer">
        <span class="boost-count">
          <span aria-hidden="true">▲ </span>
          {countNoun(post.boostCount, 'boost')}
        </span>
      </footer>
      <CommentList comments={post.comments} now={now} />
    </article>
  )
}
