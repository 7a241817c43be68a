import type { TagSummary } from '../../domain/tags/index.js'
import type { ThreadListItem } from '../../domain/thread-lists/index.js'
import { t } from '../../i18n/index.js'
import { tagHref } from '../components/tag-list.js'
import { ThreadTable } from '../components/thread-table.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface HomePageProps {
  site: SiteContext
  latest: ThreadListItem[]
  tags: TagSummary[]
  /** Signed-in viewers: unread replies of the threads they track or watch. */
  unread?: ReadonlyMap<number, number>
}

function PopularTags({ tags }: { tags: TagSummary[] }) {
  return (
    <section class="sidebar-section" aria-labelledby="popular-tags">
      <h2 id="popular-tags">{t('Popular tags')}</h2>
      {tags.length === 0 ? (
        <p class="muted">{t('No tags yet.')}</p>
      ) : (
        <ul class="tag-counts">
          {tags.map((tag) => (
            <li key={tag.slug}>
              <a class="tag" href={tagHref(tag.slug)}>
                {tag.name}
              </a>{' '}
              <span class="muted">
                {t('{count, plural, one {# post} other {# posts}}', { count: tag.threadCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/tags">{t('All tags')}</a>
      </p>
    </section>
  )
}

/** The front page: a welcome, the latest threads across tags, and the popular tags. */
export function HomePage({ site, latest, tags, unread }: HomePageProps) {
  return (
    <Layout site={site} meta={{ title: '', canonicalPath: '/' }} live="home=1">
      <header class="page-header">
        <h1>{site.name}</h1>
        <p class="lede">
          {t(
            'Questions and answers for people who build kernels, drivers, file systems and network stacks.',
          )}
        </p>
      </header>
      <div class="with-sidebar">
        <section aria-labelledby="latest-posts">
          <h2 id="latest-posts">{t('Latest posts')}</h2>
          {latest.length === 0 ? (
            <div class="empty-state">
              <p>{t('No posts yet.')}</p>
              <p>
                <a class="button" href="/ask">
                  {t('Ask the first question')}
                </a>
              </p>
            </div>
          ) : (
            <ThreadTable
              threads={latest}
              now={site.now}
              caption={t('Latest posts')}
              {...(unread ? { unread } : {})}
            />
          )}
        </section>
        <PopularTags tags={tags} />
      </div>
    </Layout>
  )
}
