import { t } from '../../i18n/index.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

/** Shown once an account is deleted: the person is signed out, and told what happened to what. */
export function AccountDeletedPage({ site }: { site: SiteContext }) {
  return (
    <Layout site={site} meta={{ title: t('Account deleted'), noindex: true }}>
      <div class="form-page">
        <div class="notice-success" role="status">
          <p>{t('Your account is deleted.')}</p>
        </div>
        <h1>{t('Account deleted')}</h1>
        <p>
          {t(
            'Your username, email address, password and sessions are gone, and you are signed out. Your posts stay, shown as by a deleted user. Your username is held for 30 days and then anyone may take it.',
          )}
        </p>
        <p>
          <a href="/">{t('Back to the forum')}</a>
        </p>
      </div>
    </Layout>
  )
}
