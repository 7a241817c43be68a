/** /settings/notifications: per kind, mail immediately, as a daily or weekly digest, or never. */
import {
  EMAIL_MODES,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  type EmailMode,
  type NotificationKind,
} from '../../domain/notifications/index.js'
import { CsrfField, ErrorSummary, FormActions, formPageTitle } from '../components/form-fields.js'
import { SettingsNav } from '../components/settings-nav.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface NotificationSettingsPageProps {
  site: SiteContext
  form: FormState<Record<NotificationKind, EmailMode>>
  notice: string | null
}

const MODE_LABELS: Record<EmailMode, string> = {
  immediately: 'Immediately (one message per thread every few minutes)',
  daily: 'Daily digest',
  weekly: 'Weekly digest',
  never: 'Never',
}

export function NotificationSettingsPage({ site, form, notice }: NotificationSettingsPageProps) {
  const fields = NOTIFICATION_KINDS.map((k) => [k, `email-${k}`] as const)
  return (
    <Layout site={site} meta={{ title: formPageTitle('Notification mail', form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={fields} />
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <h1>Settings</h1>
        <SettingsNav current="/settings/notifications" />
        <p class="lede">
          Which notifications also come by mail. What you already read on the site is never mailed.
        </p>
        <form class="stacked-form" method="post" action="/settings/notifications">
          <CsrfField token={site.csrfToken} />
          {NOTIFICATION_KINDS.map((kind) => {
            const error = form.errors[kind]
            return (
              <div class="field">
                <label for={`email-${kind}`}>{NOTIFICATION_KIND_LABELS[kind]}</label>
                {error !== undefined && (
                  <p class="field-error" id={`email-${kind}-error`}>
                    {error}
                  </p>
                )}
                <select
                  id={`email-${kind}`}
                  name={kind}
                  aria-invalid={error !== undefined ? 'true' : undefined}
                  aria-describedby={error !== undefined ? `email-${kind}-error` : undefined}
                >
                  {EMAIL_MODES.map((mode) => (
                    <option value={mode} selected={form.values[kind] === mode}>
                      {MODE_LABELS[mode]}
                    </option>
                  ))}
                </select>
              </div>
            )
          })}
          <FormActions>
            <button class="button" type="submit">
              Save
            </button>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}
