// @vitest-environment jsdom
/**
 * The ask page's similar-threads island on the server's own markup: debounced, posts the draft with the CSRF
 * token, shows the list the server rendered, hides the box when nothing is close, and keeps only the latest
 * answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { wireIslands } from '../../../src/client/islands.js'
import {
  parseSimilarResult,
  SIMILAR_DELAY_MS,
} from '../../../src/client/islands/similar-threads.js'
import { renderSimilarThreadsFragment } from '../../../src/views/components/similar-threads.js'
import { AskPage } from '../../../src/views/pages/ask-page.js'
import { renderDocument } from '../../../src/views/render.js'
import { kernelTag, signedInSite } from '../views/fixtures.js'
import { fakeDeps, jsonResponse, loadPage, settle } from '../client/helpers.js'

const THREAD = {
  id: 7,
  title: 'Panic in apfs_io_lock_exclusive <b>',
  slug: 'panic-in-apfs-io-lock-exclusive-b',
  solved: true,
  replyCount: 3,
  shared: ['3f2a9c1b0d4e'],
  score: 1.4,
}

const box = () => document.querySelector<HTMLElement>('[data-island="similar-threads"]')
const type = (selector: string, text: string) => {
  const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)
  if (field === null) throw new Error(`missing ${selector}`)
  field.value = text
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

describe('similar-threads island', () => {
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
  afterEach(() => {
    document.body.innerHTML = ''
    vi.useRealTimers()
  })

  it(`asks ${SIMILAR_DELAY_MS} ms after the title or body stops changing, and shows the list`, async () => {
    vi.useFakeTimers()
    const html = renderSimilarThreadsFragment([THREAD])
    const deps = fakeDeps(async (url) =>
      jsonResponse(url === '/ask/similar' ? { threads: [THREAD], html } : { html: '' }),
    )
    wireIslands(document, deps)
    type('#ask-title', 'Panic in APFS locking')
    vi.advanceTimersByTime(300)
    type('#ask-body', 'Recursive exclusive lock attempt')
    vi.advanceTimersByTime(SIMILAR_DELAY_MS - 1)
    const similarCalls = () => deps.fetch.mock.calls.filter(([url]) => url === '/ask/similar')
    expect(similarCalls()).toHaveLength(0)
    vi.advanceTimersByTime(1)
    expect(similarCalls()).toHaveLength(1)
    const [, init] = similarCalls()[0] ?? []
    expect(init?.headers).toMatchObject({ 'x-csrf-token': 'tok-123', Accept: 'application/json' })
    expect(String(init?.body)).toBe(
      'title=Panic+in+APFS+locking&body=Recursive+exclusive+lock+attempt',
    )
    vi.useRealTimers()
    await settle()
    expect(box()?.hidden).toBe(false)
    expect(box()?.querySelector('.similar-title')?.textContent).toBe(
      'Panic in apfs_io_lock_exclusive <b>',
    )
    expect(box()?.querySelector('b')).toBeNull()
    expect(box()?.textContent).toContain('Solved')
    // The marker and the counts read as separate words ("Solved 3 replies", not "Solved3 replies").
    expect(box()?.querySelector('.similar-item')?.textContent?.replace(/\s+/g, ' ')).toMatch(
      /Solved 3 replies/,
    )
  })

  it('hides the box when nothing is close, and does not ask for a near-empty draft', async () => {
    vi.useFakeTimers()
    const deps = fakeDeps(async () => jsonResponse({ threads: [], html: '' }))
    wireIslands(document, deps)
    type('#ask-title', 'Hi')
    vi.advanceTimersByTime(SIMILAR_DELAY_MS)
    expect(deps.fetch.mock.calls.filter(([url]) => url === '/ask/similar')).toHaveLength(0)
    type('#ask-title', 'A long enough title about kexts')
    vi.advanceTimersByTime(SIMILAR_DELAY_MS)
    vi.useRealTimers()
    await settle()
    expect(box()?.hidden).toBe(true)
  })

  it('checks the answer before using it', () => {
    expect(parseSimilarResult({ html: '<ol></ol>', threads: [] })).toEqual({
      html: '<ol></ol>',
      count: 0,
    })
    expect(parseSimilarResult({ html: 1, threads: [] })).toBeNull()
    expect(parseSimilarResult({ error: { code: 'forbidden' } })).toBeNull()
  })
})
