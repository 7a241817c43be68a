import { t, tx } from '../../i18n/index.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextField,
  CurrentPasswordField,
} from '../components/form-fields.js'
import { ProviderButtons, type ProviderButton } from '../components/provider-buttons.js'
import type { FormState, LoginValues } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface LoginPageProps {
  site: SiteContext
  form: FormState<LoginValues>
  /** Local path to return to after signing in (the route has already checked it); null for none. */
  next: string | null
  /** Configured OpenID Connect providers: a "Sign in with <name>" button each. */
  providers?: readonly ProviderButton[]
  /** A line above the form, e.g. after a password reset that still needs the second factor. */
  notice?: string | null
}

const FIELDS = [
  ['login', 'login-name'],
  ['password', 'login-password'],
] as const

/** Sign-in with username or email and password. Posts to /login, carrying `next` through. */
export function LoginPage({ site, form, next, providers = [], notice = null }: LoginPageProps) {
  const { values, errors } = form
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Sign in'), form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{t('Sign in')}</h1>
        {notice !== null && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <form class="stacked-form" method="post" action="/login">
          <CsrfField token={site.csrfToken} />
          {next !== null && <input type="hidden" name="next" value={next} />}
          <TextField
            id="login-name"
            name="login"
            label={t('Username or email')}
            value={values.login}
            error={errors.login}
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
          />
          <CurrentPasswordField id="login-password" label={t('Password')} error={errors.password} />
          <FormActions>
            <button class="button" type="submit">
              {t('Sign in')}
            </button>
          </FormActions>
        </form>
        {typeof site.assets.passkeys === 'string' && (
          // Shown by the passkey script where the browser supports WebAuthn.
          <form
            class="stacked-form passkey-sign-in"
            method="post"
            action="/login/passkey"
            data-passkey="sign-in"
            hidden
          >
            <CsrfField token={site.csrfToken} />
            {next !== null && <input type="hidden" name="next" value={next} />}
            <input type="hidden" name="response" value="" />
            <FormActions>
              <button class="button button-quiet" type="submit">
                {t('Sign in with a passkey')}
              </button>
            </FormActions>
            <p class="field-error" role="alert" data-passkey-status />
            <script type="module" src={site.assets.passkeys} />
          </form>
        )}
        {providers.length > 0 && (
          <section class="form-aside" aria-labelledby="login-providers">
            <h2 id="login-providers">{t('Or sign in with another account')}</h2>
            <ProviderButtons providers={providers} csrfToken={site.csrfToken} next={next} />
          </section>
        )}
        <p class="form-aside">
          <a href="/password/forgot">{t('Forgot password?')}</a>
        </p>
        <p class="form-aside">
          {tx('New to {site}? <a>Create an account</a>', {
            site: site.name,
            a: (c) => <a href="/register">{c}</a>,
          })}
        </p>
      </div>
    </Layout>
  )
}
