/**
 * /unsubscribe: the page a mail's unsubscribe link opens, signed in or not. A GET only asks (mail
 * scanners open links); the button posts, and so do mail programs (RFC 8058 one-click).
 */
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
    <Layout site={site} meta={{ title: 'Notification mail', noindex: true }}>
      <div class="form-page">
        <h1>Notification mail</h1>
        {state === 'done' && (
          <div class="notice-success" role="status">
            <p>
              You will get no more notification mail. Your notifications still show on the site.
            </p>
          </div>
        )}
        {state === 'invalid' && (
          <p class="notice" role="alert">
            This unsubscribe link is not valid. <a href="/settings/notifications">Sign in</a> to
            change your mail settings.
          </p>
        )}
        {state === 'ask' && (
          <form class="stacked-form" method="post" action="/unsubscribe">
            <input type="hidden" name="u" value={userId} />
            <input type="hidden" name="t" value={token} />
            <p>Stop all notification mail from {site.name}?</p>
            <button class="button" type="submit">
              Unsubscribe
            </button>
          </form>
        )}
        <p>
          To choose kind by kind, see <a href="/settings/notifications">your mail settings</a>.
        </p>
      </div>
    </Layout>
  )
}
