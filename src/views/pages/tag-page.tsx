import type { TagSummary } from '../../domain/tags/index.js'
import type { ListingOptions, Paging, ThreadListItem } from '../../domain/thread-lists/index.js'
import { t } from '../../i18n/index.js'
import { ListingControls } from '../components/listing-controls.js'
import { DEFAULT_LISTING, tagPageHref } from '../components/listing-href.js'
import { Pagination } from '../components/pagination.js'
import { ThreadTable } from '../components/thread-table.js'
import { WatchControl } from '../components/watch-control.js'
import type { WatchState } from '../../domain/watching/index.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface TagPageProps {
  site: SiteContext
  tag: TagSummary
  threads: ThreadListItem[]
  paging: Paging
  listing: ListingOptions
  /** The signed-in viewer's level for this tag; absent for anonymous readers. */
  watch?: WatchState
  /** Signed-in viewers: unread replies of the threads they track or watch. */
  unread?: ReadonlyMap<number, number>
}

/** Path of a tag's RSS feed. */
export function tagFeedHref(slug: string): string {
  return `/tags/${encodeURIComponent(slug)}/feed`
}

function EmptyTag({ tag, listing }: { tag: TagSummary; listing: ListingOptions }) {
  if (listing.filter !== 'all') {
    return (
      <div class="empty-state">
        <p>
          {listing.filter === 'solved'
            ? t('No solved posts under {tag} yet.', { tag: tag.name })
            : t('No unsolved posts under {tag} yet.', { tag: tag.name })}
        </p>
        <p>
          <a href={tagPageHref(tag.slug, { ...listing, filter: 'all' }, 1)}>
            {t('Show all posts under {tag}', { tag: tag.name })}
          </a>
        </p>
      </div>
    )
  }
  return (
    <div class="empty-state">
      <p>{t('Nobody has posted under {tag} yet.', { tag: tag.name })}</p>
      <p>
        <a class="button" href={`/ask?tag=${encodeURIComponent(tag.slug)}`}>
          {t('Ask the first question')}
        </a>
      </p>
    </div>
  )
}

/** A tag's listing, as the reference shows it: description, heading, count, controls, table, pages, feed. */
export function TagPage({ site, tag, threads, paging, listing, watch, unread }: TagPageProps) {
  const heading = t('Posts under {tag} tag', { tag: tag.name })
  const feedHref = tagFeedHref(tag.slug)
  const pageHref = (page: number) => tagPageHref(tag.slug, listing, page)
  return (
    <Layout
      site={site}
      meta={{
        title:
          paging.page > 1
            ? t('{heading} (page {page, number})', { heading, page: paging.page })
            : heading,
        // Imported tags may have no description; an empty meta description is worse than a plain one.
        description:
          tag.description === ''
            ? t('Questions and answers about {tag} on {site}.', { tag: tag.name, site: site.name })
            : tag.description,
        canonicalPath: tagPageHref(tag.slug, DEFAULT_LISTING, paging.page),
        feed: { title: t('{tag} on {site}', { tag: tag.name, site: site.name }), href: feedHref },
      }}
      live={`tag=${tag.id}`}
    >
      <header class="page-header">
        {tag.description !== '' && <p class="tag-description">{tag.description}</p>}
        <h1>{heading}</h1>
        <p class="listing-count">
          {t('{count, plural, one {# Post} other {# Posts}}', { count: paging.total })}
        </p>
        {watch !== undefined && (
          <WatchControl watch={watch} csrfToken={site.csrfToken} back={pageHref(paging.page)} />
        )}
      </header>
      <ListingControls listing={listing} href={(next) => tagPageHref(tag.slug, next, 1)} />
      {threads.length === 0 ? (
        <EmptyTag tag={tag} listing={listing} />
      ) : (
        <>
          <ThreadTable
            threads={threads}
            now={site.now}
            caption={
              paging.pageCount > 1
                ? t('{heading}, page {page, number} of {pages, number}', {
                    heading,
                    page: paging.page,
                    pages: paging.pageCount,
                  })
                : heading
            }
            listing={listing}
            {...(unread ? { unread } : {})}
            sortHref={(sortBy, sortOrder) =>
              tagPageHref(tag.slug, { ...listing, sortBy, sortOrder }, 1)
            }
          />
          <Pagination paging={paging} href={pageHref} />
        </>
      )}
      <p class="feed-link">
        <a href={feedHref}>{t('RSS for tag')}</a>
      </p>
    </Layout>
  )
}
