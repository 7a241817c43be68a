/**
 * /admin/blocks (admins): the addresses refused at sign-up (an email, a domain, an IP address or a
 * range), the form that adds one, and a button per block that removes it.
 */
import type { SignUpBlock } from '../../domain/users/index.js'
import { formatDate } from '../../domain/format/index.js'
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
  ['email', 'An email address'],
  ['email-domain', 'An email domain'],
  ['ip', 'An IP address'],
  ['ip-range', 'An IP range (CIDR)'],
] as const

const FIELDS = [
  ['kind', 'block-kind'],
  ['value', 'block-value'],
  ['reason', 'block-reason'],
] as const

export function AdminBlocksPage({ site, blocks, form, reasonMax }: AdminBlocksPageProps) {
  return (
    <Layout site={site} meta={{ title: formPageTitle('Sign-up blocks', form), noindex: true }}>
      <div class="form-page form-page-wide">
        <AdminCrumb />
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>Sign-up blocks</h1>
        <p class="lede">
          Nobody can register from a blocked address. Existing accounts are not affected.
        </p>
        <section aria-labelledby="new-block">
          <h2 id="new-block">Block</h2>
          <form class="stacked-form" method="post" action="/admin/blocks">
            <CsrfField token={site.csrfToken} />
            <SelectField
              id="block-kind"
              name="kind"
              label="What to block"
              value={form.values.kind}
              error={form.errors.kind}
              options={KIND_LABELS}
              required
            />
            <TextField
              id="block-value"
              name="value"
              label="Address, domain or range"
              hint="Such as name@example.com, example.com, 203.0.113.7 or 203.0.113.0/24."
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
              label="Reason (optional)"
              hint="For the staff log and other staff; the person refused is not told."
              value={form.values.reason}
              error={form.errors.reason}
              maxLength={reasonMax}
            />
            <FormActions>
              <button class="button" type="submit">
                Add block
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="blocks">
          <h2 id="blocks">Blocks</h2>
          {blocks.length === 0 ? (
            <p>Nothing is blocked.</p>
          ) : (
            <table class="thread-table admin-table">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Value</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Added</th>
                  <th scope="col">Action</th>
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
                    <td>{formatDate(b.createdAt)}</td>
                    <td>
                      <form method="post" action={`/admin/blocks/${b.id}/remove`}>
                        <CsrfField token={site.csrfToken} />
                        <button class="button button-quiet" type="submit">
                          Remove
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
