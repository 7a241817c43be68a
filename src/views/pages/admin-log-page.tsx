/**
 * /admin/log (moderators and admins): the staff log newest first, filtered by who, what, on what and
 * when, a page at a time ("Older" carries the last id shown). Before and after values are shown
 * compactly; every value is text, escaped by Preact like the rest of the page.
 */
import type { AuditEntry } from '../../domain/audit-log/index.js'
import { date, t } from '../../i18n/index.js'
import { AdminCrumb, SelectField } from '../components/admin-fields.js'
import { ErrorSummary, formPageTitle, TextField } from '../components/form-fields.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface LogFilterValues {
  actor: string
  action: string
  targetType: string
  targetId: string
  from: string
  to: string
}

export interface AdminLogPageProps {
  site: SiteContext
  entries: AuditEntry[]
  actions: string[]
  targetTypes: readonly string[]
  form: FormState<LogFilterValues>
  /** The "Older" link, when there are older entries. */
  olderHref: string | null
}

const FIELDS = [
  ['actor', 'log-actor'],
  ['action', 'log-action'],
  ['targetType', 'log-target-type'],
  ['targetId', 'log-target-id'],
  ['from', 'log-from'],
  ['to', 'log-to'],
] as const

const COMPACT_MAX = 160

/**
 * A logged value in one short line: text as is, objects as `key: value` pairs, cut at 160 characters.
 * @example compactValue({ slug: 'usb', name: 'USB' }) // "slug: usb, name: USB"
 */
export function compactValue(value: unknown): string {
  const text =
    value === null || value === undefined
      ? '—'
      : typeof value === 'string'
        ? value
        : typeof value === 'object' && !Array.isArray(value)
          ? Object.entries(value as Record<string, unknown>)
              .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
              .join(', ')
          : JSON.stringify(value)
  return text.length > COMPACT_MAX ? `${text.slice(0, COMPACT_MAX - 1)}…` : text
}

function timeOf(at: number): string {
  return `${date(at)} ${new Date(at).toISOString().slice(11, 16)} UTC`
}

export function AdminLogPage(props: AdminLogPageProps) {
  const { site, entries, form } = props
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Staff log'), form), noindex: true }}>
      <div class="form-page form-page-wide">
        <AdminCrumb />
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{t('Staff log')}</h1>
        <form class="admin-filter" method="get" action="/admin/log">
          <TextField
            id="log-actor"
            name="actor"
            label={t('Who (username)')}
            value={form.values.actor}
            error={form.errors.actor}
            maxLength={100}
            autocapitalize="none"
            spellcheck={false}
          />
          <SelectField
            id="log-action"
            name="action"
            label={t('Action')}
            value={form.values.action}
            error={form.errors.action}
            options={[['', t('Any')], ...props.actions.map((a) => [a, a] as const)]}
          />
          <SelectField
            id="log-target-type"
            name="targetType"
            label={t('Target type')}
            value={form.values.targetType}
            error={form.errors.targetType}
            options={[['', t('Any')], ...props.targetTypes.map((type) => [type, type] as const)]}
          />
          <TextField
            id="log-target-id"
            name="targetId"
            label={t('Target id')}
            value={form.values.targetId}
            error={form.errors.targetId}
            maxLength={10}
          />
          <TextField
            id="log-from"
            name="from"
            label={t('From (YYYY-MM-DD)')}
            value={form.values.from}
            error={form.errors.from}
            maxLength={10}
          />
          <TextField
            id="log-to"
            name="to"
            label={t('To (YYYY-MM-DD)')}
            value={form.values.to}
            error={form.errors.to}
            maxLength={10}
          />
          <div class="form-actions">
            <button class="button" type="submit">
              {t('Filter')}
            </button>
            <a class="button button-quiet" href="/admin/log">
              {t('Clear')}
            </a>
          </div>
        </form>
        {entries.length === 0 ? (
          <p>{t('No entry matches.')}</p>
        ) : (
          <table class="thread-table admin-table admin-log">
            <thead>
              <tr>
                <th scope="col">{t('When')}</th>
                <th scope="col">{t('Who')}</th>
                <th scope="col">{t('Action')}</th>
                <th scope="col">{t('Target')}</th>
                <th scope="col">{t('Reason')}</th>
                <th scope="col">{t('Change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr id={`entry-${e.id}`}>
                  <td>{timeOf(e.createdAt)}</td>
                  <td>{e.actor === null ? t('automatic') : e.actor.username}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.targetType}
                    {e.targetId !== null && ` #${e.targetId}`}: {e.targetLabel}
                  </td>
                  <td>{e.reason ?? '—'}</td>
                  <td class="admin-change">
                    {e.before === null && e.after === null ? (
                      '—'
                    ) : (
                      <>
                        <span class="admin-before">{compactValue(e.before)}</span>
                        {' → '}
                        <span class="admin-after">{compactValue(e.after)}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {props.olderHref !== null && (
          <nav class="pagination" aria-label={t('Staff log pages')}>
            <a class="button button-quiet" href={props.olderHref} rel="next">
              {t('Older')}
            </a>
          </nav>
        )}
      </div>
    </Layout>
  )
}
