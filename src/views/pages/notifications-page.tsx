/**
 * /notifications: the signed-in person's notifications, newest first, grouped per thread, with paging
 * and "Mark all read". Visiting the page reads what it shows; those unread until now are marked new.
 */
import {
  describeNotification,
  type NotificationGroup,
  type NotificationView,
} from '../../domain/notifications/index.js'
import type { Paging } from '../../domain/thread-lists/index.js'
import { t } from '../../i18n/index.js'
import { CsrfField } from '../components/form-fields.js'
import { Pagination } from '../components/pagination.js'
import { RelativeTime } from '../components/relative-time.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface NotificationsPageProps {
  site: SiteContext
  groups: NotificationGroup[]
  paging: Paging
}

function notificationHref(n: NotificationView): string {
  return `/threads/${n.threadId}${n.postId !== null ? `#post-${n.postId}` : ''}`
}

export function NotificationsPage({ site, groups, paging }: NotificationsPageProps) {
  return (
    <Layout site={site} meta={{ title: t('Notifications'), noindex: true }}>
      <div class="form-page form-page-wide">
        <h1>{t('Notifications')}</h1>
        {paging.total > 0 && (
          <form class="inline-form" method="post" action="/notifications/read-all">
            <CsrfField token={site.csrfToken} />
            <button class="button button-quiet" type="submit">
              {t('Mark all read')}
            </button>
          </form>
        )}
        {groups.length === 0 ? (
          <p class="empty-state">
            {t('Nothing yet. Replies, mentions and posts in what you watch will show here.')}
          </p>
        ) : (
          groups.map((group) => (
            <section class="notification-group" aria-labelledby={`n-thread-${group.threadId}`}>
              <h2 id={`n-thread-${group.threadId}`}>
                <a href={`/threads/${group.threadId}`}>
                  <bdi>{group.threadTitle}</bdi>
                </a>
              </h2>
              <ul class="notification-list">
                {group.items.map((n) => (
                  <li class={n.read ? 'notification' : 'notification is-unread'} data-kind={n.kind}>
                    <a href={notificationHref(n)}>{describeNotification(n)}</a>{' '}
                    {!n.read && <strong class="notification-new">{t('New')}</strong>}{' '}
                    <RelativeTime at={n.updatedAt} now={site.now} />
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
        <Pagination
          paging={paging}
          href={(page) => (page > 1 ? `/notifications?page=${page}` : '/notifications')}
        />
      </div>
    </Layout>
  )
}
