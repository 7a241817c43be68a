import type { TagSummary } from '../../domain/tags/index.js'
import type { ListingOptions, Paging, ThreadListItem } from '../../domain/thread-lists/index.js'
import { countNoun } from '../components/count-noun.js'
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
          No {listing.filter} posts under {tag.name} yet.
        </p>
        <p>
          <a href={tagPageHref(tag.slug, { ...listing, filter: 'all' }, 1)}>
            Show all posts under {tag.name}
          </a>
        </p>
      </div>
    )
  }
  return (
    <div class="empty-state">
      <p>Nobody has posted under {tag.name} yet.</p>
      <p>
        <a class="button" href={`/ask?tag=${encodeURIComponent(tag.slug)}`}>
          Ask the first question
        </a>
      </p>
    </div>
  )
}

/** A tag's listing, as the reference shows it: description, heading, count, controls, table, pages, feed. */
export function TagPage({ site, tag, threads, paging, listing, watch, unread }: TagPageProps) {
  const heading = `Posts under ${tag.name} tag`
  const feedHref = tagFeedHref(tag.slug)
  const pageHref = (page: number) => tagPageHref(tag.slug, listing, page)
  return (
    <Layout
      site={site}
      meta={{
        title: paging.page > 1 ? `${heading} (page ${paging.page})` : heading,
        // Imported tags may have no description; an empty meta description is worse than a plain one.
        description:
          tag.description === ''
            ? `Questions and answers about ${tag.name} on ${site.name}.`
            : tag.description,
        canonicalPath: tagPageHref(tag.slug, DEFAULT_LISTING, paging.page),
        feed: { title: `${tag.name} on ${site.name}`, href: feedHref },
      }}
      live={`tag=${tag.id}`}
    >
      <header class="page-header">
        {tag.description !== '' && <p class="tag-description">{tag.description}</p>}
        <h1>{heading}</h1>
        <p class="listing-count">{countNoun(paging.total, 'Post')}</p>
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
                ? `${heading}, page ${paging.page} of ${paging.pageCount}`
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
        <a href={feedHref}>RSS for tag</a>
      </p>
    </Layout>
  )
}
