import { msg, t } from '../../i18n/index.js'

/**
 * The settings pages' own navigation: one entry per page under /settings. A new settings page adds its
 * line to SETTINGS_PAGES and renders `<SettingsNav current="/settings/..." />` above its heading.
 */
export const SETTINGS_PAGES: readonly { href: string; label: string }[] = [
  { href: '/settings', label: msg('Password') },
  { href: '/settings/logins', label: msg('Sign-in providers') },
  { href: '/settings/sessions', label: msg('Sessions') },
  { href: '/settings/account', label: msg('Account') },
  { href: '/settings/security', label: msg('Security') },
  { href: '/settings/email', label: msg('Email') },
  { href: '/settings/watching', label: msg('Watching') },
  { href: '/settings/notifications', label: msg('Notification mail') },
  { href: '/settings/tokens', label: msg('API tokens') },
  { href: '/settings/language', label: msg('Language') },
]

export function SettingsNav({ current }: { current: string }) {
  return (
    <nav class="settings-nav" aria-label={t('Settings')}>
      <ul>
        {SETTINGS_PAGES.map((page) => (
          <li>
            <a href={page.href} aria-current={page.href === current ? 'page' : undefined}>
              {t(page.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
