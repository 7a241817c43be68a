/**
 * Posts a reply with fetch and inserts the server-rendered `<article>` at the end of the replies,
 * without a page load: updates the "N Replies" heading, clears the composer, moves focus to the reply.
 */
import { announce } from '../lib/announce.js'
import type { IslandDeps } from '../lib/deps.js'
import { number, t } from '../lib/i18n.js'
import { asForm, csrfTokenOf, enhanceForm } from '../lib/post-form.js'
import { parseReplyResult, type ReplyResult } from '../lib/results.js'

/** Gives every POST form in `root` that lacks one the page's CSRF token (fragments may omit it). */
export function fillCsrf(root: Element, token: string | null): void {
  if (token === null) return
  for (const form of root.querySelectorAll('form[method="post"]')) {
    if (form.querySelector('input[name="_csrf"]') !== null) continue
    const input = root.ownerDocument.createElement('input')
    input.type = 'hidden'
    input.name = '_csrf'
    input.value = token
    form.prepend(input)
  }
}

/** Adds one to the replies heading ("2 Replies" -> "3 Replies"). */
export function bumpReplyCount(doc: Document): void {
  const heading = doc.querySelector<HTMLElement>('[data-reply-count]')
  if (heading === null) return
  const n = (Number(heading.dataset.replyCount) || 0) + 1
  heading.dataset.replyCount = String(n)
  const count = number(n)
  heading.textContent = n === 1 ? t('{count} Reply', { count }) : t('{count} Replies', { count })
}

/** Resets the composer after a successful post: empty text, no preview, no old error messages. */
export function resetComposer(form: HTMLFormElement): void {
  form.reset()
  const body = form.querySelector('textarea')
  if (body !== null) {
    body.defaultValue = ''
    body.value = ''
    body.removeAttribute('aria-invalid')
  }
  for (const stale of form.querySelectorAll('.error-summary, .field-error')) stale.remove()
  for (const group of form.querySelectorAll('.has-error')) group.classList.remove('has-error')
  const preview = form.querySelector<HTMLElement>('.preview-panel')
  if (preview !== null) preview.hidden = true
  const previewBody = form.querySelector('[data-island="composer-preview"]')
  if (previewBody !== null) previewBody.innerHTML = ''
}

/**
 * Puts the new reply's markup at the end of the reply list and returns its article (null when the
 * page has no list or the markup is not an element). A reply already on the page is not added twice.
 */
export function insertReply(doc: Document, result: ReplyResult): HTMLElement | null {
  const list = doc.querySelector('[data-reply-list]')
  if (list === null) return null
  const existing = doc.getElementById(`post-${result.postId}`)
  if (existing !== null) return existing
  const template = doc.createElement('template')
  template.innerHTML = result.html.trim()
  const article = template.content.firstElementChild as HTMLElement | null
  if (article === null) return null
  list.append(article)
  return article
}

export function replyForm(el: HTMLElement, deps: IslandDeps): void {
  const form = asForm(el)
  if (form === null) return
  const doc = form.ownerDocument
  enhanceForm(form, deps, parseReplyResult, (result) => {
    const wasNew = doc.getElementById(`post-${result.postId}`) === null
    const article = insertReply(doc, result)
    if (article === null) return deps.reload()
    if (wasNew) {
      fillCsrf(article, csrfTokenOf(form, doc))
      deps.wire(article)
      bumpReplyCount(doc)
    }
    resetComposer(form)
    // tabindex -1: focusable by script, not a tab stop.
    article.tabIndex = -1
    article.focus()
    // Held for a moderator: the author sees the reply, others will once it is approved.
    if (result.held !== undefined && wasNew) {
      const notice = doc.createElement('p')
      notice.className = 'notice'
      notice.textContent = t('It waits for a moderator before others can see it.')
      article.prepend(notice)
    }
    announce(
      doc,
      result.held !== undefined
        ? t('Reply posted. It waits for a moderator before others can see it.')
        : t('Reply posted.'),
    )
  })
}
