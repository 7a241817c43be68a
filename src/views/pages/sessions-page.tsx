import type { SessionView } from '../../domain/sessions/index.js'
import { t, tm, tx } from '../../i18n/index.js'
import { CsrfField } from '../components/form-fields.js'
import { RelativeTime } from '../components/relative-time.js'
import { SettingsNav } from '../components/settings-nav.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface SessionsPageProps {
  site: SiteContext
  sessions: SessionView[]
  /** After a sign-out: "Signed out of one session.", in the page's language. */
  notice: string | null
}

/**
 * /settings/sessions: where the person is signed in, each session with what identifies it (browser and
 * system, address, when it started and was last seen) and a "Sign out" button; the one in use is
 * marked and keeps the header's own sign-out.
 */
export function SessionsPage({ site, sessions, notice }: SessionsPageProps) {
  const others = sessions.filter((s) => !s.current).length
  return (
    <Layout site={site} meta={{ title: t('Sessions'), noindex: true }}>
      <div class="form-page form-page-wide">
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <h1>{t('Settings')}</h1>
        <SettingsNav current="/settings/sessions" />
        <h2 id="sessions-heading">{t('Where you are signed in')}</h2>
        <p class="lede">
          {sessions.length === 1
            ? t('One active session: this one.')
            : t(
                '{count, number} active sessions. Sign out of any you do not recognise, then change your password.',
                { count: sessions.length },
              )}
        </p>
        <ul class="session-list" aria-labelledby="sessions-heading">
          {sessions.map((s) => (
            <li class="session" data-session={s.id}>
              <p class="session-device">
                <strong>{tm(s.device)}</strong>
                {s.current && (
                  <>
                    {' '}
                    <span class="session-current">{t('This session')}</span>
                  </>
                )}
              </p>
              <dl class="session-facts">
                <dt>{t('Address')}</dt>
                <dd>{s.ip ?? t('not recorded')}</dd>
                <dt>{t('Signed in')}</dt>
                <dd>
                  <RelativeTime at={s.createdAt} now={site.now} />
                </dd>
                <dt>{t('Last seen')}</dt>
                <dd>
                  <RelativeTime at={s.lastSeenAt} now={site.now} />
                </dd>
              </dl>
              {s.userAgent !== null && (
                <details class="session-agent">
                  <summary>{t('Browser details')}</summary>
                  <p>
                    <code>{s.userAgent}</code>
                  </p>
                </details>
              )}
              {!s.current && (
                <form method="post" action="/settings/sessions/end">
                  <CsrfField token={site.csrfToken} />
                  <input type="hidden" name="session" value={s.id} />
                  <button class="button button-quiet button-small" type="submit">
                    {tx('Sign out<hidden> of {device}</hidden>', {
                      device: tm(s.device),
                      hidden: (c) => <span class="visually-hidden">{c}</span>,
                    })}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        {others > 0 && (
          <form method="post" action="/settings/sessions/end-others">
            <CsrfField token={site.csrfToken} />
            <button class="button button-danger" type="submit">
              {t('Sign out everywhere else')}
            </button>
          </form>
        )}
      </div>
    </Layout>
  )
}
