import { describe, expect, it } from 'vitest'
import type { PostControls } from '../../../src/domain/threads/threads.types.js'
import { renderReplyFragment } from '../../../src/views/fragments.js'
import { ThreadPage, type ThreadPageProps } from '../../../src/views/pages/thread-page.js'
import { renderDocument } from '../../../src/views/render.js'
import {
  ALL_CONTROLS,
  count,
  formFor,
  makeControls,
  makePost,
  makeSite,
  makeThreadPageData,
  makeViewerState,
  NOW,
  postForms,
  signedInSite,
} from './fixtures.js'

function render(props: Partial<ThreadPageProps> = {}) {
  return renderDocument(<ThreadPage site={signedInSite()} data={makeThreadPageData()} {...props} />)
}

/** The markup of one post's article. */
function article(html: string, postId: number): string {
  const start = html.indexOf(`<article class="post`, html.indexOf(`id="post-${postId}"`) - 80)
  return html.slice(start, html.indexOf('</article>', start) + '</article>'.length)
}

/** The flag each control depends on, and how its markup is recognised in a reply's article. */
const CONTROL_MARKUP: [keyof PostControls, RegExp][] = [
  ['canBoost', /action="\/posts\/503\/boost"/],
  ['canAccept', /action="\/posts\/503\/accept"/],
  ['canRecommend', /action="\/posts\/503\/recommend"/],
  ['canEdit', /href="\/posts\/503\/edit"/],
  ['canDelete', /action="\/posts\/503\/delete"/],
  ['canComment', /action="\/posts\/503\/comments"/],
]

describe('ThreadPage controls', () => {
  it.each(CONTROL_MARKUP)('shows the %s control only when that flag is true', (flag, markup) => {
    const on = article(render({ viewer: makeViewerState(makeControls({ [flag]: true })) }), 503)
    expect(on).toMatch(markup)
    for (const [other, otherMarkup] of CONTROL_MARKUP)
      if (other !== flag) expect(on).not.toMatch(otherMarkup)
    const off = article(render({ viewer: makeViewerState(makeControls()) }), 503)
    expect(off).not.toMatch(markup)
  })

  it('shows anonymous readers counts only: no forms on posts, and no live region', () => {
    const html = renderDocument(<ThreadPage site={makeSite()} data={makeThreadPageData()} />)
    expect(postForms(html)).toHaveLength(0)
    expect(html).toContain('<span aria-hidden="true">▲ </span>2 boosts</span>')
    expect(html).not.toContain('data-live-status')
  })

  it('renders Boost as a toggle with aria-pressed and the count beside it', () => {
    const off = article(render({ viewer: makeViewerState(makeControls({ canBoost: true })) }), 503)
    expect(off).toMatch(
      /<form class="inline-form boost-form" method="post" action="\/posts\/503\/boost" data-island="boost-button"/,
    )
    expect(off).toMatch(
      /aria-pressed="false"><span aria-hidden="true">▲ <\/span><span data-boost-label[^>]*>Boost<\/span>/,
    )
    expect(off).toMatch(/<span class="boost-count" data-boost-count[^>]*>2 boosts<\/span>/)
    const on = article(
      render({ viewer: makeViewerState(makeControls({ canBoost: true, boosted: true })) }),
      503,
    )
    expect(on).toMatch(/aria-pressed="true">.*>Boosted<\/span>/)
  })

  it('says Unaccept and Unrecommend on the reply that already has them', () => {
    const controls = makeControls({ canAccept: true, canRecommend: true })
    const html = render({ viewer: makeViewerState(controls) })
    const accepted = makeThreadPageData().replies[0]!
    expect(accepted.accepted && accepted.recommended).toBe(true)
    expect(formFor(html, '/posts/503/accept')).toContain('>Unaccept</button>')
    expect(formFor(html, '/posts/503/recommend')).toContain('>Unrecommend</button>')
    const other = makeThreadPageData({ replies: [makePost({ id: 504 })] })
    const html2 = renderDocument(
      <ThreadPage
        site={signedInSite()}
        data={other}
        viewer={{ controls: { 504: controls }, canReply: true }}
      />,
    )
    expect(formFor(html2, '/posts/504/accept')).toContain('>Accept answer</button>')
    expect(formFor(html2, '/posts/504/recommend')).toContain('>Recommend</button>')
  })

  it('never offers accept, recommend or comment on the question itself', () => {
    const html = render({ viewer: makeViewerState(ALL_CONTROLS) })
    const question = article(html, 501)
    expect(question).not.toContain('/posts/501/accept')
    expect(question).not.toContain('/posts/501/recommend')
    expect(question).not.toContain('/posts/501/comments')
    expect(question).toContain('action="/posts/501/boost"')
    expect(question).toContain('href="/posts/501/edit"')
  })

  it('links the edited marker to the revisions', () => {
    expect(render()).toMatch(/<a class="post-edited" href="\/posts\/503\/revisions">edited <time/)
  })

  it('shows a deleted post as a placeholder, with Restore only when allowed', () => {
    const restore = render({ viewer: makeViewerState(makeControls({ canRestore: true })) })
    expect(article(restore, 502)).toContain('This reply was deleted.')
    expect(formFor(restore, '/posts/502/restore')).toContain('>Restore</button>')
    const plain = render({ viewer: makeViewerState(makeControls({ canDelete: true })) })
    expect(article(plain, 502)).not.toContain('<form')
  })

  it('puts every control form behind the CSRF token', () => {
    const html = render({ viewer: makeViewerState(ALL_CONTROLS) })
    const forms = postForms(html)
    expect(forms.length).toBeGreaterThanOrEqual(10)
    for (const form of forms)
      expect(form).toContain('<input type="hidden" name="_csrf" value="tok-123"/>')
  })

  it('gives a comment form with a 600-character body under replies that allow it', () => {
    const html = render({ viewer: makeViewerState(makeControls({ canComment: true })) })
    expect(html).toContain('<details class="comment-composer"><summary>Add a comment</summary>')
    const form = formFor(html, '/posts/503/comments')
    expect(form).toMatch(/<textarea id="comment-body-503" name="body"[^>]* maxlength="600"/)
  })

  it('reopens a comment form that came back with an error, refilled', () => {
    const html = render({
      viewer: makeViewerState(makeControls({ canComment: true })),
      commentForm: {
        postId: 503,
        form: {
          values: { body: 'too long…' },
          errors: { body: 'Keep comments under 600 characters.' },
        },
      },
    })
    expect(html).toContain('<details class="comment-composer" open>')
    expect(formFor(html, '/posts/503/comments')).toContain('>too long…</textarea>')
    expect(html).toContain('aria-describedby="comment-body-503-hint comment-body-503-error"')
  })
})

describe('ThreadPage reply area', () => {
  it('shows the reply form only when the viewer may reply', () => {
    expect(render({ viewer: makeViewerState(makeControls()) })).toContain(
      'action="/threads/101/replies"',
    )
    const cannot = render({ viewer: makeViewerState(makeControls(), { canReply: false }) })
    expect(cannot).not.toContain('action="/threads/101/replies"')
    expect(cannot).toContain('You can’t reply to this thread.')
  })

  it('posts a `body` field with the CSRF token and the reply-form island', () => {
    const form = formFor(
      render({ viewer: makeViewerState(makeControls()) }),
      '/threads/101/replies',
    )
    expect(form).toMatch(
      /^<form class="reply-form" id="reply" method="post" action="\/threads\/101\/replies" data-island="reply-form">/,
    )
    expect(form).toContain('<input type="hidden" name="_csrf" value="tok-123"/>')
    expect(form).toMatch(/<textarea id="reply-body" name="body"/)
    expect(form).toContain('data-island="composer-preview"')
  })

  it('refills a reply that failed without JavaScript, with the error by the field', () => {
    const html = render({
      viewer: makeViewerState(makeControls()),
      form: {
        values: { body: 'Try `purge`' },
        errors: { body: 'Replies need at least 2 characters.' },
      },
    })
    expect(html).toContain('>Try `purge`</textarea>')
    expect(html).toContain('There is a problem')
    expect(html).toContain('<a href="#reply-body">Replies need at least 2 characters.</a>')
    expect(html).toMatch(
      /id="reply-body"[^>]*aria-invalid="true" aria-describedby="reply-body-hint reply-body-error"/,
    )
    expect(html).toContain('<title>Error: ')
  })

  it('keeps the locked notice for members and lets staff with canReply reply anyway', () => {
    const base = makeThreadPageData()
    const data = { ...base, thread: { ...base.thread, locked: true } }
    const member = renderDocument(
      <ThreadPage
        site={signedInSite()}
        data={data}
        viewer={makeViewerState(makeControls(), { canReply: false })}
      />,
    )
    expect(member).toContain('This thread is locked: it takes no new replies.')
    expect(member).not.toContain('action="/threads/101/replies"')
    const staff = renderDocument(
      <ThreadPage site={signedInSite()} data={data} viewer={makeViewerState(makeControls())} />,
    )
    expect(staff).toContain('action="/threads/101/replies"')
  })

  it('marks the replies heading and list for the reply island, with one h1', () => {
    const html = render({ viewer: makeViewerState(ALL_CONTROLS) })
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(html).toMatch(
      /<h2 id="replies-heading" data-reply-count="2">2 Replies<\/h2><div class="reply-list" data-reply-list/,
    )
    expect(html).toContain('aria-live="polite" data-live-status')
  })

  it('keeps a hidden Solved marker for the accept island when the thread is unsolved', () => {
    const base = makeThreadPageData()
    const data = { ...base, thread: { ...base.thread, solved: false, acceptedPostId: null } }
    const html = renderDocument(
      <ThreadPage
        site={signedInSite()}
        data={data}
        viewer={makeViewerState(makeControls({ canAccept: true }))}
      />,
    )
    expect(html).toMatch(/<li data-thread-solved[^>]* hidden>/)
    const anonymous = renderDocument(<ThreadPage site={makeSite()} data={data} />)
    expect(anonymous).not.toContain('data-thread-solved')
  })
})

describe('renderReplyFragment', () => {
  it('renders one reply article with its controls, for the reply island to insert', () => {
    const post = makePost({ id: 777, boostCount: 0 })
    const html = renderReplyFragment(post, makeControls({ canBoost: true, canEdit: true }), NOW)
    expect(html).toMatch(/^<article class="post post-reply" id="post-777">/)
    expect(html).toMatch(/<\/article>$/)
    expect(html).toContain('action="/posts/777/boost"')
    expect(html).toContain('0 boosts')
    expect(html).not.toContain('name="_csrf"')
    expect(renderReplyFragment(post, makeControls({ canBoost: true }), NOW, 'tok')).toContain(
      '<input type="hidden" name="_csrf" value="tok"/>',
    )
    expect(renderReplyFragment(post, undefined, NOW)).not.toContain('<form')
  })
})
