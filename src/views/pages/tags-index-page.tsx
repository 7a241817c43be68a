import type { TagSummary } from '../../domain/tags/index.js'
import { countNoun } from '../components/count-noun.js'
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
        title: 'Tags',
        description: `Every tag on ${site.name}, with what it covers.`,
        canonicalPath: '/tags',
      }}
    >
      <header class="page-header">
        <h1>Tags</h1>
        <p class="listing-count">{countNoun(tags.length, 'tag')}</p>
      </header>
      {tags.length === 0 ? (
        <p class="empty-state">No tags yet.</p>
      ) : (
        <ul class="tag-directory">
          {tags.map((tag) => (
            <li key={tag.slug} class="tag-card">
              <a class="tag-card-name" href={tagHref(tag.slug)}>
                {tag.name}
              </a>
              {tag.description !== '' && <p class="tag-card-description">{tag.description}</p>}
              <p class="tag-card-count">{countNoun(tag.threadCount, 'post')}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
