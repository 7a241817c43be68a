import { DEFAULT_LISTING, type ListingOptions } from '../../domain/thread-lists/index.js'
import { tagHref } from './tag-list.js'

/** The default listing's values are left out of links (re-exported for the views). */
export { DEFAULT_LISTING }

/**
 * The query string for a listing and page, without the defaults (sortBy=activity, sortOrder=desc,
 * filter=all, page=1), so the plain URL stays canonical. Parameter names are the reference's.
 * Returns "" or a string starting with "?".
 */
export function listingQuery(listing: ListingOptions, page: number): string {
  const params = new URLSearchParams()
  if (listing.sortBy !== DEFAULT_LISTING.sortBy) params.set('sortBy', listing.sortBy)
  if (listing.sortOrder !== DEFAULT_LISTING.sortOrder) params.set('sortOrder', listing.sortOrder)
  if (listing.filter !== DEFAULT_LISTING.filter) params.set('filter', listing.filter)
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query === '' ? '' : `?${query}`
}

/**
 * Link to a page of a tag's listing that keeps the current sort and filter.
 * @example tagPageHref('kernel', { sortBy: 'views', sortOrder: 'desc', filter: 'all' }, 2) // "/tags/kernel?sortBy=views&page=2"
 */
export function tagPageHref(slug: string, listing: ListingOptions, page: number): string {
  return tagHref(slug) + listingQuery(listing, page)
}
