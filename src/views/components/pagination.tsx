import type { Paging } from '../../domain/thread-lists/index.js'
import { paginationItems } from './pagination-items.js'

export interface PaginationProps {
  paging: Paging
  /** Link to a page of the same listing (keeps sort and filter). */
  href: (page: number) => string
}

/** Numbered page links with previous/next; renders nothing for a single page. */
export function Pagination({ paging, href }: PaginationProps) {
  const { page, pageCount } = paging
  if (pageCount <= 1) return null
  return (
    <nav class="pagination" aria-label="Pagination">
      <ul>
        <li>
          {page > 1 ? (
            <a class="pagination-step" href={href(page - 1)} rel="prev">
              <span aria-hidden="true">← </span>Previous
            </a>
          ) : (
            <span class="pagination-step is-disabled">
              <span aria-hidden="true">← </span>Previous
            </span>
          )}
        </li>
        {paginationItems(page, pageCount).map((item) =>
          item.kind === 'gap' ? (
            <li key={item.key} class="pagination-gap">
              …
            </li>
          ) : (
            <li key={item.page}>
              <a
                class="pagination-page"
                href={href(item.page)}
                aria-label={`Page ${item.page}`}
                aria-current={item.page === page ? 'page' : undefined}
              >
                {item.page}
              </a>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <a class="pagination-step" href={href(page + 1)} rel="next">
              Next<span aria-hidden="true"> →</span>
            </a>
          ) : (
            <span class="pagination-step is-disabled">
              Next<span aria-hidden="true"> →</span>
            </span>
          )}
        </li>
      </ul>
    </nav>
  )
}
