import {
  RANK_WINDOW,
  SEARCH_SORTS,
  type SearchResults,
  type SearchSort,
} from '../../domain/search/index.js'
import { msg, t, tm, tx } from '../../i18n/index.js'
import { Pagination } from '../components/pagination.js'
import { SearchForm, SearchHelp } from '../components/search-form.js'
import { searchHref, withSort } from '../components/search-href.js'
import { SearchResultTable } from '../components/search-results.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface SearchPageProps {
  site: SiteContext
  /** The query as typed ('' shows the form and the operator help). */
  q: string
  /** null when there is no query. */
  results: SearchResults | null
}

const SORT_LABELS: Record<SearchSort, string> = {
  relevance: msg('Relevance'),
  newest: msg('Newest'),
  activity: msg('Activity'),
  boosts: msg('Boosts'),
}

/** "12 results for “q”"; "1,000+ results" when the count stopped early. */
function resultCount(results: SearchResults, q: string): string {
  if (results.totalIsLowerBound)
    return t('{count, number}+ results for “{q}”', { count: results.total, q })
  return t('{count, plural, one {# result} other {# results}} for “{q}”', {
    count: results.total,
    q,
  })
}

function SortLinks({ q, current }: { q: string; current: SearchSort }) {
  return (
    <div class="listing-controls">
      <div class="choice-group">
        <span class="choice-label">{t('Sort by')}</span>
        <ul class="segmented">
          {SEARCH_SORTS.map((sort) => (
            <li key={sort}>
              <a
                href={searchHref(withSort(q, sort))}
                aria-current={sort === current ? 'true' : undefined}
              >
                {t(SORT_LABELS[sort])}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}

/** No match: say so, then offer the query's words without operators and the tag directory. */
function NoResults({ q, results }: { q: string; results: SearchResults }) {
  const words = results.query.plainText
  return (
    <div class="empty-state">
      <p>{t('No threads match “{q}”.', { q })}</p>
      {words !== '' && words !== q && (
        <p>
          {tx('Search for the words alone: <a>{words}</a>', {
            words,
            a: (c) => <a href={searchHref(words)}>{c}</a>,
          })}
        </p>
      )}
      {words === q && <p>{t('Check the spelling, or try fewer or more general words.')}</p>}
      <p>
        <a href="/tags">{t('Browse the tag directory')}</a>
      </p>
    </div>
  )
}

/** `/search`: the query box, then notices, sort links, results with highlighted snippets and pages. */
export function SearchPage({ site, q, results }: SearchPageProps) {
  const notices = results === null ? [] : results.query.notices.map((notice) => tm(notice))
  if (results?.relaxed)
    notices.push(t('No thread has every word; these threads have some of them.'))
  if (results?.windowed) {
    notices.push(
      t(
        'More than {count, number} threads match, so these come from the newest {count, number}. Add words to narrow the search.',
        { count: RANK_WINDOW },
      ),
    )
  }
  const title = q === '' ? t('Search') : t('Search results for “{q}”', { q })
  return (
    <Layout
      site={site}
      meta={{
        title:
          results && results.paging.page > 1
            ? t('{title} (page {page, number})', { title, page: results.paging.page })
            : title,
        // The bare page is an entry page, indexed under one URL; results are an endless URL space of
        // what the sitemap already lists, so they stay noindex (docs/quality.md, "Search engines").
        noindex: q !== '',
        ...(q === '' ? { canonicalPath: '/search' } : {}),
      }}
    >
      <header class="page-header">
        <h1>{q === '' ? t('Search') : t('Search results')}</h1>
        <SearchForm site={site} q={q} />
        {results !== null && (
          <p class="listing-count" role="status">
            {resultCount(results, q)}
          </p>
        )}
      </header>
      {notices.length > 0 && (
        <ul class="search-notices">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
      {results === null ? (
        <SearchHelp />
      ) : results.hits.length === 0 ? (
        <NoResults q={q} results={results} />
      ) : (
        <>
          <SortLinks q={q} current={results.query.sort} />
          <SearchResultTable
            hits={results.hits}
            now={site.now}
            caption={
              results.paging.pageCount > 1
                ? t('Search results, page {page, number} of {count, number}', {
                    page: results.paging.page,
                    count: results.paging.pageCount,
                  })
                : t('Search results')
            }
          />
          <Pagination paging={results.paging} href={(page) => searchHref(q, page)} />
        </>
      )}
    </Layout>
  )
}
