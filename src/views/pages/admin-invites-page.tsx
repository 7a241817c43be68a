/**
 * /admin/invites (staff): invitations to register while registration is by invitation. A form makes
 * one (for anyone, or for one address; lasting some days); its link is shown once, right after. The
 * list shows each invitation's state, with a button to revoke an open one.
 */
import type { Invitation } from '../../domain/trust/index.js'
import { msg, t, tx } from '../../i18n/index.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextField,
} from '../components/form-fields.js'
import { RelativeTime } from '../components/relative-time.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface InviteValues {
  email: string
  days: string
  note: string
}

export interface AdminInvitesPageProps {
  site: SiteContext
  form: FormState<InviteValues>
  invitations: Invitation[]
  /** The registration setting, so the page can say when invitations are not needed. */
  registration: 'open' | 'invite' | 'closed'
  /** The link of the invitation just made: shown once, never stored. */
  created?: { link: string; email: string | null } | undefined
}

const FIELDS = [
  ['email', 'invite-email'],
  ['days', 'invite-days'],
  ['note', 'invite-note'],
] as const

const STATE_LABELS: Record<Invitation['state'], string> = {
  open: msg('Open'),
  used: msg('Used'),
  expired: msg('Expired'),
  revoked: msg('Revoked'),
}

export function AdminInvitesPage(props: AdminInvitesPageProps) {
  const { site, form, invitations, registration, created } = props
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Invitations'), form), noindex: true }}>
      <div class="form-page form-page-wide">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{t('Invitations')}</h1>
        <p class="lede">
          {registration === 'invite'
            ? t('Registration is by invitation: each link below lets one person make an account.')
            : registration === 'open'
              ? t(
                  'Registration is open right now; invitations count only while it is by invitation.',
                )
              : t(
                  'Registration is closed right now; invitations count only while it is by invitation.',
                )}
        </p>
        {created !== undefined && (
          <div class="notice" role="status">
            <p>
              {created.email
                ? t('Invitation made for {email}. Copy its link now: it is not shown again.', {
                    email: created.email,
                  })
                : t('Invitation made. Copy its link now: it is not shown again.')}
            </p>
            <p>
              <code class="invite-link">{created.link}</code>
            </p>
          </div>
        )}
        <section aria-labelledby="invite-new">
          <h2 id="invite-new">{t('New invitation')}</h2>
          <form class="stacked-form" method="post" action="/admin/invites">
            <CsrfField token={site.csrfToken} />
            <TextField
              id="invite-email"
              name="email"
              type="email"
              label={t('Email (optional)')}
              hint={t(
                'Only this address can use the invitation; leave empty for anyone with the link.',
              )}
              value={form.values.email}
              error={form.errors.email}
              autocomplete="off"
              spellcheck={false}
            />
            <TextField
              id="invite-days"
              name="days"
              label={t('Days it lasts')}
              hint={t('From 1 to 90.')}
              value={form.values.days}
              error={form.errors.days}
              required
              maxLength={3}
            />
            <TextField
              id="invite-note"
              name="note"
              label={t('Note (optional)')}
              hint={t('For staff: who it is for. Kept in the staff log.')}
              value={form.values.note}
              error={form.errors.note}
              maxLength={200}
            />
            <FormActions>
              <button class="button" type="submit">
                {t('Make invitation')}
              </button>
            </FormActions>
          </form>
        </section>
        <section aria-labelledby="invite-list">
          <h2 id="invite-list">{t('Invitations')}</h2>
          {invitations.length === 0 ? (
            <p>{t('No invitation yet.')}</p>
          ) : (
            <table class="thread-table">
              <thead>
                <tr>
                  <th scope="col">{t('For')}</th>
                  <th scope="col">{t('State')}</th>
                  <th scope="col">{t('Made')}</th>
                  <th scope="col">{t('Expires')}</th>
                  <th scope="col">{t('Note')}</th>
                  <th scope="col">{t('Action')}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((i) => (
                  <tr>
                    <td>{i.email ?? t('anyone with the link')}</td>
                    <td>
                      {i.usedBy !== null
                        ? t('{state} by {user}', {
                            state: t(STATE_LABELS[i.state]),
                            user: i.usedBy,
                          })
                        : t(STATE_LABELS[i.state])}
                    </td>
                    <td>
                      {i.createdBy !== null ? (
                        tx('{time} by {user}', {
                          time: <RelativeTime at={i.createdAt} now={site.now} />,
                          user: i.createdBy,
                        })
                      ) : (
                        <RelativeTime at={i.createdAt} now={site.now} />
                      )}
                    </td>
                    <td>
                      <RelativeTime at={i.expiresAt} now={site.now} />
                    </td>
                    <td>{i.note ?? ''}</td>
                    <td>
                      {i.state === 'open' && (
                        <form method="post" action={`/admin/invites/${i.id}/revoke`}>
                          <CsrfField token={site.csrfToken} />
                          <button class="button button-quiet button-small" type="submit">
                            {t('Revoke')}
                          </button>
                        </form>
                      )}
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
