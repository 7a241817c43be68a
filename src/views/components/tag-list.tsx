import type { TagRef } from '../../domain/tags/index.js'
import { t } from '../../i18n/index.js'

/** Path of a tag page. */
export function tagHref(slug: string): string {
  return `/tags/${encodeURIComponent(slug)}`
}

/** A row of tag chips linking to their tag pages; `small` is the variant used inside table rows. */
export function TagList({ tags, small = false }: { tags: TagRef[]; small?: boolean }) {
  if (tags.length === 0) return null
  return (
    <ul class={small ? 'tag-list tag-list-small' : 'tag-list'} aria-label={t('Tags')}>
      {tags.map((tag) => (
        <li key={tag.slug}>
          <a class="tag" href={tagHref(tag.slug)}>
            {tag.name}
          </a>
        </li>
      ))}
    </ul>
  )
}
