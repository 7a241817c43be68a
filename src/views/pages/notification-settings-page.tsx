/**
 * /settings/notifications: per kind, mail immediately, as a daily or weekly digest, or never; and the
 * levels asking and replying set (two forms, each with its CSRF token).
 */
import {
  EMAIL_MODES,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  type EmailMode,
  type NotificationKind,
} from '../../domain/notifications/index.js'
import {
  DEFAULT_WATCH_LEVELS,
  WATCH_LEVEL_HINTS,
  type DefaultWatchLevel,
} from '../../domain/watching/index.js'
import { msg, t, tx } from '../../i18n/index.js'
import { CsrfField, ErrorSummary, FormActions, formPageTitle } from '../components/form-fields.js'
import { SettingsNav } from '../components/settings-nav.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface NotificationSettingsPageProps {
  site: SiteContext
  form: FormState<Record<NotificationKind, EmailMode>>
  /** "When I ask" / "when I reply": the levels those set (values as typed when refused). */
  defaults: FormState<{ on_ask: string; on_reply: string }>
  notice: string | null
}

const DEFAULT_FIELDS = [
  { name: 'on_ask', id: 'watch-on-ask', label: msg('When I ask a question') },
  { name: 'on_reply', id: 'watch-on-reply', label: msg('When I reply or comment') },
] as const

/** The two selects of the watch defaults form. */
function WatchDefaultsForm({ site, form }: { site: SiteContext; form: PageDefaultsForm }) {
  return (
    <form class="stacked-form" method="post" action="/settings/watch-defaults">
      <CsrfField token={site.csrfToken} />
      {DEFAULT_FIELDS.map(({ name, id, label }) => {
        const error = form.errors[name]
        return (
          <div class="field">
            <label for={id}>{t(label)}</label>
            {error !== undefined && (
              <p class="field-error" id={`${id}-error`}>
                {error}
              </p>
            )}
            <select
              id={id}
              name={name}
              aria-invalid={error !== undefined ? 'true' : undefined}
              aria-describedby={error !== undefined ? `${id}-error` : undefined}
            >
              {DEFAULT_WATCH_LEVELS.map((level: DefaultWatchLevel) => (
                <option value={level} selected={form.values[name] === level}>
                  {t(WATCH_LEVEL_HINTS[level].label)}: {t(WATCH_LEVEL_HINTS[level].hint)}
                </option>
              ))}
            </select>
          </div>
        )
      })}
      <FormActions>
        <button class="button" type="submit">
          {t('Save defaults')}
        </button>
      </FormActions>
    </form>
  )
}

type PageDefaultsForm = NotificationSettingsPageProps['defaults']

const MODE_LABELS: Record<EmailMode, string> = {
  immediately: msg('Immediately (one message per thread every few minutes)'),
  daily: msg('Daily digest'),
  weekly: msg('Weekly digest'),
  never: msg('Never'),
}

export function NotificationSettingsPage({
  site,
  form,
  defaults,
  notice,
}: NotificationSettingsPageProps) {
  const fields = NOTIFICATION_KINDS.map((k) => [k, `email-${k}`] as const)
  const defaultFields = DEFAULT_FIELDS.map((f) => [f.name, f.id] as const)
  const titleForm = Object.keys(defaults.errors).length > 0 ? defaults : form
  return (
    <Layout
      site={site}
      meta={{ title: formPageTitle(t('Notification mail'), titleForm), noindex: true }}
    >
      <div class="form-page">
        <ErrorSummary form={form} fields={fields} />
        <ErrorSummary form={defaults} fields={defaultFields} id="defaults-error-summary" />
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <h1>{t('Settings')}</h1>
        <SettingsNav current="/settings/notifications" />
        <p class="lede">
          {t(
            'Which notifications also come by mail. What you already read on the site is never mailed.',
          )}
        </p>
        <form class="stacked-form" method="post" action="/settings/notifications">
          <CsrfField token={site.csrfToken} />
          {NOTIFICATION_KINDS.map((kind) => {
            const error = form.errors[kind]
            return (
              <div class="field">
                <label for={`email-${kind}`}>{t(NOTIFICATION_KIND_LABELS[kind])}</label>
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
                      {t(MODE_LABELS[mode])}
                    </option>
                  ))}
                </select>
              </div>
            )
          })}
          <FormActions>
            <button class="button" type="submit">
              {t('Save')}
            </button>
          </FormActions>
        </form>
        <section aria-labelledby="watch-defaults">
          <h2 id="watch-defaults">{t('Following my own threads')}</h2>
          <p>
            {tx(
              'The level your question or reply sets on its thread (a level you already chose for the thread stays). Change any thread’s level on its page or under <a>Watching</a>.',
              { a: (c) => <a href="/settings/watching">{c}</a> },
            )}
          </p>
          <WatchDefaultsForm site={site} form={defaults} />
        </section>
      </div>
    </Layout>
  )
}
