/** /settings/watching: the threads and tags a person watches, tracks or muted, each with its control. */
import type { WatchListItem } from '../../domain/watching/index.js'
import { t } from '../../i18n/index.js'
import { SettingsNav } from '../components/settings-nav.js'
import { UnreadBadge } from '../components/thread-table.js'
import { WatchControl } from '../components/watch-control.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface WatchingPageProps {
  site: SiteContext
  watches: WatchListItem[]
}

function WatchRow({ item, site }: { item: WatchListItem; site: SiteContext }) {
  const href =
    item.target === 'thread' ? `/threads/${item.id}` : `/tags/${encodeURIComponent(item.slug)}`
  return (
    <li class="watch-item">
      <a href={href}>
        <bdi>{item.title}</bdi>
      </a>{' '}
      <UnreadBadge count={item.unread} />
      <WatchControl
        watch={{ target: item.target, id: item.id, level: item.level }}
        csrfToken={site.csrfToken}
        back="/settings/watching"
      />
    </li>
  )
}

export function WatchingPage({ site, watches }: WatchingPageProps) {
  const threads = watches.filter((w) => w.target === 'thread')
  const tags = watches.filter((w) => w.target === 'tag')
  return (
    <Layout site={site} meta={{ title: t('Watching'), noindex: true }}>
      <div class="form-page form-page-wide">
        <h1>{t('Settings')}</h1>
        <SettingsNav current="/settings/watching" />
        <p class="lede">
          {t(
            'Asking a question watches it; replying tracks it. Watching notifies you of every new post; tracking and normal only of mentions and replies to you; muted of nothing, and a muted tag’s threads leave your home page.',
          )}
        </p>
        <section aria-labelledby="watched-tags">
          <h2 id="watched-tags">{t('Tags')}</h2>
          {tags.length === 0 ? (
            <p>{t('You follow no tag more or less than normal. Each tag page has the control.')}</p>
          ) : (
            <ul class="watch-list">
              {tags.map((item) => (
                <WatchRow item={item} site={site} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="watched-threads">
          <h2 id="watched-threads">{t('Threads')}</h2>
          {threads.length === 0 ? (
            <p>{t('No threads yet.')}</p>
          ) : (
            <ul class="watch-list">
              {threads.map((item) => (
                <WatchRow item={item} site={site} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </Layout>
  )
}
