/**
 * The settings pages' own navigation: one entry per page under /settings. A new settings page adds its
 * line to SETTINGS_PAGES and renders `<SettingsNav current="/settings/..." />` above its heading.
 */
export const SETTINGS_PAGES: readonly { href: string; label: string }[] = [
  { href: '/settings', label: 'Password' },
  { href: '/settings/logins', label: 'Sign-in providers' },
  { href: '/settings/sessions', label: 'Sessions' },
  { href: '/settings/account', label: 'Account' },
  { href: '/settings/security', label: 'Security' },
  { href: '/settings/email', label: 'Email' },
  { href: '/settings/watching', label: 'Watching' },
  { href: '/settings/notifications', label: 'Notification mail' },
  { href: '/settings/tokens', label: 'API tokens' },
  { href: '/settings/language', label: 'Language' },
]

export function SettingsNav({ current }: { current: string }) {
  return (
    <nav class="settings-nav" aria-label="Settings">
      <ul>
        {SETTINGS_PAGES.map((page) => (
          <li>
            <a href={page.href} aria-current={page.href === current ? 'page' : undefined}>
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
