import { t } from '../../i18n/index.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextField,
  CurrentPasswordField,
} from '../components/form-fields.js'
import { SettingsNav } from '../components/settings-nav.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface DeleteAccountValues {
  /** The username typed again; the password is never refilled. */
  confirm: string
}

export interface AccountPageProps {
  site: SiteContext
  /** The delete form, refilled (but for the password) when it came back. */
  form: FormState<DeleteAccountValues>
  /** A problem with the export (too many in an hour), shown beside its button. */
  exportError: string | null
}

const FIELDS = [
  ['password', 'delete-password'],
  ['confirm', 'delete-confirm'],
] as const

/**
 * /settings/account: download everything the account holds as JSON, or delete the account (password
 * and the username typed again). Posts to /settings/account/export and /settings/account/delete.
 */
export function AccountPage({ site, form, exportError }: AccountPageProps) {
  const { errors } = form
  const username = site.viewer?.username ?? ''
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Your account'), form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{t('Settings')}</h1>
        <SettingsNav current="/settings/account" />
        <section aria-labelledby="export-heading">
          <h2 id="export-heading">{t('Export your data')}</h2>
          <p>
            {t(
              'A JSON file with your profile, every post you wrote with its Markdown, the revisions you made, your boosts and where you are signed in. It holds no password or session secret.',
            )}
          </p>
          {exportError !== null && (
            <p class="field-error" role="alert" id="export-error">
              {exportError}
            </p>
          )}
          <form method="post" action="/settings/account/export">
            <CsrfField token={site.csrfToken} />
            <button class="button" type="submit">
              {t('Export my data')}
            </button>
          </form>
        </section>
        <section aria-labelledby="delete-heading" class="form-aside">
          <h2 id="delete-heading">{t('Delete your account')}</h2>
          <p>
            {t(
              'Your posts stay, shown as by a deleted user, so the threads they belong to still make sense. Your username, email address, password, title and sessions are removed, and you are signed out everywhere. Nobody can register your username for {days, number} days. This cannot be undone: export your data first if you want a copy.',
              { days: 30 },
            )}
          </p>
          <form class="stacked-form" method="post" action="/settings/account/delete">
            <CsrfField token={site.csrfToken} />
            <input type="hidden" name="username" value={username} autocomplete="username" />
            <CurrentPasswordField id="delete-password" error={errors.password} />
            <TextField
              id="delete-confirm"
              name="confirm"
              label={t('Type your username to confirm')}
              hint={t('Your username is {username}.', { username })}
              value={form.values.confirm}
              error={errors.confirm}
              autocomplete="off"
              spellcheck={false}
              autocapitalize="none"
              required
            />
            <FormActions>
              <button class="button button-danger" type="submit">
                {t('Delete my account')}
              </button>
            </FormActions>
          </form>
        </section>
      </div>
    </Layout>
  )
}
