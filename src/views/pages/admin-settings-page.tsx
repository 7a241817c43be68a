/**
 * /admin/settings (admins): every site setting (src/domain/site-settings SETTINGS) with its label,
 * help and bounds. The browser gets the bounds the server checks (min/max, maxlength, required); a
 * refused save comes back with every field's message and the values as typed.
 */
import type { SETTINGS, SettingKey } from '../../domain/site-settings/index.js'
import { msg, t } from '../../i18n/index.js'
import { AdminCrumb, NumberField, SelectField } from '../components/admin-fields.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextAreaField,
  TextField,
} from '../components/form-fields.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface AdminSettingsPageProps {
  site: SiteContext
  settings: typeof SETTINGS
  form: FormState<Record<SettingKey, string>>
  saved: boolean
}

const fieldId = (key: string) => `setting-${key}`

/** The words shown for the choice settings' values (registration, private webhook addresses). */
const CHOICE_LABELS: Readonly<Record<string, string>> = {
  open: msg('open'),
  invite: msg('invite'),
  closed: msg('closed'),
  refuse: msg('refuse'),
  allow: msg('allow'),
}

/** Texts longer than this get a textarea. */
const LONG_TEXT = 120

export function AdminSettingsPage({ site, settings, form, saved }: AdminSettingsPageProps) {
  const keys = Object.keys(settings) as SettingKey[]
  const fields = keys.map((k) => [k, fieldId(k)] as const)
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Site settings'), form), noindex: true }}>
      <div class="form-page">
        <AdminCrumb />
        <ErrorSummary form={form} fields={fields} />
        {saved && (
          <div class="notice-success" role="status">
            <p>{t('Settings saved.')}</p>
          </div>
        )}
        <h1>{t('Site settings')}</h1>
        <p class="lede">
          {t('Changes apply within a few seconds and are written to the staff log.')}
        </p>
        <form class="stacked-form" method="post" action="/admin/settings">
          <CsrfField token={site.csrfToken} />
          {keys.map((key) => {
            const def = settings[key]
            const common = {
              id: fieldId(key),
              name: key,
              label: t(def.label),
              value: form.values[key],
              error: form.errors[key],
              ...(def.help !== '' ? { hint: t(def.help) } : {}),
            }
            if (def.kind === 'int') return <NumberField {...common} min={def.min} max={def.max} />
            if (def.kind === 'choice')
              return (
                <SelectField
                  {...common}
                  required
                  options={def.choices.map((c) => [c, t(CHOICE_LABELS[c] ?? c)] as const)}
                />
              )
            return def.max > LONG_TEXT ? (
              <TextAreaField {...common} rows={3} maxLength={def.max} required={def.min > 0} />
            ) : (
              <TextField
                {...common}
                maxLength={def.max}
                minLength={def.min}
                required={def.min > 0}
              />
            )
          })}
          <FormActions>
            <button class="button" type="submit">
              {t('Save settings')}
            </button>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}
