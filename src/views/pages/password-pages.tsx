/**
 * Forgot password and the reset link's pages. The "sent" answer is the same whether or not an account
 * matches, and says only what is true in both cases.
 */
import { t, tx } from '../../i18n/index.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextField,
} from '../components/form-fields.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'
import { NEW_PASSWORD_HINT, NEW_PASSWORD_MIN } from './register-page.js'

export interface ForgotPasswordPageProps {
  site: SiteContext
  form: FormState<{ login: string }>
  /** After a request: what was typed, echoed in the answer. */
  sentTo: string | null
}

/** /password/forgot: one field, then the same answer for every name. */
export function ForgotPasswordPage({ site, form, sentTo }: ForgotPasswordPageProps) {
  if (sentTo !== null)
    return (
      <Layout site={site} meta={{ title: t('Check your email'), noindex: true }}>
        <div class="form-page">
          <h1>{t('Check your email')}</h1>
          <p>
            {tx(
              'If an account matches <strong>{login}</strong>, we are sending a link to its email address. The link works once, for one hour.',
              { login: sentTo, strong: (chunks) => <strong>{chunks}</strong> },
            )}
          </p>
          <p>
            {tx('Nothing after a few minutes? Check your spam folder, or <a>ask again</a>.', {
              a: (chunks) => <a href="/password/forgot">{chunks}</a>,
            })}
          </p>
        </div>
      </Layout>
    )
  return (
    <Layout
      site={site}
      meta={{ title: formPageTitle(t('Forgot your password?'), form), noindex: true }}
    >
      <div class="form-page">
        <ErrorSummary form={form} fields={[['login', 'forgot-login']]} />
        <h1>{t('Forgot your password?')}</h1>
        <p class="lede">{t('We will email you a link to choose a new one.')}</p>
        <form class="stacked-form" method="post" action="/password/forgot">
          <CsrfField token={site.csrfToken} />
          <TextField
            id="forgot-login"
            name="login"
            label={t('Username or email')}
            value={form.values.login}
            error={form.errors.login}
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
          />
          <FormActions>
            <button class="button" type="submit">
              {t('Send me a link')}
            </button>
          </FormActions>
        </form>
        <p class="form-aside">
          {tx('Remembered it? <a>Sign in</a>', {
            a: (chunks) => <a href="/login">{chunks}</a>,
          })}
        </p>
      </div>
    </Layout>
  )
}

export interface ResetPasswordPageProps {
  site: SiteContext
  token: string
  username: string
  form: FormState<Record<string, never>>
}

/** /password/reset?token=…: the new password (registration's rules). */
export function ResetPasswordPage({ site, token, username, form }: ResetPasswordPageProps) {
  return (
    <Layout
      site={site}
      meta={{ title: formPageTitle(t('Choose a new password'), form), noindex: true }}
    >
      <div class="form-page">
        <ErrorSummary form={form} fields={[['password', 'reset-password']]} />
        <h1>{t('Choose a new password')}</h1>
        <p class="lede">
          {tx('For <strong>{username}</strong>. Your other sessions will be signed out.', {
            username,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        <form class="stacked-form" method="post" action="/password/reset">
          <CsrfField token={site.csrfToken} />
          <input type="hidden" name="token" value={token} />
          {/* Lets password managers tie the new password to the account. */}
          <input type="hidden" name="username" value={username} autocomplete="username" />
          <TextField
            id="reset-password"
            name="password"
            type="password"
            label={t('New password')}
            hint={t(NEW_PASSWORD_HINT)}
            error={form.errors.password}
            autocomplete="new-password"
            required
            minLength={NEW_PASSWORD_MIN}
          />
          <FormActions>
            <button class="button" type="submit">
              {t('Set password and sign in')}
            </button>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}
