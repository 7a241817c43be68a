/**
 * After a first sign-in with a provider: choose a username for a new account, or prove that an
 * existing account is yours (its password) to link the login to it.
 */
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
    <Layout site={site} meta={{ title: formPageTitle('Finish signing in', form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>Finish signing in</h1>
        <p class="lede">
          {providerName} has signed you in
          {email !== null && (
            <>
              {' '}
              as <strong>{email}</strong>
            </>
          )}
          . This is your first visit with it.
        </p>
        <section aria-labelledby="oidc-new">
          <h2 id="oidc-new">Create an account</h2>
          <form class="stacked-form" method="post" action="/auth/oidc/account">
            <CsrfField token={site.csrfToken} />
            <TextField
              id="oidc-username"
              name="username"
              label="Username"
              value={values.username}
              hint="3 to 30 characters: letters, digits, - and _. Shown beside everything you post."
              error={errors.username}
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
            />
            {email !== null && (
              <p class="field-hint">
                {emailVerified
                  ? `Your account's email will be ${email}, as ${providerName} has confirmed it.`
                  : `${providerName} has not confirmed ${email}, so the account starts without an email.`}
              </p>
            )}
            <FormActions>
              <button class="button" type="submit">
                Create account
              </button>
            </FormActions>
          </form>
        </section>
        <section class="form-aside" aria-labelledby="oidc-link">
          <h2 id="oidc-link">Or link it to your account</h2>
          <p>
            Have an account here already? Sign in to it once with its password, and {providerName}{' '}
            will sign you in to it from now on.
          </p>
          <form class="stacked-form" method="post" action="/auth/oidc/link">
            <CsrfField token={site.csrfToken} />
            <TextField
              id="oidc-login"
              name="login"
              label="Username or email"
              value={values.login}
              error={errors.login}
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
            />
            <CurrentPasswordField id="oidc-password" label="Password" error={errors.password} />
            <FormActions>
              <button class="button button-quiet" type="submit">
                Sign in and link
              </button>
            </FormActions>
          </form>
        </section>
      </div>
    </Layout>
  )
}
