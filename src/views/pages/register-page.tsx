import { msg, t, tx } from '../../i18n/index.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextField,
} from '../components/form-fields.js'
import type { FormState, RegisterValues } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface RegisterPageProps {
  site: SiteContext
  form: FormState<RegisterValues>
  /** The registration setting: `invite` adds the invitation field; `closed` shows no form. */
  registration: 'open' | 'invite' | 'closed'
  /** The signed time this form was shown (a hidden field; sign-ups faster than a person are refused). */
  stamp: string
}

/** Shown under the password field on registration and password change. */
export const NEW_PASSWORD_HINT = msg(
  'At least 10 characters; long passphrases welcome; common passwords are refused.',
)
export const NEW_PASSWORD_MIN = 10

const FIELDS = [
  ['invite', 'register-invite'],
  ['username', 'register-username'],
  ['email', 'register-email'],
  ['password', 'register-password'],
] as const

/**
 * A field people never see (hidden by CSS and from assistive technology) that form-filling scripts
 * fill in; its label still tells anyone who meets it to leave it empty.
 */
function Honeypot() {
  return (
    <div class="register-extra" aria-hidden="true">
      <label for="register-website">
        {t('Leave this field empty (it catches automated sign-ups)')}
      </label>
      <input id="register-website" name="website" type="text" tabIndex={-1} autocomplete="off" />
    </div>
  )
}

/** Sign-up: username, email, password. Posts to /register; the password is never sent back. */
export function RegisterPage({ site, form, registration, stamp }: RegisterPageProps) {
  const { values, errors } = form
  if (registration === 'closed')
    return (
      <Layout site={site} meta={{ title: t('Registration is closed'), noindex: true }}>
        <div class="form-page">
          <h1>{t('Registration is closed')}</h1>
          <p>{t('{site} is not taking new accounts at the moment.', { site: site.name })}</p>
          <p class="form-aside">
            {tx('Already have an account? <a>Sign in</a>', {
              a: (c) => <a href="/login">{c}</a>,
            })}
          </p>
        </div>
      </Layout>
    )
  return (
    <Layout
      site={site}
      meta={{ title: formPageTitle(t('Create an account'), form), noindex: true }}
    >
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{t('Create an account')}</h1>
        {registration === 'invite' && (
          <p>{t('New accounts need an invitation from the forum’s staff.')}</p>
        )}
        <form class="stacked-form" method="post" action="/register">
          <CsrfField token={site.csrfToken} />
          <input type="hidden" name="started" value={stamp} />
          {registration === 'invite' && (
            <TextField
              id="register-invite"
              name="invite"
              label={t('Invitation code')}
              hint={t('From the invitation link staff gave you.')}
              value={values.invite ?? ''}
              error={errors.invite}
              autocomplete="off"
              spellcheck={false}
              required
              maxLength={100}
            />
          )}
          <TextField
            id="register-username"
            name="username"
            label={t('Username')}
            hint={t(
              '3 to 30 characters: letters, digits, - and _. Shown beside everything you post.',
            )}
            value={values.username}
            error={errors.username}
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            minLength={3}
            maxLength={30}
          />
          <TextField
            id="register-email"
            name="email"
            type="email"
            label={t('Email')}
            hint={t('Never shown to other people. We send a link to it to confirm it is yours.')}
            value={values.email}
            error={errors.email}
            autocomplete="email"
            spellcheck={false}
            required
          />
          <TextField
            id="register-password"
            name="password"
            type="password"
            label={t('Password')}
            hint={t(NEW_PASSWORD_HINT)}
            error={errors.password}
            autocomplete="new-password"
            required
            minLength={NEW_PASSWORD_MIN}
          />
          <Honeypot />
          <FormActions>
            <button class="button" type="submit">
              {t('Create account')}
            </button>
          </FormActions>
        </form>
        <p class="form-aside">
          {tx('Already have an account? <a>Sign in</a>', {
            a: (c) => <a href="/login">{c}</a>,
          })}
        </p>
      </div>
    </Layout>
  )
}
