// @vitest-environment jsdom
/**
 * The composer islands against the markup the server renders: drafts saved as the person types and the
 * warning before leaving (composer), the Markdown toolbar (markdown-toolbar), and the tools on code
 * blocks (code-blocks).
 */
import { renderToString } from 'preact-render-to-string'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { wireIslands } from '../../../src/client/islands.js'
import { DRAFT_IDLE_MS } from '../../../src/client/islands/composer.js'
import { LINE_NUMBERS_KEY } from '../../../src/client/islands/code-blocks.js'
import { TOOLBAR_ACTIONS } from '../../../src/client/islands/markdown-toolbar.js'
import { renderMarkdown } from '../../../src/domain/markdown/index.js'
import { renderReplyFragment } from '../../../src/views/fragments.js'
import { AskPage } from '../../../src/views/pages/ask-page.js'
import { EditPostPage } from '../../../src/views/pages/edit-post-page.js'
import { ThreadPage } from '../../../src/views/pages/thread-page.js'
import { renderDocument } from '../../../src/views/render.js'
import { KeyboardShortcutsDialog } from '../../../src/views/components/keyboard-shortcuts.js'
import {
  ALL_CONTROLS,
  kernelTag,
  makePost,
  makeThreadPageData,
  makeViewerState,
  NOW,
  signedInSite,
} from '../views/fixtures.js'
import { fakeDeps, jsonResponse, loadPage, settle, submit } from './helpers.js'

const $ = <T extends Element = HTMLElement>(selector: string) => {
  const el = document.querySelector<T>(selector)
  if (el === null) throw new Error(`missing ${selector}`)
  return el
}

function askPage(values = { title: '', body: '', tags: '' }, draftSavedAt: number | null = null) {
  loadPage(
    renderDocument(
      <AskPage
        site={signedInSite()}
        form={{ values, errors: {} }}
        tags={[kernelTag]}
        previewHtml={null}
        draftSavedAt={draftSavedAt}
      />,
    ),
  )
}

const type = (selector: string, text: string) => {
  const field = $<HTMLTextAreaElement | HTMLInputElement>(selector)
  field.value = text
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

/** The island's own requests (the page's other islands fetch too: preview, similar threads). */
const draftCalls = (deps: ReturnType<typeof fakeDeps>) =>
  deps.fetch.mock.calls.filter(([url]) => url.includes('/drafts'))

const leaving = () => {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

afterEach(() => {
  document.body.innerHTML = ''
  document.documentElement.className = ''
  localStorage.clear()
  vi.useRealTimers()
})

describe('composer: drafts and the warning before leaving', () => {
  it('saves 2 s after typing stops, with the CSRF token; then leaving is safe', async () => {
    vi.useFakeTimers()
    askPage()
    const deps = fakeDeps(async () => jsonResponse({ savedAt: NOW, empty: false }))
    wireIslands(document, deps)
    expect(leaving()).toBe(false)
    type('#ask-title', 'ENOBUFS from sendto on a busy socket')
    type('#ask-body', 'It fails.')
    expect(leaving()).toBe(true)
    vi.advanceTimersByTime(DRAFT_IDLE_MS - 1)
    expect(draftCalls(deps)).toEqual([])
    vi.advanceTimersByTime(1)
    await vi.runAllTimersAsync()
    expect(draftCalls(deps)).toHaveLength(1)
    const [url, init] = draftCalls(deps)[0]!
    expect(url).toBe('/drafts')
    expect(init.headers).toMatchObject({ 'x-csrf-token': 'tok-123' })
    expect(Object.fromEntries(init.body as URLSearchParams)).toEqual({
      thread: '',
      title: 'ENOBUFS from sendto on a busy socket',
      body: 'It fails.',
      tags: '',
    })
    expect($('.draft-status').textContent).toMatch(/^Draft saved at /)
    expect(leaving()).toBe(false)
  })

  it('says why a draft was not saved, and still warns', async () => {
    vi.useFakeTimers()
    askPage()
    const deps = fakeDeps(async () =>
      jsonResponse({ error: { code: 'invalid', field: 'body', message: 'Too long.' } }, 422),
    )
    wireIslands(document, deps)
    type('#ask-body', 'x')
    await vi.runAllTimersAsync()
    expect($('.draft-status').textContent).toBe('Draft not saved: Too long.')
    expect(leaving()).toBe(true)
  })

  it('does not warn or save once the form is submitted', async () => {
    vi.useFakeTimers()
    askPage()
    const deps = fakeDeps(async () => jsonResponse({ savedAt: NOW, empty: false }))
    wireIslands(document, deps)
    type('#ask-body', 'Posting now')
    submit($('form.stacked-form'))
    expect(leaving()).toBe(false)
    await vi.runAllTimersAsync()
    expect(draftCalls(deps)).toEqual([])
  })

  it('a restored draft: no warning until it changes; Discard draft empties the form in place', async () => {
    askPage({ title: 'A restored title for it', body: 'Restored body', tags: 'kernel' }, NOW)
    const deps = fakeDeps(async () => jsonResponse({ discarded: true }))
    wireIslands(document, deps)
    expect(leaving()).toBe(false)
    expect(submit($('form[data-draft-discard]')).defaultPrevented).toBe(true)
    await settle()
    expect(draftCalls(deps)[0]![0]).toMatch(/\/drafts\/discard$/)
    expect($<HTMLTextAreaElement>('#ask-body').value).toBe('')
    expect($<HTMLInputElement>('#ask-title').value).toBe('')
    expect(document.querySelector('[data-draft-notice]')).toBeNull()
    expect($('.draft-status').textContent).toBe('Draft discarded.')
    expect(leaving()).toBe(false)
    expect(deps.submit).not.toHaveBeenCalled()
  })

  it('editing a post keeps no draft but warns before leaving a changed text', async () => {
    vi.useFakeTimers()
    loadPage(
      renderDocument(
        <EditPostPage
          site={signedInSite()}
          post={{
            id: 502,
            threadId: 101,
            threadTitle: 'A thread',
            threadSlug: 'a-thread',
            kind: 'reply',
          }}
          form={{ values: { body: 'The reply as posted.' }, errors: {} }}
          previewHtml={null}
        />,
      ),
    )
    const deps = fakeDeps(async () => jsonResponse({}))
    wireIslands(document, deps)
    expect(document.querySelector('.md-toolbar button')).not.toBeNull()
    expect(leaving()).toBe(false)
    type('#edit-body', 'The reply, corrected.')
    await vi.runAllTimersAsync()
    expect(draftCalls(deps)).toEqual([])
    expect(leaving()).toBe(true)
    type('#edit-body', 'The reply as posted.')
    expect(leaving()).toBe(false)
  })

  it('a reply saves under its thread', async () => {
    vi.useFakeTimers()
    loadPage(
      renderDocument(
        <ThreadPage
          site={signedInSite()}
          data={makeThreadPageData()}
          viewer={makeViewerState(ALL_CONTROLS)}
        />,
      ),
    )
    const deps = fakeDeps(async () => jsonResponse({ savedAt: NOW, empty: false }))
    wireIslands(document, deps)
    type('#reply-body', 'Half a reply')
    await vi.runAllTimersAsync()
    expect(Object.fromEntries(draftCalls(deps)[0]![1].body as URLSearchParams)).toEqual({
      thread: '101',
      body: 'Half a reply',
    })
  })
})

describe('composer with the reply island', () => {
  it('a reply posted in place leaves an empty form with nothing to warn about', async () => {
    loadPage(
      renderDocument(
        <ThreadPage
          site={signedInSite()}
          data={makeThreadPageData()}
          viewer={makeViewerState(ALL_CONTROLS)}
          draft={{ threadId: 101, title: '', body: 'My draft', tags: '', updatedAt: NOW }}
        />,
      ),
    )
    expect($<HTMLTextAreaElement>('#reply-body').value).toBe('My draft')
    const html = renderReplyFragment(
      makePost({ id: 900, bodyHtml: '<p>Posted</p>' }),
      ALL_CONTROLS,
      NOW,
    )
    const deps = fakeDeps(async (url) =>
      url.includes('/replies') ? jsonResponse({ postId: 900, html }, 201) : jsonResponse({}),
    )
    wireIslands(document, deps)
    type('#reply-body', 'Posted')
    expect(leaving()).toBe(true)
    submit($('form.reply-form'))
    await settle()
    expect($<HTMLTextAreaElement>('#reply-body').value).toBe('')
    expect(document.querySelector('[data-draft-notice]')).toBeNull()
    expect(leaving()).toBe(false)
    expect(draftCalls(deps)).toEqual([])
  })
})

describe('markdown-toolbar', () => {
  it('renders labelled buttons with their shortcuts only when it runs, and edits the selection', () => {
    askPage({ title: '', body: 'call vnode_put here', tags: '' })
    const bar = $('.md-toolbar')
    expect(bar.hidden).toBe(true)
    expect(bar.querySelectorAll('button')).toHaveLength(0)
    wireIslands(
      document,
      fakeDeps(async () => jsonResponse({})),
    )
    expect(bar.hidden).toBe(false)
    expect(bar.getAttribute('role')).toBe('toolbar')
    const titles = [...bar.querySelectorAll('button')].map((b) => [b.type, b.textContent, b.title])
    expect(titles).toEqual([
      ['button', 'Code block', 'Code block (Ctrl+Shift+L)'],
      ['button', 'Inline code', 'Inline code (Ctrl+E)'],
      ['button', 'Link', 'Link (Ctrl+K)'],
      ['button', 'Quote', 'Quote (Ctrl+Shift+.)'],
      ['button', 'List', 'List (Ctrl+Shift+8)'],
    ])
    const body = $<HTMLTextAreaElement>('#ask-body')
    body.setSelectionRange(5, 14)
    $<HTMLButtonElement>('[data-action="inline-code"]').click()
    expect(body.value).toBe('call `vnode_put` here')
    body.setSelectionRange(0, 0)
    body.dispatchEvent(
      new KeyboardEvent('keydown', { code: 'Period', shiftKey: true, ctrlKey: true }),
    )
    expect(body.value).toBe('> call `vnode_put` here')
  })

  it('takes no shortcut the browser keeps for itself (Ctrl+Shift+C opens the inspector)', () => {
    // Chrome's and Firefox's own Ctrl+Shift shortcuts that a page never sees or should not take:
    // inspector, devtools, consoles, windows, tabs, bookmarks, downloads, text direction, paste plain.
    const RESERVED_WITH_SHIFT = 'ABCDEIJKMNOPQRSTVWXYZ'.split('').map((c) => `Key${c}`)
    const taken = TOOLBAR_ACTIONS.filter((a) => a.shift && RESERVED_WITH_SHIFT.includes(a.code))
    expect(taken.map((a) => `${a.label}: Ctrl+Shift+${a.key}`)).toEqual([])
  })

  it('lists every toolbar shortcut in the ? dialog, as the toolbar names it', () => {
    const html = renderToString(<KeyboardShortcutsDialog />)
    const doc = new DOMParser().parseFromString(html, 'text/html')
    const listed = [...doc.querySelectorAll('.shortcuts-composer > div')].map(
      (row) => `${row.querySelector('dt')?.textContent} ${row.querySelector('dd')?.textContent}`,
    )
    for (const action of TOOLBAR_ACTIONS)
      expect(listed).toContain(`Ctrl+${action.shift ? 'Shift+' : ''}${action.key} ${action.label}`)
  })
})

describe('code-blocks', () => {
  const threadWithCode = (markdown: string) =>
    loadPage(
      renderDocument(
        <ThreadPage
          site={signedInSite()}
          data={makeThreadPageData({
            question: makePost({ id: 501, bodyHtml: renderMarkdown(markdown) }),
          })}
          viewer={makeViewerState(ALL_CONTROLS)}
        />,
      ),
    )

  it('adds Copy and a remembered Line numbers toggle; numbers are a gutter of empty elements', () => {
    threadWithCode('```c\nint a;\nint b;\n```')
    wireIslands(
      document,
      fakeDeps(async () => jsonResponse({})),
    )
    const tools = [...document.querySelectorAll('.code-tools button')].map((b) => b.textContent)
    expect(tools).toEqual(['Copy', 'Line numbers'])
    const toggle = $<HTMLButtonElement>('[data-line-numbers]')
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    toggle.click()
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(localStorage.getItem(LINE_NUMBERS_KEY)).toBe('on')
    const gutter = $('pre.code .code-gutter')
    expect(gutter.children).toHaveLength(2)
    expect(gutter.textContent).toBe('')
    expect($('pre.code code').textContent).toBe('int a;\nint b;\n')
  })

  it('a long block is folded by the server markup, with "Show all N lines"', () => {
    const lines = Array.from({ length: 45 }, (_, i) => `frame ${i}`).join('\n')
    threadWithCode('```\n' + lines + '\n```')
    expect($('.code-fold > details.code-unfold summary').textContent).toContain('Show all 45 lines')
    expect(document.querySelectorAll('pre.code')).toHaveLength(1)
  })

  it('posts without code have no island', () => {
    threadWithCode('Just words.')
    expect(document.querySelector('[data-island="code-blocks"]')).toBeNull()
  })
})
