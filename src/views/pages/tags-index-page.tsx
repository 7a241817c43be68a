import type { TagSummary } from '../../domain/tags/index.js'
import { t } from '../../i18n/index.js'
import { tagHref } from '../components/tag-list.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface TagsIndexPageProps {
  site: SiteContext
  tags: TagSummary[]
}

/** The tag directory: every tag with its description and post count. */
export function TagsIndexPage({ site, tags }: TagsIndexPageProps) {
  return (
    <Layout
      site={site}
      meta={{
        title: t('Tags'),
        description: t('Every tag on {site}, with what it covers.', { site: site.name }),
        canonicalPath: '/tags',
      }}
    >
      <header class="page-header">
        <h1>{t('Tags')}</h1>
        <p class="listing-count">
          {t('{count, plural, one {# tag} other {# tags}}', { count: tags.length })}
        </p>
      </header>
      {tags.length === 0 ? (
        <p class="empty-state">{t('No tags yet.')}</p>
      ) : (
        <ul class="tag-directory">
          {tags.map((tag) => (
            <li key={tag.slug} class="tag-card">
              <a class="tag-card-name" href={tagHref(tag.slug)}>
                {tag.name}
              </a>
              {tag.description !== '' && <p class="tag-card-description">{tag.description}</p>}
              <p class="tag-card-count">
                {t('{count, plural, one {# post} other {# posts}}', { count: tag.threadCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
