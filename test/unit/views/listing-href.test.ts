import { describe, expect, it } from 'vitest'
import { listingQuery, tagPageHref } from '../../../src/views/components/listing-href.js'
import { defaultListing } from './fixtures.js'

describe('tagPageHref', () => {
  it('is the bare tag path for the default listing on page 1', () => {
    expect(tagPageHref('kernel', defaultListing, 1)).toBe('/tags/kernel')
  })

  it('adds only the page when the listing is the default', () => {
    expect(tagPageHref('kernel', defaultListing, 2)).toBe('/tags/kernel?page=2')
  })

  it('keeps non-default sort, order and filter, in a stable order', () => {
    expect(tagPageHref('kernel', { sortBy: 'views', sortOrder: 'asc', filter: 'solved' }, 3)).toBe(
      '/tags/kernel?sortBy=views&sortOrder=asc&filter=solved&page=3',
    )
  })

  it('omits each default independently', () => {
    expect(tagPageHref('kernel', { ...defaultListing, sortBy: 'replies' }, 1)).toBe(
      '/tags/kernel?sortBy=replies',
    )
    expect(tagPageHref('kernel', { ...defaultListing, sortOrder: 'asc' }, 1)).toBe(
      '/tags/kernel?sortOrder=asc',
    )
    expect(tagPageHref('kernel', { ...defaultListing, filter: 'unsolved' }, 1)).toBe(
      '/tags/kernel?filter=unsolved',
    )
  })

  it('treats page 0 or below as page 1', () => {
    expect(tagPageHref('kernel', defaultListing, 0)).toBe('/tags/kernel')
  })

  it('encodes the slug', () => {
    expect(tagPageHref('c++ & rust', defaultListing, 1)).toBe('/tags/c%2B%2B%20%26%20rust')
  })

  it('listingQuery is empty for defaults', () => {
    expect(listingQuery(defaultListing, 1)).toBe('')
  })
})
