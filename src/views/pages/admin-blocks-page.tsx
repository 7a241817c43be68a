/**
 * /admin/blocks (admins): the addresses refused at sign-up (an email, a domain, an IP address or a
 * range), the form that adds one, and a button per block that removes it.
 */
import type { SignUpBlock } from '../../domain/users/index.js'
import { date, msg, t } from '../../i18n/index.js'
import { AdminCrumb, SelectField } from '../components/admin-fields.js'
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

export interface BlockFormValues {
  kind: string
  value: string
  reason: string
}

export interface AdminBlocksPageProps {
  site: SiteContext
  blocks: SignUpBlock[]
  form: FormState<BlockFormValues>
  reasonMax: number
}

const KIND_LABELS = [
  ['email', msg('An email address')],
  ['email-domain', msg('An email domain')],
  ['ip', msg('An IP address')],
  ['ip-range', msg('An IP range (CIDR)')],
] as const

const FIELDS = [
  ['kind', 'block-kind'],
  ['value', 'block-value'],
  ['reason', 'block-reason'],
] as const

export function AdminBlocksPage({ site, blocks, form, reasonMax }: AdminBlocksPageProps) {
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Sign-up blocks'), form), noindex: true }}>
      <div class="form-page form-page-wide">
        <AdminCrumb />
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{t('Sign-up blocks')}</h1>
        <p class="lede">
          {t('Nobody can register from a blocked address. Existing accounts are not affected.')}
        </p>
        <section aria-labelledby="new-block">
          <h2 id="new-block">{t('Block')}</h2>
          <form class="stacked-form" method="post" action="/admin/blocks">
            <CsrfField token={site.csrfToken} />
            <SelectField
              id="block-kind"
              name="kind"
              label={t('What to block')}
              value={form.values.kind}
              error={form.errors.kind}
              options={KIND_LABELS.map(([value, label]) => [value, t(label)] as const)}
              required
            />
            <TextField
              id="block-value"
              name="value"
              label={t('Address, domain or range')}
              hint={t('Such as name@example.com, example.com, 203.0.113.7 or 203.0.113.0/24.')}
              value={form.values.value}
              error={form.errors.value}
              required
              maxLength={300}
              autocapitalize="none"
              spellcheck={false}
            />
            <TextField
              id="block-reason"
              name="reason"
              label={t('Reason (optional)')}
              hint={t('For the staff log and other staff; the person refused is not told.')}
              value={form.values.reason}
              error={form.errors.reason}
              maxLength={reasonMax}
            />
            <FormActions>
              <button class="button" type="submit">
                {t('Add block')}
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="blocks">
          <h2 id="blocks">{t('Blocks')}</h2>
          {blocks.length === 0 ? (
            <p>{t('Nothing is blocked.')}</p>
          ) : (
            <table class="thread-table admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('Kind')}</th>
                  <th scope="col">{t('Value')}</th>
                  <th scope="col">{t('Reason')}</th>
                  <th scope="col">{t('Added')}</th>
                  <th scope="col">{t('Action')}</th>
                </tr>
              </thead>
              <tbody>
                {blocks.map((b) => (
                  <tr>
                    <td>{b.kind}</td>
                    <td>
                      <code>{b.value}</code>
                    </td>
                    <td>{b.reason ?? '—'}</td>
                    <td>{date(b.createdAt)}</td>
                    <td>
                      <form method="post" action={`/admin/blocks/${b.id}/remove`}>
                        <CsrfField token={site.csrfToken} />
                        <button class="button button-quiet" type="submit">
                          {t('Remove')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </Layout>
  )
}
