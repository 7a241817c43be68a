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
}

/** Shown under the password field on registration and password change. */
export const NEW_PASSWORD_HINT =
  'At least 10 characters; long passphrases welcome; common passwords are refused.'
export const NEW_PASSWORD_MIN = 10

const FIELDS = [
  ['username', 'register-username'],
  ['email', 'register-email'],
  ['password', 'register-password'],
] as const

/** Sign-up: username, email, password. Posts to /register; the password is never sent back. */
export function RegisterPage({ site, form }: RegisterPageProps) {
  const { values, errors } = form
  return (
    <Layout site={site} meta={{ title: formPageTitle('Create an account', form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>Create an account</h1>
        <form class="stacked-form" method="post" action="/register">
          <CsrfField token={site.csrfToken} />
          <TextField
            id="register-username"
            name="username"
            label="Username"
            hint="3 to 30 characters: letters, digits, - and _. Shown beside everything you post."
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
            label="Email"
            hint="Never shown to other people. We send a link to it to confirm it is yours."
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
            label="Password"
            hint={NEW_PASSWORD_HINT}
            error={errors.password}
            autocomplete="new-password"
            required
            minLength={NEW_PASSWORD_MIN}
          />
          <FormActions>
            <button class="button" type="submit">
              Create account
            </button>
          </FormActions>
        </form>
        <p class="form-aside">
          Already have an account? <a href="/login">Sign in</a>
        </p>
      </div>
    </Layout>
  )
}
