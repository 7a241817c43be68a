// @vitest-environment jsdom
/**
 * The islands against the markup the server really renders (ThreadPage, AskPage), so a renamed class
 * or data attribute on either side fails here rather than in a browser.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { wireIslands } from '../../../src/client/islands.js'
import { applyAccepted } from '../../../src/client/islands/accept-button.js'
import { renderReplyFragment } from '../../../src/views/fragments.js'
import { AskPage } from '../../../src/views/pages/ask-page.js'
import { ThreadPage } from '../../../src/views/pages/thread-page.js'
import { renderDocument } from '../../../src/views/render.js'
import {
  ALL_CONTROLS,
  kernelTag,
  makeControls,
  makePost,
  makeThreadPageData,
  makeViewerState,
  NOW,
  signedInSite,
} from '../views/fixtures.js'
import { fakeDeps, jsonResponse, loadPage, settle, submit } from './helpers.js'

function threadPage(controls = ALL_CONTROLS) {
  loadPage(
    renderDocument(
      <ThreadPage
        site={signedInSite()}
        data={makeThreadPageData()}
        viewer={makeViewerState(controls)}
      />,
    ),
  )
}

const $ = <T extends Element = HTMLElement>(selector: string) => {
  const el = document.querySelector<T>(selector)
  if (el === null) throw new Error(`missing ${selector}`)
  return el
}

afterEach(() => {
  document.body.innerHTML = ''
  vi.useRealTimers()
})

describe('wireIslands', () => {
  it('wires each island once, including inside markup added later', () => {
    threadPage()
    const deps = fakeDeps(async () => jsonResponse({}))
    const first = wireIslands(document, deps)
    expect(first).toBeGreaterThanOrEqual(6)
    expect(wireIslands(document, deps)).toBe(0)
    const extra = document.createElement('form')
    extra.dataset.island = 'boost-button'
    document.body.append(extra)
    expect(wireIslands(extra, deps)).toBe(1)
  })
})

describe('boost-button', () => {
  it('posts with fetch and updates pressed state, label and count in place', async () => {
    threadPage(makeControls({ canBoost: true }))
    const deps = fakeDeps(async () => jsonResponse({ boosted: true, boostCount: 3 }))
    wireIslands(document, deps)
    const form = $<HTMLFormElement>('form[action="/posts/503/boost"]')
    expect(submit(form).defaultPrevented).toBe(true)
    await settle()
    const [, init] = deps.fetch.mock.calls[0]!
    expect(init.headers).toMatchObject({ Accept: 'application/json', 'x-csrf-token': 'tok-123' })
    expect(String(init.body)).toBe('_csrf=tok-123')
    expect(form.querySelector('button')!.getAttribute('aria-pressed')).toBe('true')
    expect(form.querySelector('[data-boost-label]')!.textContent).toBe('Boosted')
    expect(form.querySelector('[data-boost-count]')!.textContent).toBe('3 boosts')
    expect(deps.submit).not.toHaveBeenCalled()
  })

  it('falls back to the plain form post when the server refuses', async () => {
    threadPage(makeControls({ canBoost: true }))
    const deps = fakeDeps(async () => jsonResponse({ error: { code: 'forbidden' } }, 403))
    wireIslands(document, deps)
    const form = $<HTMLFormElement>('form[action="/posts/503/boost"]')
    submit(form)
    await settle()
    expect(deps.submit).toHaveBeenCalledWith(form)
    expect(form.querySelector('button')!.getAttribute('aria-pressed')).toBe('false')
  })

  it('reloads instead of re-posting when a 2xx answer cannot be read', async () => {
    threadPage(makeControls({ canBoost: true }))
    const deps = fakeDeps(async () => jsonResponse({ unexpected: true }))
    wireIslands(document, deps)
    submit($('form[action="/posts/503/boost"]'))
    await settle()
    expect(deps.reload).toHaveBeenCalled()
    expect(deps.submit).not.toHaveBeenCalled()
  })

  it('ignores a second submit while the first is in flight', async () => {
    threadPage(makeControls({ canBoost: true }))
    let release: (r: Response) => void = () => {}
    const deps = fakeDeps(() => new Promise<Response>((resolve) => (release = resolve)))
    wireIslands(document, deps)
    const form = $('form[action="/posts/503/boost"]')
    submit(form)
    submit(form)
    expect(form.getAttribute('aria-busy')).toBe('true')
    release(jsonResponse({ boosted: true, boostCount: 3 }))
    await settle()
    expect(deps.fetch).toHaveBeenCalledTimes(1)
    expect(form.hasAttribute('aria-busy')).toBe(false)
  })
})

describe('accept-button', () => {
  const twoReplies = () => {
    const data = makeThreadPageData({
      replies: [makePost({ id: 503, accepted: true }), makePost({ id: 504 })],
    })
    const controls = makeControls({ canAccept: true })
    loadPage(
      renderDocument(
        <ThreadPage
          site={signedInSite()}
          data={data}
          viewer={{ controls: { 503: controls, 504: controls }, canReply: true }}
        />,
      ),
    )
  }

  it('moves the accepted badge, class, heading and button texts to the new answer', async () => {
    twoReplies()
    const deps = fakeDeps(async () => jsonResponse({ accepted: true, acceptedPostId: 504 }))
    wireIslands(document, deps)
    submit($('form[action="/posts/504/accept"]'))
    await settle()
    expect($('form[action="/posts/504/accept"] button').textContent).toBe('Unaccept')
    expect($('form[action="/posts/503/accept"] button').textContent).toBe('Accept answer')
    expect($('#post-504').classList.contains('is-accepted')).toBe(true)
    expect($('#post-503').classList.contains('is-accepted')).toBe(false)
    expect(document.querySelectorAll('[data-accepted-badge]')).toHaveLength(1)
    expect($('#post-504 [data-accepted-badge]').textContent).toBe('✓ Accepted answer')
    expect($('#post-504 [data-post-heading]').textContent).toBe('Accepted answer by ada_fs')
    expect($('#post-503 [data-post-heading]').textContent).toBe('Reply by ada_fs')
    expect($<HTMLElement>('[data-thread-solved]').hidden).toBe(false)
  })

  it('clears every badge and hides "Solved" when the answer is unaccepted', () => {
    twoReplies()
    applyAccepted(document, null)
    expect(document.querySelectorAll('[data-accepted-badge]')).toHaveLength(0)
    expect(document.querySelectorAll('.is-accepted')).toHaveLength(0)
    expect($<HTMLElement>('[data-thread-solved]').hidden).toBe(true)
    for (const b of document.querySelectorAll('.accept-button'))
      expect(b.textContent).toBe('Accept answer')
  })
})

describe('reply-form', () => {
  it('inserts the returned reply, bumps the heading, clears the composer and focuses the reply', async () => {
    threadPage(makeControls())
    const html = renderReplyFragment(
      makePost({ id: 900, bodyHtml: '<p>New reply</p>', boostCount: 0 }),
      makeControls({ canBoost: true }),
      NOW,
    )
    const deps = fakeDeps(async () => jsonResponse({ postId: 900, html }))
    wireIslands(document, deps)
    const form = $<HTMLFormElement>('form.reply-form')
    const textarea = $<HTMLTextAreaElement>('#reply-body')
    textarea.value = 'New reply'
    submit(form)
    await settle()
    const [url, init] = deps.fetch.mock.calls[0]!
    expect(new URL(url).pathname).toBe('/threads/101/replies')
    expect(String(init.body)).toBe('_csrf=tok-123&body=New+reply')
    const list = $('[data-reply-list]')
    expect(list.lastElementChild!.id).toBe('post-900')
    expect($('#replies-heading').textContent).toBe('3 Replies')
    expect(textarea.value).toBe('')
    expect(document.activeElement).toBe($('#post-900'))
    // The fragment had no token: the page's token is copied into its forms, and its islands wired.
    expect($<HTMLInputElement>('#post-900 form input[name="_csrf"]').value).toBe('tok-123')
    expect(deps.wire).toHaveBeenCalledWith($('#post-900'))
  })

  it('falls back to the plain post on a validation error, leaving the text alone', async () => {
    threadPage(makeControls())
    const deps = fakeDeps(async () =>
      jsonResponse({ error: { code: 'invalid', field: 'body', message: 'Too short' } }, 422),
    )
    wireIslands(document, deps)
    $<HTMLTextAreaElement>('#reply-body').value = 'x'
    submit($('form.reply-form'))
    await settle()
    expect(deps.submit).toHaveBeenCalled()
    expect($<HTMLTextAreaElement>('#reply-body').value).toBe('x')
    expect($('#replies-heading').textContent).toBe('2 Replies')
  })
})

describe('composer-preview', () => {
  beforeEach(() => {
    loadPage(
      renderDocument(
        <AskPage
          site={signedInSite()}
          form={{ values: { title: '', body: '', tags: '' }, errors: {} }}
          tags={[kernelTag]}
          previewHtml={null}
        />,
      ),
    )
  })

  const type = (text: string) => {
    const body = $<HTMLTextAreaElement>('#ask-body')
    body.value = text
    body.dispatchEvent(new Event('input', { bubbles: true }))
  }

  it('previews 400 ms after typing stops, once, and announces it', async () => {
    vi.useFakeTimers()
    const deps = fakeDeps(async () => jsonResponse({ html: '<p><strong>hi</strong></p>' }))
    wireIslands(document, deps)
    type('*')
    vi.advanceTimersByTime(200)
    type('**hi**')
    vi.advanceTimersByTime(399)
    expect(deps.fetch).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(deps.fetch).toHaveBeenCalledTimes(1)
    const [url, init] = deps.fetch.mock.calls[0]!
    expect(url).toBe('/preview')
    expect(init.headers).toMatchObject({ 'x-csrf-token': 'tok-123', Accept: 'application/json' })
    expect(String(init.body)).toBe('body=**hi**')
    vi.useRealTimers()
    await settle()
    expect($('[data-island="composer-preview"]').innerHTML).toBe('<p><strong>hi</strong></p>')
    expect($<HTMLElement>('#ask-preview').hidden).toBe(false)
    expect($('#ask-preview-status').textContent).toBe('Preview updated.')
    expect($('#ask-preview-status').getAttribute('aria-live')).toBe('polite')
  })

  it('hides the panel for an empty body without asking the server', () => {
    vi.useFakeTimers()
    const deps = fakeDeps(async () => jsonResponse({ html: '' }))
    wireIslands(document, deps)
    type('   ')
    vi.advanceTimersByTime(500)
    expect(deps.fetch).not.toHaveBeenCalled()
    expect($<HTMLElement>('#ask-preview').hidden).toBe(true)
  })

  it('says so when the preview fails, keeping the form usable', async () => {
    vi.useFakeTimers()
    const deps = fakeDeps(async () => jsonResponse({}, 500))
    wireIslands(document, deps)
    type('text')
    vi.advanceTimersByTime(400)
    vi.useRealTimers()
    await settle()
    expect($('#ask-preview-status').textContent).toBe('Live preview is unavailable right now.')
    expect($<HTMLElement>('#ask-preview').hidden).toBe(true)
  })
})

describe('confirm-submit', () => {
  it('stops a delete the reader cancels and lets a confirmed one through', () => {
    threadPage(makeControls({ canDelete: true }))
    const deps = fakeDeps(async () => jsonResponse({}))
    wireIslands(document, deps)
    const form = $('form[action="/posts/503/delete"]')
    deps.confirm.mockReturnValueOnce(false)
    expect(submit(form).defaultPrevented).toBe(true)
    expect(deps.confirm).toHaveBeenCalledWith(
      'Delete this reply? Readers will see that it was deleted.',
    )
    deps.confirm.mockReturnValueOnce(true)
    expect(submit(form).defaultPrevented).toBe(false)
  })
})

describe('text-limit', () => {
  beforeEach(() => {
    loadPage(
      renderDocument(
        <AskPage
          site={signedInSite()}
          form={{ values: { title: '', body: '', tags: '' }, errors: {} }}
          tags={[kernelTag]}
          previewHtml={null}
        />,
      ),
    )
    wireIslands(
      document,
      fakeDeps(async () => jsonResponse({})),
    )
  })

  const type = (text: string) => {
    const body = $<HTMLTextAreaElement>('#ask-body')
    body.value = text
    body.dispatchEvent(new Event('input', { bubbles: true }))
    return body
  }
  const counter = () => $('#ask-body-count')

  it('stays quiet far from the limit', () => {
    const body = type('x'.repeat(10 * 1024))
    expect(counter().hidden).toBe(true)
    expect(body.validationMessage).toBe('')
  })

  it('says how much is left near the 64 KB limit, counting UTF-8 bytes', () => {
    const body = type('é'.repeat(27 * 1024)) // 54 KB in UTF-8 (2 bytes each)
    expect(counter().hidden).toBe(false)
    expect(counter().textContent).toBe('10 KB left of 64 KB.')
    expect(body.validationMessage).toBe('')
  })

  it('holds the form back over the limit and says by how much', () => {
    const body = type('x'.repeat(70 * 1024))
    expect(counter().textContent).toContain('6 KB over the 64 KB limit')
    expect(counter().classList.contains('field-count-over')).toBe(true)
    expect(body.validationMessage).toBe('This is 70 KB; the limit is 64 KB.')
    expect(body.closest('form')?.checkValidity()).toBe(false)
    type('x'.repeat(1000))
    expect(body.validationMessage).toBe('')
  })
})

describe('file-limit', () => {
  beforeEach(() => {
    loadPage(
      renderDocument(
        <AskPage
          site={signedInSite()}
          form={{ values: { title: '', body: '', tags: '' }, errors: {} }}
          tags={[kernelTag]}
          previewHtml={null}
        />,
      ),
    )
    wireIslands(
      document,
      fakeDeps(async () => jsonResponse({})),
    )
  })

  /** Chooses `files` in the attachments input, as the file picker does. */
  const choose = (files: File[]) => {
    const input = $<HTMLInputElement>('#ask-attachments')
    const list = Object.assign([...files], { item: (i: number) => files[i] ?? null })
    Object.defineProperty(input, 'files', { value: list, configurable: true })
    input.dispatchEvent(new Event('change', { bubbles: true }))
    return input
  }

  it('refuses a sixth file before the form is sent', () => {
    const input = choose(Array.from({ length: 6 }, (_, i) => new File(['x'], `log${i}.txt`)))
    expect(input.validationMessage).toBe('You chose 6 files; attach at most 5.')
    expect($('#ask-attachments-check').hidden).toBe(false)
    expect(input.closest('form')?.checkValidity()).toBe(false)
  })

  it('names a file over 4 MB, and is quiet again when the choice is fine', () => {
    const big = new File([new Uint8Array(4 * 1024 * 1024 + 1)], 'core.dump')
    const input = choose([new File(['ok'], 'a.txt'), big])
    expect(input.validationMessage).toContain('core.dump is larger than 4 MB')
    choose([new File(['ok'], 'a.txt')])
    expect(input.validationMessage).toBe('')
    expect($('#ask-attachments-check').hidden).toBe(true)
  })
})

describe('tag-suggest', () => {
  beforeEach(() => {
    loadPage(
      renderDocument(
        <AskPage
          site={signedInSite()}
          form={{ values: { title: '', body: '', tags: '' }, errors: {} }}
          tags={[
            kernelTag,
            { ...kernelTag, id: 2, slug: 'network-extension', name: 'Network Extension' },
            { ...kernelTag, id: 3, slug: 'networking', name: 'Networking' },
          ]}
          previewHtml={null}
        />,
      ),
    )
    wireIslands(
      document,
      fakeDeps(async () => jsonResponse({})),
    )
  })

  const type = (text: string) => {
    const input = $<HTMLInputElement>('#ask-tags')
    input.value = text
    input.dispatchEvent(new Event('input', { bubbles: true }))
    return [...$<HTMLDataListElement>('#ask-tag-names').options].map((o) => o.value)
  }

  it('lists every tag name without JavaScript, for the first entry', () => {
    expect([...$<HTMLDataListElement>('#ask-tag-names').options].map((o) => o.value)).toEqual([
      'Kernel',
      'Network Extension',
      'Networking',
    ])
  })

  it('completes the last entry and keeps the ones before it', () => {
    expect(type('Kernel, net')).toEqual(['Kernel, Network Extension', 'Kernel, Networking'])
    expect(type('Kernel, Networking, ')).toEqual(['Kernel, Networking, Network Extension'])
  })
})
