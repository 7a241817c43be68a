/**
 * After a first sign-in with a provider: choose a username for a new account, or prove that an
 * existing account is yours (its password) to link the login to it.
 */
import { t, tx } from '../../i18n/index.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextField,
  CurrentPasswordField,
} from '../components/form-fields.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface OidcAccountValues {
  username: string
  login: string
}

export interface OidcAccountPageProps {
  site: SiteContext
  providerName: string
  /** The email the provider gave, and whether it vouched for it. */
  email: string | null
  emailVerified: boolean
  form: FormState<OidcAccountValues>
}

const FIELDS = [
  ['username', 'oidc-username'],
  ['login', 'oidc-login'],
  ['password', 'oidc-password'],
] as const

export function OidcAccountPage(props: OidcAccountPageProps) {
  const { site, providerName, email, emailVerified, form } = props
  const { values, errors } = form
  return (
    <Layout
      site={site}
      meta={{ title: formPageTitle(t('Finish signing in'), form), noindex: true }}
    >
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{t('Finish signing in')}</h1>
        <p class="lede">
          {email === null
            ? t('{provider} has signed you in. This is your first visit with it.', {
                provider: providerName,
              })
            : tx(
                '{provider} has signed you in as <strong>{email}</strong>. This is your first visit with it.',
                { provider: providerName, email, strong: (chunks) => <strong>{chunks}</strong> },
              )}
        </p>
        <section aria-labelledby="oidc-new">
          <h2 id="oidc-new">{t('Create an account')}</h2>
          <form class="stacked-form" method="post" action="/auth/oidc/account">
            <CsrfField token={site.csrfToken} />
            <TextField
              id="oidc-username"
              name="username"
              label={t('Username')}
              value={values.username}
              hint={t(
                '3 to 30 characters: letters, digits, - and _. Shown beside everything you post.',
              )}
              error={errors.username}
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
            />
            {email !== null && (
              <p class="field-hint">
                {emailVerified
                  ? t('Your account’s email will be {email}, as {provider} has confirmed it.', {
                      email,
                      provider: providerName,
                    })
                  : t(
                      '{provider} has not confirmed {email}, so the account starts without an email.',
                      { email, provider: providerName },
                    )}
              </p>
            )}
            <FormActions>
              <button class="button" type="submit">
                {t('Create account')}
              </button>
            </FormActions>
          </form>
        </section>
        <section class="form-aside" aria-labelledby="oidc-link">
          <h2 id="oidc-link">{t('Or link it to your account')}</h2>
          <p>
            {t(
              'Have an account here already? Sign in to it once with its password, and {provider} will sign you in to it from now on.',
              { provider: providerName },
            )}
          </p>
          <form class="stacked-form" method="post" action="/auth/oidc/link">
            <CsrfField token={site.csrfToken} />
            <TextField
              id="oidc-login"
              name="login"
              label={t('Username or email')}
              value={values.login}
              error={errors.login}
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
            />
            <CurrentPasswordField
              id="oidc-password"
              label={t('Password')}
              error={errors.password}
            />
            <FormActions>
              <button class="button button-quiet" type="submit">
                {t('Sign in and link')}
              </button>
            </FormActions>
          </form>
        </section>
      </div>
    </Layout>
  )
}
