import { LOCALE_NAMES, LOCALES, currentLocale, t } from '../../i18n/index.js'
import type { SiteContext } from '../site.js'
import { KeyboardShortcutsDialog } from '../components/keyboard-shortcuts.js'

/**
 * The footer's language links: each language in its own words, to /language/:locale, which remembers the
 * choice in a cookie and comes back here (routes/pages/language.ts). Links, not a form: choosing a
 * language changes nothing but how pages read, so an anonymous cached page can offer it without a token.
 */
function LanguageLinks({ path }: { path: string }) {
  const current = currentLocale()
  return (
    <ul class="footer-links language-links" aria-label={t('Language')}>
      {LOCALES.map((locale) => (
        <li>
          {locale === current ? (
            <span lang={locale} aria-current="true">
              {LOCALE_NAMES[locale]}
            </span>
          ) : (
            <a
              lang={locale}
              hreflang={locale}
              rel="nofollow"
              href={`/language/${locale}?next=${encodeURIComponent(path)}`}
            >
              {LOCALE_NAMES[locale]}
            </a>
          )}
        </li>
      ))}
    </ul>
  )
}

/** A small footer: what the site is, and the links a visitor looks for at the bottom of a page. */
export function SiteFooter({ site }: { site: SiteContext }) {
  return (
    <footer class="site-footer">
      <div class="site-footer-inner">
        <p>
          {t(
            '{site}: questions and answers for people who build kernels, drivers, file systems and network stacks.',
            { site: site.name },
          )}
        </p>
        <ul class="footer-links">
          <li>
            <a href="/tags">{t('All tags')}</a>
          </li>
          <li>
            <a href="/search">{t('Search')}</a>
          </li>
          <li>
            <a href="/ask">{t('Ask a question')}</a>
          </li>
          {/* Shown by the keyboard-shortcuts island: without JavaScript there are no shortcuts. */}
          <li>
            <button class="link-button" type="button" data-shortcuts-open hidden>
              {t('Keyboard shortcuts')} <kbd>?</kbd>
            </button>
          </li>
        </ul>
        <LanguageLinks path={site.path ?? '/'} />
      </div>
      <KeyboardShortcutsDialog />
    </footer>
  )
}
