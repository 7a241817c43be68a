/**
 * /unsubscribe: the page a mail's unsubscribe link opens, signed in or not. A GET only asks (mail
 * scanners open links); the button posts, and so do mail programs (RFC 8058 one-click).
 */
import { t, tx } from '../../i18n/index.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface UnsubscribePageProps {
  site: SiteContext
  state: 'ask' | 'done' | 'invalid'
  userId: string
  token: string
}

export function UnsubscribePage({ site, state, userId, token }: UnsubscribePageProps) {
  return (
    <Layout site={site} meta={{ title: t('Notification mail'), noindex: true }}>
      <div class="form-page">
        <h1>{t('Notification mail')}</h1>
        {state === 'done' && (
          <div class="notice-success" role="status">
            <p>
              {t(
                'You will get no more notification mail. Your notifications still show on the site.',
              )}
            </p>
          </div>
        )}
        {state === 'invalid' && (
          <p class="notice" role="alert">
            {tx(
              'This unsubscribe link is not valid. <a>Sign in</a> to change your mail settings.',
              { a: (c) => <a href="/settings/notifications">{c}</a> },
            )}
          </p>
        )}
        {state === 'ask' && (
          <form class="stacked-form" method="post" action="/unsubscribe">
            <input type="hidden" name="u" value={userId} />
            <input type="hidden" name="t" value={token} />
            <p>{t('Stop all notification mail from {site}?', { site: site.name })}</p>
            <button class="button" type="submit">
              {t('Unsubscribe')}
            </button>
          </form>
        )}
        <p>
          {tx('To choose kind by kind, see <a>your mail settings</a>.', {
            a: (c) => <a href="/settings/notifications">{c}</a>,
          })}
        </p>
      </div>
    </Layout>
  )
}
