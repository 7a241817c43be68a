/**
 * HTML fragments the server sends to islands (not whole pages). They render the same components as
 * the pages, so a reply inserted by the reply-form island matches one the page would have rendered.
 * Their words are in `locale`: pass the reader's (`req.locale`); left out, the language of the
 * `withLocale` the call is made in (English outside any).
 */
import { h } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { PostControls } from '../domain/threads/index.js'
import type { PostView } from '../domain/posts/index.js'
import { currentLocale, withLocale, type Locale } from '../i18n/index.js'
import { Post } from './components/post.js'

/**
 * The `<article>` of one reply, for the JSON answer to a reply posted with JavaScript
 * (`{ postId, html }`). Pass `csrfToken` so the new reply's boost and comment forms carry it; without
 * it, the reply-form island copies the page's token into them.
 * @example reply.send({ postId: post.id, html: renderReplyFragment(post, controls, Date.now(), req.csrfToken, req.locale) })
 */
export function renderReplyFragment(
  post: PostView,
  controls: PostControls | undefined,
  now: number,
  csrfToken: string | null = null,
  locale: Locale = currentLocale(),
): string {
  return withLocale(locale, () =>
    renderToString(h(Post, { post, kind: 'reply', now, headingLevel: 3, controls, csrfToken })),
  )
}
