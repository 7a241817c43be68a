/**
 * /settings/logins: the providers this account signs in with (each with "Unlink", unless it is the last
 * way in), and the configured providers it could link.
 */
import { t, tx } from '../../i18n/index.js'
import type { LoginsOverview } from '../../domain/oidc/index.js'
import { CsrfField } from '../components/form-fields.js'
import { ProviderButtons } from '../components/provider-buttons.js'
import { RelativeTime } from '../components/relative-time.js'
import { SettingsNav } from '../components/settings-nav.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface LoginsSettingsPageProps {
  site: SiteContext
  logins: LoginsOverview
  /** A success message ("Test ID is linked."), or null. */
  notice: string | null
  /** A refusal ("... is the only way into this account"), or null. */
  problem: string | null
}

export function LoginsSettingsPage({ site, logins, notice, problem }: LoginsSettingsPageProps) {
  return (
    <Layout site={site} meta={{ title: t('Sign-in providers'), noindex: true }}>
      <div class="form-page form-page-wide">
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        {problem !== null && (
          <div class="error-summary" role="alert">
            <p>{problem}</p>
          </div>
        )}
        <h1>{t('Sign-in providers')}</h1>
        <SettingsNav current="/settings/logins" />
        <p class="lede">
          {logins.hasPassword
            ? t('You sign in with your password, and with any provider linked here.')
            : tx(
                'This account has no password: it signs in only with the providers linked here. <a>Set a password</a>',
                { a: (chunks) => <a href="/settings">{chunks}</a> },
              )}
        </p>
        <section aria-labelledby="linked-logins">
          <h2 id="linked-logins">{t('Linked')}</h2>
          {logins.linked.length === 0 ? (
            <p>{t('No provider is linked to this account.')}</p>
          ) : (
            <table class="thread-table">
              <thead>
                <tr>
                  <th scope="col">{t('Provider')}</th>
                  <th scope="col">{t('Email it gave')}</th>
                  <th scope="col">{t('Last used')}</th>
                  <th scope="col">{t('Action')}</th>
                </tr>
              </thead>
              <tbody>
                {logins.linked.map((login) => (
                  <tr key={login.id}>
                    <td>{login.providerName}</td>
                    <td>{login.email ?? '—'}</td>
                    <td>
                      <RelativeTime at={login.lastUsedAt} now={site.now} />
                    </td>
                    <td>
                      {login.canUnlink ? (
                        <form class="inline-form" method="post" action="/settings/logins/unlink">
                          <CsrfField token={site.csrfToken} />
                          <input type="hidden" name="id" value={String(login.id)} />
                          <button class="button button-small button-danger" type="submit">
                            {t('Unlink {provider}', { provider: login.providerName })}
                          </button>
                        </form>
                      ) : (
                        <span>{t('The only way in: set a password or link another first')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {logins.available.length > 0 && (
          <section aria-labelledby="link-another">
            <h2 id="link-another">{t('Link another')}</h2>
            <ProviderButtons
              providers={logins.available}
              csrfToken={site.csrfToken}
              next={null}
              verb="Link"
            />
          </section>
        )}
      </div>
    </Layout>
  )
}
