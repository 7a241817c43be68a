/**
 * /settings/language: the interface language, for this account on every device. "As my browser asks"
 * follows the browser's Accept-Language (docs/i18n.md).
 */
import { LOCALE_NAMES, LOCALES, t, type Locale } from '../../i18n/index.js'
import { CsrfField, FormActions } from '../components/form-fields.js'
import { SettingsNav } from '../components/settings-nav.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface LanguageSettingsPageProps {
  site: SiteContext
  /** The account's setting; null: as the browser asks. */
  chosen: Locale | null
  saved: boolean
}

export function LanguageSettingsPage({ site, chosen, saved }: LanguageSettingsPageProps) {
  const options: { value: string; label: string; lang?: Locale }[] = [
    { value: 'auto', label: t('As my browser asks') },
    ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale], lang: locale })),
  ]
  return (
    <Layout site={site} meta={{ title: t('Language'), noindex: true }}>
      <div class="form-page">
        {saved && (
          <div class="notice-success" role="status">
            <p>{t('Saved.')}</p>
          </div>
        )}
        <h1>{t('Settings')}</h1>
        <SettingsNav current="/settings/language" />
        <form class="stacked-form" method="post" action="/settings/language">
          <CsrfField token={site.csrfToken} />
          <fieldset class="field">
            <legend>{t('Language of the interface')}</legend>
            <p class="field-hint" id="locale-hint">
              {t(
                'Posts stay in the language they were written in. This choice follows you to every device you sign in on.',
              )}
            </p>
            {options.map((option) => (
              <label class="choice">
                <input
                  type="radio"
                  name="locale"
                  value={option.value}
                  checked={(chosen ?? 'auto') === option.value}
                  aria-describedby="locale-hint"
                />{' '}
                <span lang={option.lang}>{option.label}</span>
              </label>
            ))}
          </fieldset>
          <FormActions>
            <button class="button" type="submit">
              {t('Save language')}
            </button>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}
