import { t } from '../../i18n/index.js'
import type { SiteContext } from '../site.js'
import { CsrfField } from '../components/form-fields.js'
import { UserName } from '../components/user-name.js'

/**
 * The bell: a link to /notifications with the unread count. Signed-in pages only (never cached), so
 * anonymous cached pages stay the same for everyone; the live island updates `data-bell-count`.
 */
function NotificationBell({ unread }: { unread: number | null }) {
  const count = unread ?? 0
  return (
    <a
      class="account-link notification-bell"
      href="/notifications"
      data-island="notification-bell"
      aria-label={
        count === 0 ? t('Notifications') : t('Notifications, {count, number} unread', { count })
      }
    >
      {t('Notifications')}{' '}
      <span class="bell-count" data-bell-count hidden={count === 0}>
        {String(count)}
      </span>
    </a>
  )
}

/**
 * The unread count on the phones' Menu button, so the folded bell still shows that something waits.
 * For the eye only: the bell inside the menu says it in words. The live island keeps it in step.
 */
function MenuCount({ unread }: { unread: number }) {
  return (
    <>
      {' '}
      <span class="bell-count" data-menu-count aria-hidden="true" hidden={unread === 0}>
        {String(unread)}
      </span>
    </>
  )
}

function AccountArea({ site }: { site: SiteContext }) {
  if (site.viewer === null) {
    return (
      <ul class="account">
        <li>
          <a class="button button-quiet" href="/login">
            {t('Sign in')}
          </a>
        </li>
        <li>
          <a class="button" href="/register">
            {t('Register')}
          </a>
        </li>
      </ul>
    )
  }
  return (
    <ul class="account">
      <li>
        <UserName user={site.viewer} />
      </li>
      <li>
        <NotificationBell unread={site.unreadNotifications ?? null} />
      </li>
      {(site.viewer.role === 'moderator' || site.viewer.role === 'admin') && (
        <li>
          <a class="account-link" href="/admin">
            {t('Admin')}
          </a>
        </li>
      )}
      {site.viewer.role !== 'member' && (
        <li>
          <a class="account-link review-link" href="/review">
            {t('Review')}
            {site.pendingReview ? ` (${site.pendingReview})` : ''}
          </a>
        </li>
      )}
      <li>
        <a class="account-link" href="/settings">
          {t('Settings')}
        </a>
      </li>
      <li>
        {/* A form, not a link: signing out changes state, so it is a POST guarded by the CSRF token. */}
        <form class="inline-form" method="post" action="/logout">
          <CsrfField token={site.csrfToken} />
          <button class="button button-quiet" type="submit">
            {t('Sign out')}
          </button>
        </form>
      </li>
    </ul>
  )
}

/** Site name, primary navigation, search and the account area (behind a menu button on phones). */
export function SiteHeader({ site }: { site: SiteContext }) {
  return (
    <header class="site-header">
      <div class="site-header-inner">
        <a class="site-name" href="/">
          {site.name}
        </a>
        <nav class="site-nav" aria-label={t('Main')}>
          <ul>
            <li>
              <a href="/tags">{t('Tags')}</a>
            </li>
            <li>
              <a href="/ask">{t('Ask')}</a>
            </li>
          </ul>
        </nav>
        <form
          class="site-search"
          role="search"
          aria-label={t('Site')}
          method="get"
          action="/search"
        >
          <label class="visually-hidden" for="site-search-q">
            {t('Search {site}', { site: site.name })}
          </label>
          <input
            id="site-search-q"
            type="search"
            name="q"
            placeholder={t('Search')}
            autocomplete="off"
          />
          <button class="button button-quiet" type="submit">
            {t('Search')}
          </button>
        </form>
        {/* Phones (≤ 640 px) fold the account area behind this button so the header is one row; the
            popover attribute opens it without JavaScript. Wider screens show the area in the row
            (public/quorum.css gives .site-menu display: contents there) and hide the button. */}
        <button
          class="button button-quiet site-menu-button"
          type="button"
          popovertarget="site-menu"
        >
          {t('Menu')}
          {site.viewer !== null && <MenuCount unread={site.unreadNotifications ?? 0} />}
        </button>
        <div class="site-menu" id="site-menu" popover="auto">
          <AccountArea site={site} />
        </div>
      </div>
    </header>
  )
}
