import { describe, expect, it } from 'vitest'
import { renderDocument } from '../../../src/views/render.js'
import { TagPage } from '../../../src/views/pages/tag-page.js'
import {
  count,
  defaultListing,
  kernelTag,
  makePaging,
  makeSite,
  makeThreadItem,
} from './fixtures.js'

const threads = [
  makeThreadItem(),
  makeThreadItem({
    id: 102,
    title: 'ENOBUFS from sendto on a busy UDP socket',
    slug: 'enobufs',
    viewCount: 295,
    solved: true,
    pinned: true,
  }),
]

function render(overrides: Partial<Parameters<typeof TagPage>[0]> = {}) {
  return renderDocument(
    <TagPage
      site={makeSite()}
      tag={kernelTag}
      threads={threads}
      paging={makePaging()}
      listing={defaultListing}
      {...overrides}
    />,
  )
}

describe('TagPage', () => {
  it('has exactly one h1, the reference heading and the exact post count', () => {
    const html = render()
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(html).toContain('<h1>Posts under Kernel tag</h1>')
    expect(html).toContain('45 Posts')
    expect(html).toContain(kernelTag.description)
    expect(html).toContain('<title>Posts under Kernel tag – Quorum</title>')
  })

  it('says "1 Post" for a single post', () => {
    expect(render({ paging: makePaging({ total: 1, pageCount: 1 }) })).toContain('1 Post<')
  })

  it('shows the five column headers in a captioned table', () => {
    const html = render()
    const headers = [...html.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, '').trim(),
    )
    expect(headers).toEqual(['Post', 'Replies', 'Boosts', 'Views', 'Activity ↓'])
    expect(html).toContain('<caption class="visually-hidden">')
  })

  it('abbreviates counts with the exact number in a title, and labels cells for the card layout', () => {
    const html = render()
    expect(html).toMatch(/<data value="1849" title="1,849">1.8k<\/data>/)
    expect(html).toMatch(/<data value="295" title="295">295<\/data>/)
    expect(html).toContain('data-label="Views"')
  })

  it('shows Activity as a <time> element with datetime and title', () => {
    expect(render()).toMatch(
      /<time datetime="2025-11-20T04:00:00.000Z" title="2025-11-20 04:00 UTC">8h<\/time>/,
    )
  })

  it('links titles to /threads/:id/:slug and shows Solved and Pinned in words', () => {
    const html = render()
    expect(html).toContain('href="/threads/102/enobufs"')
    expect(html).toMatch(/Solved<\/span>/)
    expect(html).toMatch(/Pinned<\/span>/)
  })

  it('paginates with links that keep non-default parameters and mark the current page', () => {
    const listing = { sortBy: 'views', sortOrder: 'desc', filter: 'solved' } as const
    const html = render({ listing })
    expect(html).toContain('href="/tags/kernel?sortBy=views&amp;filter=solved&amp;page=2"')
    expect(html).toMatch(
      /<a class="pagination-page" href="\/tags\/kernel\?sortBy=views&amp;filter=solved" aria-label="Page 1" aria-current="page">/,
    )
    expect(html).toContain('<nav class="pagination" aria-label="Pagination">')
  })

  it('links page 2 as ?page=2 for the default listing', () => {
    expect(render()).toContain('href="/tags/kernel?page=2"')
  })

  it('marks the active sort column with aria-sort and makes headers sort links', () => {
    const html = render({ listing: { sortBy: 'views', sortOrder: 'desc', filter: 'all' } })
    expect(html).toMatch(
      /<th scope="col" class="col-num" aria-sort="descending"><a class="sort-link" href="\/tags\/kernel\?sortBy=views&amp;sortOrder=asc">Views/,
    )
    expect(count(html, /aria-sort=/)).toBe(1)
    expect(html).toContain('href="/tags/kernel?sortBy=replies"')
  })

  it('offers All / Solved / Unsolved filters, marking the current one', () => {
    const html = render({ listing: { ...defaultListing, filter: 'unsolved' } })
    expect(html).toContain('<a href="/tags/kernel">All</a>')
    expect(html).toContain('<a href="/tags/kernel?filter=solved">Solved</a>')
    expect(html).toContain(
      '<a href="/tags/kernel?filter=unsolved" aria-current="true">Unsolved</a>',
    )
  })

  it('links the RSS feed in the page and in the head', () => {
    const html = render()
    expect(html).toContain('<a href="/tags/kernel/feed">RSS for tag</a>')
    expect(html).toMatch(
      /<link rel="alternate" type="application\/rss\+xml" title="[^"]*" href="\/tags\/kernel\/feed"\/>/,
    )
    expect(html).toContain('<link rel="canonical" href="https://quorum.example/tags/kernel"/>')
  })

  it('shows a friendly empty state instead of an empty table', () => {
    const html = render({ threads: [], paging: makePaging({ total: 0, pageCount: 0 }) })
    expect(html).toContain('0 Posts')
    expect(html).toContain('Nobody has posted under Kernel yet.')
    expect(html).toContain('href="/ask?tag=kernel"')
    expect(html).not.toContain('<table')
    expect(html).not.toContain('aria-label="Pagination"')
  })

  it('offers the way back to all posts when a filter matches nothing', () => {
    const html = render({
      threads: [],
      paging: makePaging({ total: 0, pageCount: 0 }),
      listing: { ...defaultListing, filter: 'solved' },
    })
    expect(html).toContain('No solved posts under Kernel yet.')
    expect(html).toContain('<a href="/tags/kernel">Show all posts under Kernel</a>')
  })
})
