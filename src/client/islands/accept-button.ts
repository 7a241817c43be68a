/**
 * Accept / unaccept a reply: posts with fetch, then brings every accept button, accepted badge,
 * reply heading and the thread's "Solved" marker on the page in line with the new answer.
 */
import { announce } from '../lib/announce.js'
import type { IslandDeps } from '../lib/deps.js'
import { t } from '../lib/i18n.js'
import { asForm, enhanceForm } from '../lib/post-form.js'
import { parseAcceptResult } from '../lib/results.js'

function acceptedBadge(doc: Document): HTMLElement {
  const badge = doc.createElement('span')
  badge.className = 'badge badge-solved'
  badge.setAttribute('data-accepted-badge', '')
  const glyph = doc.createElement('span')
  glyph.setAttribute('aria-hidden', 'true')
  glyph.textContent = '✓ '
  badge.append(glyph, t('Accepted answer'))
  return badge
}

function updateReply(article: Element, accepted: boolean): void {
  article.classList.toggle('is-accepted', accepted)
  const markers = article.querySelector('[data-post-markers]')
  const badge = markers?.querySelector('[data-accepted-badge]') ?? null
  if (accepted && badge === null) markers?.prepend(acceptedBadge(article.ownerDocument))
  if (!accepted && badge !== null) badge.remove()
  // The heading names the author (data-author, as the server wrote it: views/components/post.tsx).
  const heading = article.querySelector<HTMLElement>('[data-post-heading]')
  const user = heading?.dataset.author
  if (heading !== null && user !== undefined) {
    heading.textContent = accepted
      ? t('Accepted answer by {user}', { user })
      : t('Reply by {user}', { user })
  }
}

/** Marks `acceptedPostId` (or nothing, when null) as the accepted answer everywhere on the page. */
export function applyAccepted(doc: Document, acceptedPostId: number | null): void {
  for (const form of doc.querySelectorAll<HTMLElement>('form[data-island="accept-button"]')) {
    const button = form.querySelector('button')
    if (button !== null) {
      button.textContent =
        Number(form.dataset.postId) === acceptedPostId ? t('Unaccept') : t('Accept answer')
    }
  }
  for (const article of doc.querySelectorAll('article.post-reply')) {
    updateReply(article, article.id === `post-${acceptedPostId}`)
  }
  const solved = doc.querySelector<HTMLElement>('[data-thread-solved]')
  if (solved !== null) solved.hidden = acceptedPostId === null
}

export function acceptButton(el: HTMLElement, deps: IslandDeps): void {
  const form = asForm(el)
  if (form === null) return
  enhanceForm(form, deps, parseAcceptResult, (result) => {
    applyAccepted(form.ownerDocument, result.acceptedPostId)
    announce(
      form.ownerDocument,
      result.acceptedPostId === null
        ? t('No reply is accepted now.')
        : result.accepted
          ? t('Marked as the accepted answer.')
          : t('Another reply is the accepted answer.'),
    )
  })
}
