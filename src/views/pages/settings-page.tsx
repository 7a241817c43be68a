import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextField,
  CurrentPasswordField,
} from '../components/form-fields.js'
import { SettingsNav } from '../components/settings-nav.js'
import { userHref } from '../components/user-name.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'
import { NEW_PASSWORD_HINT, NEW_PASSWORD_MIN } from './register-page.js'

export interface SettingsPageProps {
  site: SiteContext
  /** Nothing is refilled: both fields are passwords. */
  form: FormState<Record<string, never>>
  /** A success message after a change, such as "Password changed; your other sessions were signed out." */
  notice: string | null
  /** False for an account made through a sign-in provider: the form sets a first password. */
  hasPassword?: boolean
}

const FIELDS = [
  ['current_password', 'settings-current-password'],
  ['new_password', 'settings-new-password'],
] as const

/** Account settings: for now, changing the password. Posts to /settings/password. */
export function SettingsPage({ site, form, notice, hasPassword = true }: SettingsPageProps) {
  const { errors } = form
  const action = hasPassword ? 'Change password' : 'Set a password'
  return (
    <Layout site={site} meta={{ title: formPageTitle('Settings', form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <h1>Settings</h1>
        <SettingsNav current="/settings" />
        {site.viewer !== null && (
          <p class="lede">
            Signed in as <a href={userHref(site.viewer.username)}>{site.viewer.username}</a>.
          </p>
        )}
        <section aria-labelledby="change-password">
          <h2 id="change-password">{action}</h2>
          {!hasPassword && (
            <p>
              This account signs in through a provider and has no password. Set one to sign in with
              your username too.
            </p>
          )}
          <form class="stacked-form" method="post" action="/settings/password">
            <CsrfField token={site.csrfToken} />
            {/* Lets password managers tie the new password to the account. */}
            {site.viewer !== null && (
              <input
                type="hidden"
                name="username"
                value={site.viewer.username}
                autocomplete="username"
              />
            )}
            {hasPassword && (
              <CurrentPasswordField
                id="settings-current-password"
                name="current_password"
                label="Current password"
                error={errors.current_password}
              />
            )}
            <TextField
              id="settings-new-password"
              name="new_password"
              type="password"
              label="New password"
              hint={`${NEW_PASSWORD_HINT} Your other sessions will be signed out.`}
              error={errors.new_password}
              autocomplete="new-password"
              required
              minLength={NEW_PASSWORD_MIN}
            />
            <FormActions>
              <button class="button" type="submit">
                {action}
              </button>
            </FormActions>
          </form>
        </section>
      </div>
    </Layout>
  )
}
