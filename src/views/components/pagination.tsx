import type { ComponentChildren } from 'preact'
import type { Paging } from '../../domain/thread-lists/index.js'
import { t, tx } from '../../i18n/index.js'
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
  const arrow = (c: ComponentChildren[]) => <span aria-hidden="true">{c}</span>
  const previous = tx('<arrow>← </arrow>Previous', { arrow })
  const next = tx('Next<arrow> →</arrow>', { arrow })
  return (
    <nav class="pagination" aria-label={t('Pagination')}>
      <ul>
        <li>
          {page > 1 ? (
            <a class="pagination-step" href={href(page - 1)} rel="prev">
              {previous}
            </a>
          ) : (
            <span class="pagination-step is-disabled">{previous}</span>
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
                aria-label={t('Page {page, number}', { page: item.page })}
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
              {next}
            </a>
          ) : (
            <span class="pagination-step is-disabled">{next}</span>
          )}
        </li>
      </ul>
    </nav>
  )
}
