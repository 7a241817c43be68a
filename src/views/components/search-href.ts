import type { SearchSort } from '../../domain/search/index.js'

/**
 * Link to a page of search results for a query as typed.
 * @example searchHref('vnode_setmultipath tag:kernel', 2) // "/search?q=vnode_setmultipath+tag%3Akernel&page=2"
 */
export function searchHref(q: string, page = 1): string {
  const params = new URLSearchParams({ q })
  if (page > 1) params.set('page', String(page))
  return `/search?${params.toString()}`
}

/**
 * The query with its `sort:` operator replaced (dropped for relevance, the default).
 * @example withSort('panic sort:newest', 'boosts') // "panic sort:boosts"
 */
export function withSort(q: string, sort: SearchSort): string {
  const rest = q
    .split(/\s+/u)
    .filter((chunk) => chunk !== '' && !/^sort:/iu.test(chunk))
    .join(' ')
  return sort === 'relevance' ? rest : `${rest} sort:${sort}`.trim()
}
